package io.istiocon.bot.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folds text for matching and splits it into words. Folding applies NFKC, lower case and accent
 * removal, so "Núñez" and "nunez" meet. Han text has no spaces, so each run of Han characters
 * becomes overlapping character bigrams ("流量管理" gives 流量, 量管, 管理).
 */
public final class Text {
  private Text() {}

  /**
   * A word of folded text. A compound's glued form ({@code joined}) sits at its first part's
   * position and spans its parts.
   */
  public record Word(String text, int position, boolean han, boolean joined, int span) {
    Word(String text, int position, boolean han) {
      this(text, position, han, false, 1);
    }
  }

  /** Returns {@code s} cut to at most {@code codePoints} code points, never splitting a surrogate pair. */
  public static String cut(String s, int codePoints) {
    if (codePoints < 0) {
      throw new IllegalArgumentException("codePoints must not be negative, got " + codePoints);
    }
    if (s.length() <= codePoints || s.codePointCount(0, s.length()) <= codePoints) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, codePoints));
  }

  /** Folds case, compatibility forms and accents. */
  public static String fold(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    if (isAscii(raw)) {
      return foldAscii(raw); // most catalog text: no normalization needed
    }
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int category = Character.getType(cp);
      if (category == Character.NON_SPACING_MARK || category == Character.ENCLOSING_MARK
          || category == Character.COMBINING_SPACING_MARK) {
        continue; // accents
      }
      if (category == Character.FORMAT) {
        continue; // zero-width joiners, RTL marks, soft hyphens
      }
      switch (cp) {
        case 'ß' -> out.append("ss");
        case 'æ' -> out.append("ae");
        case 'œ' -> out.append("oe");
        case 'ø' -> out.append('o');
        case 'ł' -> out.append('l');
        case 'đ', 'ð' -> out.append('d');
        case 'þ' -> out.append("th");
        case 'ı' -> out.append('i');
        case '\u2018', '\u2019', '\u02bc', '`', '\u00b4' -> out.append('\'');
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212' -> out.append('-');
        default -> out.appendCodePoint(cp);
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static String foldAscii(String s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      char c = s.charAt(i);
      out[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '`' ? '\'' : c;
    }
    return new String(out);
  }

  /** Returns whether a code point is a Han ideograph (CJK has no spaces between words). */
  public static boolean isHan(int cp) {
    return cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  /**
   * Splits folded text into words. Possessives lose their "'s"; other apostrophes vanish ("don't"
   * gives "dont"). Parts joined by '-', '.', '/' or '_' are kept apart and also glued ("multi-cluster"
   * gives multi, cluster and multicluster), so either spelling finds the other.
   */
  public static List<Word> words(String folded) {
    return words(folded, null);
  }

  /**
   * Splits folded text into words as {@link #words(String)} does, and sets in {@code clauseStarts}
   * the position of each word that follows a mark ending a part of a sentence (, ; : . ! ? and
   * brackets), so readers can keep "right now we rotate them by hand, anything on certs?" apart.
   */
  static List<Word> words(String folded, java.util.BitSet clauseStarts) {
    List<Word> words = new ArrayList<>();
    boolean clauseEnded = false;
    List<String> parts = new ArrayList<>(4);
    StringBuilder part = new StringBuilder(16);
    int n = folded.length();
    int i = 0;
    int position = 0;
    while (i < n) {
      int cp = folded.codePointAt(i);
      if (clauseEnded && Character.isLetterOrDigit(cp)) {
        if (clauseStarts != null) {
          clauseStarts.set(position);
        }
        clauseEnded = false;
      }
      if (isHan(cp)) {
        int startHan = i;
        while (i < n && isHan(folded.codePointAt(i))) {
          i += Character.charCount(folded.codePointAt(i));
        }
        position = addHan(folded.substring(startHan, i), position, words);
        continue;
      }
      if (!Character.isLetterOrDigit(cp)) {
        clauseEnded |= CLAUSE_MARKS.indexOf(cp) >= 0;
        i += Character.charCount(cp);
        continue;
      }

      // A compound: letter/digit runs joined by single connectors.
      parts.clear();
      part.setLength(0);
      while (i < n) {
        int c = folded.codePointAt(i);
        if (c < 0x80 ? isAsciiLetterOrDigit(c) : Character.isLetterOrDigit(c) && !isHan(c)) {
          part.appendCodePoint(c);
          i += Character.charCount(c);
        } else if (c == '\'' && part.length() > 0) {
          int next = i + 1 < n ? folded.codePointAt(i + 1) : ' ';
          int after = i + 2 < n ? folded.codePointAt(i + 2) : ' ';
          if (next == 's' && !Character.isLetterOrDigit(after)) {
            i += 2; // possessive
            break;
          }
          i++; // don't -> dont
        } else if ((c == '-' || c == '.' || c == '/' || c == '_') && part.length() > 0
            && i + 1 < n && Character.isLetterOrDigit(folded.codePointAt(i + 1))
            && !isHan(folded.codePointAt(i + 1))) {
          parts.add(part.toString());
          part.setLength(0);
          i++;
        } else {
          break;
        }
      }
      if (part.length() > 0) {
        parts.add(part.toString());
      }
      for (String p : parts) {
        words.add(new Word(p, position++, false));
      }
      if (parts.size() > 1) {
        words.add(new Word(String.join("", parts), position - parts.size(), false, true, parts.size()));
      }
    }
    return words;
  }

  private static final String CLAUSE_MARKS = ",;:.!?()[]…，。；：！？（）";

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  }

  private static int addHan(String run, int position, List<Word> out) {
    int[] cps = run.codePoints().toArray();
    if (cps.length == 1) {
      out.add(new Word(run, position, true));
      return position + 1;
    }
    for (int k = 0; k + 1 < cps.length; k++) {
      out.add(new Word(new String(cps, k, 2), position++, true));
    }
    return position;
  }

  /** Folds and splits in one step. */
  public static List<Word> analyze(String raw) {
    return words(fold(raw));
  }
}
