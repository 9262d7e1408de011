package io.istiocon.bot.calendar;

/**
 * Folds iCalendar content lines as RFC 5545 section 3.1 asks: no line longer than 75 octets of
 * UTF-8 (CRLF excluded), continued on the next line after one space, and never inside a character.
 * ical4j 4.1.1's own FoldingWriter counts UTF-16 units instead, so a line of Chinese reaches 219
 * octets, and it can split an emoji's surrogate pair (ical4j issue 800); hence this one.
 */
final class Folding {
  /** The longest line in octets, CRLF excluded. */
  static final int MAX_OCTETS = 75;
  private static final String CRLF = "\r\n";

  private Folding() {}

  /** Returns the text with every line folded; each line of the text must end in CRLF. */
  static String fold(String unfolded) {
    StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
    int start = 0;
    while (start < unfolded.length()) {
      int end = unfolded.indexOf(CRLF, start);
      if (end < 0) {
        throw new IllegalArgumentException("content lines must end in CRLF, the last one does not");
      }
      foldLine(unfolded, start, end, out);
      out.append(CRLF);
      start = end + CRLF.length();
    }
    return out.toString();
  }

  private static void foldLine(String text, int from, int to, StringBuilder out) {
    int octets = 0;
    for (int i = from; i < to; ) {
      int codePoint = text.codePointAt(i);
      int size = utf8Length(codePoint);
      if (octets + size > MAX_OCTETS) {
        out.append(CRLF).append(' ');
        octets = 1; // the space that marks a continued line counts
      }
      out.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
  }

  /** Returns how many octets UTF-8 needs for the character (a lone surrogate counts as the 3 it would take). */
  static int utf8Length(int codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
}
