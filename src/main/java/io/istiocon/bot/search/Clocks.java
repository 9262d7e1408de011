package io.istiocon.bot.search;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds clock times, lengths of time and zone offsets in folded text before it is split into
 * words, where their punctuation still tells them apart ("9:30am", "18:10", "2.5-hour",
 * "UTC+8", "下午3点"), and replaces each with one marker word the readers understand
 * ({@code clk0930}, {@code dur150}, {@code tzp0800}). Splitting would otherwise scatter them into
 * numbers that look like topics.
 */
final class Clocks {
  private static final String AMPM = "(a\\.?m\\.?|p\\.?m\\.?)";
  private static final Pattern COLON = Pattern.compile("(?<![\\w:.])([01]?\\d|2[0-3]):([0-5]\\d)\\s*" + AMPM + "?(?![\\w:])");
  private static final Pattern DOT_AMPM = Pattern.compile("(?<![\\w:.])(1[0-2]|0?[1-9])\\.([0-5]\\d)\\s*" + AMPM + "(?!\\w)");
  private static final Pattern HOUR_AMPM = Pattern.compile("(?<![\\w:.])(1[0-2]|0?[1-9])\\s*" + AMPM + "(?!\\w)");
  private static final Pattern HAN = Pattern.compile("(上午|早上|早晨|中午|下午|晚上|今晚)?\\s*(\\d{1,2})\\s*[点點时時](?:\\s*(半)|\\s*(\\d{1,2})\\s*分)?");
  private static final Pattern LENGTH = Pattern.compile(
      "(?<![\\w.])(\\d{1,3}(?:\\.\\d+)?)\\s*-?\\s*(hours?|hrs?|minutes?|mins?)(?![a-z])");
  /** "21h45", "15h": the hour marked with an h, as much of Europe and Latin America writes it. */
  private static final Pattern H_MARK = Pattern.compile("(?<![\\w:.])([01]?\\d|2[0-3])h([0-5]\\d)?(?![\\w:])");
  /** British "half 5": half past five; not "half 5-minute breaks" nor "half 2021". */
  private static final Pattern HALF = Pattern.compile("(?<![a-z])half\\s+(1[0-2]|[1-9])(?![\\w:.-])");
  private static final Pattern OFFSET = Pattern.compile("(?<![a-z])(?:utc|gmt)\\s*([+-])\\s*(\\d{1,2})(?::?([0-5]\\d))?(?!\\d)");

  private Clocks() {}

  /** Returns the text with clock times, lengths and offsets replaced by marker words. */
  static String mark(String folded) {
    String out = replace(OFFSET, folded, m -> {
      int hours = Integer.parseInt(m.group(2));
      int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      return hours > 14 ? null : String.format(Locale.ROOT, "tz%s%02d%02d", m.group(1).equals("-") ? "m" : "p", hours, minutes);
    });
    out = replace(COLON, out, m -> clock(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
    out = replace(DOT_AMPM, out, m -> clock(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
    out = replace(HOUR_AMPM, out, m -> clock(Integer.parseInt(m.group(1)), 0, m.group(2)));
    out = replace(HAN, out, m -> {
      int hour = Integer.parseInt(m.group(2));
      int minute = m.group(3) != null ? 30 : m.group(4) != null ? Integer.parseInt(m.group(4)) : 0;
      String part = m.group(1);
      boolean pm = part != null && (part.equals("下午") || part.equals("晚上") || part.equals("今晚"));
      if (hour > 23 || minute > 59) {
        return null;
      }
      return clock(pm && hour < 12 ? hour + 12 : hour, minute, null);
    });
    out = replace(HALF, out, m -> clock(Integer.parseInt(m.group(1)), 30, null));
    out = replace(H_MARK, out, m -> String.format(Locale.ROOT, "clk%02d%02d", Integer.parseInt(m.group(1)),
        m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
    out = replace(LENGTH, out, m -> {
      double amount = Double.parseDouble(m.group(1));
      double minutes = m.group(2).startsWith("h") ? amount * 60 : amount;
      return minutes < 1 || minutes > 60 * 24 * 7 ? null : "dur" + Math.round(minutes);
    });
    return out;
  }

  private static String clock(int hour, int minute, String ampm) {
    int h = hour;
    if (ampm != null) {
      boolean pm = ampm.charAt(0) == 'p';
      if (h > 12) {
        return null; // "18:10pm" is no time
      }
      h = h % 12 + (pm ? 12 : 0);
      return String.format(Locale.ROOT, "clk%02d%02d", h, minute);
    }
    return String.format(Locale.ROOT, "clq%02d%02d", h, minute); // no am/pm: the reader decides
  }

  private interface Replacement {
    String of(Matcher m);
  }

  private static String replace(Pattern pattern, String text, Replacement replacement) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean any = false;
    while (m.find()) {
      String word = replacement.of(m);
      if (word != null) {
        m.appendReplacement(out, " " + word + " ");
        any = true;
      }
    }
    if (!any) {
      return text;
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Returns the time of a clock marker, or null for any other word. */
  static LocalTime time(String word) {
    if (word.length() != 7 || !(word.startsWith("clk") || word.startsWith("clq"))) {
      return null;
    }
    int h = Integer.parseInt(word, 3, 5, 10);
    int m = Integer.parseInt(word, 5, 7, 10);
    return LocalTime.of(h, m);
  }

  /** Returns whether a clock marker came without am or pm ("at 9:30"), so the reader may move it to the afternoon. */
  static boolean bare(String word) {
    return word.startsWith("clq");
  }

  /** Returns the length of a length marker, or null for any other word. */
  static Duration length(String word) {
    if (!word.startsWith("dur") || word.length() < 4) {
      return null;
    }
    for (int i = 3; i < word.length(); i++) {
      if (!Character.isDigit(word.charAt(i))) {
        return null;
      }
    }
    return Duration.ofMinutes(Long.parseLong(word.substring(3)));
  }

  /** Returns the zone of an offset marker, or null for any other word. */
  static ZoneId offset(String word) {
    if (word.length() != 7 || !(word.startsWith("tzp") || word.startsWith("tzm"))) {
      return null;
    }
    String sign = word.charAt(2) == 'p' ? "+" : "-";
    return Zones.abbreviation("utc" + sign + word.substring(3, 5) + ":" + word.substring(5, 7));
  }

  /** Returns whether a word is one of the markers this class writes. */
  static boolean isMarker(String word) {
    return time(word) != null || length(word) != null || offset(word) != null;
  }
}
