package io.istiocon.bot.search;

/** Shortens catalog text for cards without cutting words or Markdown links in half. */
public final class Snippets {
  private Snippets() {}

  /**
   * Returns the text flattened to one paragraph and cut at a word boundary to at most {@code max}
   * characters, with an ellipsis when cut.
   */
  public static String trim(String text, int max) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // [label](url) -> label
        .replaceAll("(?m)^\\s*#+\\s*", "")
        .replaceAll("(?m)^\\s*[-*]\\s+", "• ")
        .replaceAll("\\s+", " ")
        .strip();
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
    return flat.substring(0, cut).replaceAll("[\\s,;:.\\-–—•]+$", "") + "…";
  }
}
