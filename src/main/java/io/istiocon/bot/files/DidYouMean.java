package io.istiocon.bot.files;

import io.istiocon.bot.search.FuzzyDictionary;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Suggests the allowed word nearest a wrong one, by the search engine's own edit distance. */
final class DidYouMean {
  private DidYouMean() {}

  /**
   * Returns {@code ; did you mean "word"?} for the allowed word nearest {@code wrong}, or an empty
   * string when none is within a third of its length.
   */
  static String suffix(String wrong, List<String> allowed) {
    String lower = wrong.toLowerCase(Locale.ROOT);
    if (lower.isEmpty()) {
      return "";
    }
    if (allowed.contains(lower)) {
      return suggest(lower); // only the case differs
    }
    return new FuzzyDictionary(allowed).near(lower, Math.max(1, wrong.length() / 3)).stream()
        .min(Comparator.comparingInt(FuzzyDictionary.Candidate::distance).thenComparing(FuzzyDictionary.Candidate::word))
        .map(c -> suggest(c.word())).orElse("");
  }

  private static String suggest(String word) {
    return "; did you mean \"" + word + "\"?";
  }
}
