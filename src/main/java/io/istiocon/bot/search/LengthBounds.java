package io.istiocon.bot.search;

import java.util.Set;

/** The words that make a length a bound: "shorter than 15 minutes" (at most), "longer than an hour" (at least). */
final class LengthBounds {
  private static final Set<String> AT_MOST = Set.of("shorter", "less", "under", "fewer", "quicker", "briefer");
  private static final Set<String> AT_LEAST = Set.of("longer", "more", "over");

  private LengthBounds() {}

  /** Returns -1 for a word that makes the length a most, 1 a least, 0 neither. */
  static int bound(String word) {
    return AT_MOST.contains(word) ? -1 : AT_LEAST.contains(word) ? 1 : 0;
  }
}
