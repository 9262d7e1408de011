package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.Speaker;
import java.util.List;
import java.util.regex.Pattern;

/** Shortens catalog text for cards without cutting words or Markdown links in half, and phrases who gives a talk. */
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

  /** Returns "A (Company) and B give “Title”." for a session with speakers. */
  public static String speakerSentence(Session s) {
    List<String> names = s.speakers().stream().map(Speaker::display).toList();
    String who = names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    return who + (names.size() == 1 ? " gives" : " give") + " \u201c" + s.title() + "\u201d.";
  }
}
