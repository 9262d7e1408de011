package io.istiocon.bot.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Converts between Slack's formatted text and plain text, in both directions. */
final class SlackText {
  /** A Slack token such as {@code <@U123>}, {@code <#C1|general>}, {@code <!here>} or {@code <https://x|label>}. */
  private static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");

  private SlackText() {}

  /** Escapes the three characters Slack's mrkdwn treats as control characters, so no text can mention anyone. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Makes catalog or user text safe for a plain_text label: Slack does not parse mentions there,
   * but a label should never even look like one, so angle brackets become their single-quote lookalikes.
   */
  static String label(String text) {
    return text.replace('<', '\u2039').replace('>', '\u203a');
  }

  /**
   * Returns what a person typed, from the text Slack sends: mentions of the bot and broadcasts are
   * dropped, other tokens become their labels ({@code <#C1|general>} becomes {@code #general}), and
   * entities are decoded.
   */
  static String plain(String slackText, String botUserId) {
    if (slackText == null) {
      return "";
    }
    Matcher m = TOKEN.matcher(slackText);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(label(m.group(1), botUserId)));
    }
    m.appendTail(out);
    return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
  }

  private static String label(String token, String botUserId) {
    int bar = token.indexOf('|');
    String target = bar < 0 ? token : token.substring(0, bar);
    String label = bar < 0 ? null : token.substring(bar + 1);
    if (target.startsWith("@")) {
      if (target.substring(1).equals(botUserId)) {
        return "";
      }
      return label == null ? "" : "@" + label;
    }
    if (target.startsWith("#")) {
      return label == null ? "" : "#" + label;
    }
    if (target.startsWith("!")) {
      // Broadcasts (<!here>) ask nothing and are dropped; user groups and dates keep their label.
      boolean broadcast = target.matches("!(here|channel|everyone)");
      return broadcast || label == null ? "" : label;
    }
    return label == null ? target : label;
  }
}
