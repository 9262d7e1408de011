package io.istiocon.bot.search;

import java.util.regex.Pattern;

/** Shortens catalog text for cards without cutting words or Markdown links in half. */
public final class Snippets {
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^\\s*#+\\s*");
  private static final Pattern BULLET = Pattern.compile("(?m)^\\s*[-*]\\s+");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern TRAILING = Pattern.compile("[\\s,;:.\\-–—•]+$");

  private Snippets() {}

  /**
   * Returns the text flattened to one paragraph and cut at a word boundary to at most {@code max}
   * characters, with an ellipsis when cut.
   */
  public static String trim(String text, int max) {
    if (text == null) {
      return "";
    }
    // Only the start can survive the cut; a generous prefix keeps the work small for long abstracts
    // (links and bullets shorten the text, so the prefix is several times the limit).
    int limit = max * 4 + 200;
    if (text.length() > limit && Character.isHighSurrogate(text.charAt(limit - 1))) {
      limit--;
    }
    String head = text.length() > limit ? text.substring(0, limit) : text;
    String flat = LINK.matcher(head).replaceAll("$1"); // [label](url) -> label
    flat = HEADING.matcher(flat).replaceAll("");
    flat = BULLET.matcher(flat).replaceAll("\u2022 ");
    flat = SPACE.matcher(flat).replaceAll(" ").strip();
    if (head.length() < text.length() && flat.length() <= max) {
      flat = flat + " \u2026"; // the prefix was all there was room to flatten
    }
    if (flat.length() <= max) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    if (Character.isHighSurrogate(flat.charAt(cut - 1))) {
      cut--;
    }
    return TRAILING.matcher(flat.substring(0, cut)).replaceAll("") + "…";
  }
}
