package io.istiocon.bot.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Block Kit JSON in tests: finds buttons and text, and checks Block Kit's limits and mention safety. */
public final class BlockKit {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Slack tokens we write ourselves: date tokens and links. Anything else in angle brackets could ping someone. */
  private static final Pattern OUR_TOKENS = Pattern.compile("<!date\\^\\d+\\^[^|<>]*\\|[^<>]*>|<https?://[^|<>]+\\|[^<>]*>");

  private BlockKit() {}

  /** Parses JSON. */
  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** Returns every button in the blocks, in order. */
  public static List<JsonNode> buttons(JsonNode blocks) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode block : blocks) {
      if (block.path("type").asText().equals("actions")) {
        block.path("elements").forEach(out::add);
      }
      JsonNode accessory = block.path("accessory");
      if (accessory.path("type").asText().equals("button")) {
        out.add(accessory);
      }
    }
    return out;
  }

  /** Returns the button with this action id, if any. */
  public static Optional<JsonNode> button(JsonNode blocks, String actionId) {
    return buttons(blocks).stream().filter(b -> b.path("action_id").asText().equals(actionId)).findFirst();
  }

  /** Returns the texts of all section blocks, in order. */
  public static List<String> sections(JsonNode blocks) {
    List<String> out = new ArrayList<>();
    for (JsonNode block : blocks) {
      if (block.path("type").asText().equals("section")) {
        out.add(block.path("text").path("text").asText());
      }
    }
    return out;
  }

  /** Returns every {@code text} field anywhere in the JSON (what Slack renders), joined by new lines. */
  public static String allText(JsonNode node) {
    StringBuilder out = new StringBuilder();
    collect(node, out);
    return out.toString();
  }

  private static void collect(JsonNode node, StringBuilder out) {
    for (var field : node.properties()) {
      if (field.getKey().equals("text") && field.getValue().isTextual()) {
        out.append(field.getValue().asText()).append('\n');
      }
    }
    node.forEach(child -> collect(child, out));
  }

  /** Fails if any text holds a Slack token (mention, broadcast, link) other than our date tokens and links. */
  public static void assertNoMentions(JsonNode node) {
    String text = allText(node);
    Matcher ours = OUR_TOKENS.matcher(text);
    String rest = ours.replaceAll("");
    int at = rest.indexOf('<');
    if (at >= 0) {
      fail("unescaped '<' could mention someone: ..." + rest.substring(Math.max(0, at - 40), Math.min(rest.length(), at + 60)));
    }
  }

  /** Checks Block Kit's limits on a message's or view's blocks. */
  public static void assertWithinLimits(JsonNode blocks, int maxBlocks) {
    assertTrue(blocks.isArray(), "blocks must be an array");
    assertTrue(blocks.size() >= 1 && blocks.size() <= maxBlocks, "block count " + blocks.size() + " > " + maxBlocks);
    Set<String> actionIds = new HashSet<>();
    for (JsonNode block : blocks) {
      String type = block.path("type").asText();
      switch (type) {
        case "header" -> {
          assertEquals("plain_text", block.path("text").path("type").asText());
          assertTrue(block.path("text").path("text").asText().length() <= 150, "header over 150 characters");
        }
        case "section" -> {
          String text = block.path("text").path("text").asText();
          assertTrue(!text.isEmpty() && text.length() <= 3000, "section text length " + text.length());
        }
        case "context" -> {
          assertTrue(block.path("elements").size() >= 1 && block.path("elements").size() <= 10, "context elements");
          block.path("elements").forEach(e -> assertTrue(e.path("text").asText().length() <= 3000, "context text"));
        }
        case "actions" -> assertTrue(block.path("elements").size() >= 1 && block.path("elements").size() <= 25, "actions");
        case "divider" -> { }
        default -> fail("unexpected block type " + type);
      }
    }
    for (JsonNode button : buttons(blocks)) {
      String label = button.path("text").path("text").asText();
      assertTrue(!label.isEmpty() && label.length() <= 75, "button text \"" + label + "\"");
      String actionId = button.path("action_id").asText();
      assertTrue(!actionId.isEmpty() && actionId.length() <= 255, "action_id " + actionId);
      assertTrue(actionIds.add(actionId), "action_id " + actionId + " is used twice");
      assertTrue(button.path("value").asText().length() <= 2000, "button value over 2000 characters");
      assertTrue(button.path("url").asText().length() <= 3000, "button url over 3000 characters");
    }
  }
}
