package io.istiocon.bot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.Fixtures;
import io.istiocon.bot.testing.RunningBot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The logs of {@code serve} in a child JVM: one line per answered request with its fields, as text
 * by default and as one JSON object per line with {@code LOG_FORMAT=json}, and never a token or
 * the signing secret, whatever the format.
 */
class StructuredLogsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "xoxb-recognisable-bot-token-4242";
  private static final String SECRET = "recognisable-signing-secret-4242";
  private static final String PASTED = "xoxp-pasted-user-token-9999";

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void serve_answeringRequests_logsEachAnswerWithItsFieldsAndNoSecret(String format) throws Exception {
    List<String> lines = run(format);

    String all = String.join("\n", lines);
    assertFalse(all.contains(TOKEN) || all.contains("recognisable-bot-token"), "the bot token leaked:\n" + all);
    assertFalse(all.contains(SECRET) || all.contains("recognisable-signing"), "the signing secret leaked:\n" + all);
    assertFalse(all.contains("pasted-user-token"), "a token pasted into a question leaked:\n" + all);
    if (format.equals("json")) {
      List<JsonNode> records = new ArrayList<>();
      for (String line : lines) {
        JsonNode record = JSON.readTree(line); // every line is one JSON object
        assertTrue(record.isObject(), line);
        for (String field : List.of("timestamp", "level", "logger", "message")) {
          assertTrue(record.hasNonNull(field), field + " in " + line);
        }
        records.add(record);
      }
      JsonNode command = find(records, "slash_command");
      assertEquals("answered", command.path("outcome").asText());
      assertEquals("ebpf talks", command.path("query").asText());
      assertEquals("search", command.path("intent").asText());
      assertEquals(1, command.path("results").asInt());
      assertTrue(command.path("latency_ms").isIntegralNumber(), command.toString());
      assertEquals(1, command.path("catalog_version").asInt());
      assertEquals("io.istiocon.bot.slack.SlackApp", command.path("logger").asText());
      JsonNode mention = find(records, "app_mention");
      assertEquals("no_results", mention.path("outcome").asText()); // no session mentions the token's "xoxp"
      String cut = "x".repeat(200 - ("wasm " + PASTED + " ").length()); // cut to 200 characters, then the token masked
      assertEquals("wasm xoxp-*** " + cut, mention.path("query").asText());
      assertTrue(records.stream().anyMatch(r -> r.path("message").asText().contains("rejected a Command request")));
    } else {
      assertTrue(lines.stream().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  SlackApp - slash_command answered "
          + "kind=slash_command outcome=answered query=\"ebpf talks\" intent=search results=1 latency_ms=\\d+ catalog_version=1")),
          String.join("\n", lines));
      assertTrue(lines.stream().anyMatch(l -> l.contains("SlackApp - app_mention no_results kind=app_mention "
          + "outcome=no_results query=\"wasm xoxp-*** xxx")), String.join("\n", lines));
      assertTrue(lines.stream().noneMatch(l -> l.startsWith("{")), "text, not JSON");
    }
  }

  @Test
  void serve_unknownLogFormat_exitsWith2AndOneMessage() throws Exception {
    Path stderr = dir.resolve("stderr.log");
    ProcessBuilder builder = new ProcessBuilder(ChildBot.fromClasspath());
    builder.environment().clear();
    builder.environment().put("LOG_FORMAT", "xml");
    builder.redirectError(stderr.toFile());
    Process process = builder.start();
    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());

    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "serve did not exit");
    assertEquals(2, process.exitValue());
    assertEquals(List.of("istiocon-bot: LOG_FORMAT must be one of text, json, got \"xml\"; unset it for text; "
        + "see docs/operations.md#logs"), Files.readAllLines(stderr, StandardCharsets.UTF_8));
  }

  /** Runs serve, answers a command, a mention and a badly signed request, stops it; returns its stderr. */
  private List<String> run(String format) throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      Map<String, String> env = new HashMap<>(RunningBot.env(slack, Path.of("catalog")));
      env.put("SLACK_BOT_TOKEN", TOKEN);
      env.put("SLACK_SIGNING_SECRET", SECRET);
      env.put("LOG_FORMAT", format);
      env.put("DATA_DIR", dir.resolve("data-" + format).toString());
      try (ChildBot bot = ChildBot.start(ChildBot.fromClasspath(), env, dir.resolve("stderr-" + format + ".log"))) {
        assertEquals(200, bot.command("ebpf talks", slack.responseUrl("c")).statusCode());
        assertEquals(200, bot.event("app_mention.json", Map.of("text", "<@U0BOT> wasm " + PASTED + " " + "x".repeat(300),
            "user", "U0USER1", "ts", "1614015900.000100", "event_id", "Ev0LOGS1")).statusCode());
        slack.take("/api/chat.postMessage");
        String unsigned = Fixtures.form("command.form", Map.of("text", "ebpf", "response_url", slack.responseUrl("c")));
        assertEquals(401, bot.post(unsigned, RunningBot.FORM, Map.of()).statusCode());
        bot.terminate();
        assertEquals(0, bot.awaitExit());
        return bot.stderr();
      }
    }
  }

  private static JsonNode find(List<JsonNode> records, String kind) {
    return records.stream().filter(r -> kind.equals(r.path("kind").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " line in " + records));
  }
}
