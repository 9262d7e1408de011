package io.istiocon.bot.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a misspelled day, part of the day or kind of session as the word meant, before the readers
 * run, so it filters as the right word would: "thursdy" is Thursday, "keynots" keynotes, and a word
 * typed without its vowels ("wrkshp", "thrsdy") the one word with those consonants. A plain English
 * word ("lighting") or a product name is never respelled.
 */
final class Respeller {
  private static final List<String> MEANT = List.of("monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "today", "tomorrow", "yesterday", "morning", "afternoon", "evening", "tonight",
      "keynote", "keynotes", "workshop", "workshops", "spotlight", "spotlights", "lightning", "tutorial", "tutorials");
  private static final FuzzyDictionary DICTIONARY = new FuzzyDictionary(MEANT);
  private static final Map<String, String> BY_CONSONANTS = new HashMap<>();

  static {
    for (String word : MEANT) {
      BY_CONSONANTS.put(consonants(word), word);
    }
  }

  private Respeller() {}

  /** Returns the word meant, or null when the word is no misspelling of one of them. */
  static String respell(String word) {
    if (word.length() < 4 || MEANT.contains(word) || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')
        || EnglishWords.contains(word) || EnglishWords.isProduct(word)) {
      return null;
    }
    if (consonants(word).equals(word)) {
      return BY_CONSONANTS.get(word); // "wrkshp"
    }
    List<FuzzyDictionary.Candidate> near = DICTIONARY.near(word, Spelling.maxEdits(word));
    if (near.isEmpty()) {
      return null;
    }
    FuzzyDictionary.Candidate best = near.get(0);
    for (FuzzyDictionary.Candidate c : near) {
      if (c.distance() < best.distance()) {
        best = c;
      }
    }
    return best.word();
  }

  private static String consonants(String word) {
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      if ("aeiou".indexOf(word.charAt(i)) < 0) {
        out.append(word.charAt(i));
      }
    }
    return out.toString();
  }
}
