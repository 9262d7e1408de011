package io.istiocon.bot.search;

/**
 * A light English stemmer: plurals, -ing, -ed, -ion, -ity, -ment, -able and a final e, so that
 * "debugging"/"debug", "failures"/"failure" and "migration"/"migrate" meet. It is applied alike to
 * the catalog and to questions, so over-stemming costs little.
 */
public final class Stemmer {
  private Stemmer() {}

  private static final String[] SUFFIXES = {
    "ability", "ibility", "ations", "ation", "itions", "ition", "ments", "ment", "ness", "ings", "ing",
    "able", "ible", "ions", "ion", "ity", "ies", "ate", "ed", "ly"
  };

  /** Returns the stem of a folded word; words with digits or non-Latin letters pass unchanged. */
  public static String stem(String word) {
    int n = word.length();
    if (n <= 3 || !isAsciiLetters(word)) {
      return word;
    }
    String w = plural(word);
    for (String suffix : SUFFIXES) {
      if (w.endsWith(suffix) && w.length() - suffix.length() >= 3 && hasVowel(w, w.length() - suffix.length())) {
        String base = w.substring(0, w.length() - suffix.length());
        if (suffix.equals("ies")) {
          base = base + "y";
        }
        if (suffix.equals("ly") && base.length() < 4) {
          continue;
        }
        w = undouble(base);
        if ((suffix.startsWith("ing") || suffix.equals("ed") || suffix.startsWith("ion")) && w.endsWith("at")
            && w.length() >= 5) {
          w = w.substring(0, w.length() - 2); // migrating, migrated, migration all give "migr"
        }
        break;
      }
    }
    if (w.length() > 4 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 4 && w.endsWith("y") && !isVowel(w.charAt(w.length() - 2))) {
      w = w.substring(0, w.length() - 1) + "i";
    }
    return w;
  }

  private static String plural(String w) {
    int n = w.length();
    if (w.endsWith("ies") && n > 4) {
      return w.substring(0, n - 3) + "y";
    }
    if (w.endsWith("sses")) {
      return w.substring(0, n - 2);
    }
    if (w.endsWith("es") && n > 4) {
      char c = w.charAt(n - 3);
      if (c == 'x' || c == 'z' || (c == 's' && w.charAt(n - 4) != 's') || w.endsWith("ches") || w.endsWith("shes")) {
        return w.substring(0, n - 2);
      }
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && n > 3) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  private static String undouble(String w) {
    int n = w.length();
    if (n >= 4 && w.charAt(n - 1) == w.charAt(n - 2) && !isVowel(w.charAt(n - 1))
        && "lsz".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  private static boolean hasVowel(String w, int end) {
    for (int i = 0; i < end; i++) {
      if (isVowel(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }

  private static boolean isAsciiLetters(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }
}
