package io.istiocon.bot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads request bodies shaped like Slack's from {@code src/test/resources/slack/}, filling in
 * {@code ${name}} placeholders: URL-encoded in form bodies, JSON-escaped in JSON bodies.
 */
public final class Fixtures {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

  private Fixtures() {}

  /** Returns a form body with the values URL-encoded. */
  public static String form(String name, Map<String, String> values) {
    return fill(name, values, v -> URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  /** Returns a JSON body with the values escaped for a JSON string. */
  public static String json(String name, Map<String, String> values) {
    return fill(name, values, Fixtures::jsonEscape);
  }

  /** Returns an interactivity body: {@code payload=} and the URL-encoded JSON, as Slack posts it. */
  public static String interactive(String name, Map<String, String> values) {
    return "payload=" + URLEncoder.encode(json(name, values), StandardCharsets.UTF_8);
  }

  /** Returns a fixture as it is stored. */
  public static String raw(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/slack/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture src/test/resources/slack/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fill(String name, Map<String, String> values, UnaryOperator<String> encode) {
    Matcher m = PLACEHOLDER.matcher(raw(name));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("fixture " + name + " needs a value for ${" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(encode.apply(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String jsonEscape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
