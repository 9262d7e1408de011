package io.istiocon.bot.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups of words and phrases that mean the same thing ("vm" and "virtual machine"). Phrases are
 * kept as stem sequences so they meet the index's terms.
 */
public final class Synonyms {
  /** No synonyms at all. */
  public static final Synonyms NONE = new Synonyms(List.of());

  private final List<List<List<String>>> groups; // group -> phrase -> stems
  private final Map<String, List<int[]>> byFirstStem = new HashMap<>(); // stem -> {group, phrase}
  private final int longest;

  private Synonyms(List<List<List<String>>> groups) {
    this.groups = groups;
    int max = 1;
    for (int g = 0; g < groups.size(); g++) {
      List<List<String>> phrases = groups.get(g);
      for (int p = 0; p < phrases.size(); p++) {
        List<String> phrase = phrases.get(p);
        byFirstStem.computeIfAbsent(phrase.get(0), k -> new ArrayList<>()).add(new int[] {g, p});
        max = Math.max(max, phrase.size());
      }
    }
    this.longest = max;
  }

  /** Builds synonyms from groups of raw phrases, such as {@code [["vm", "virtual machine"]]}. */
  public static Synonyms of(List<List<String>> rawGroups) {
    List<List<List<String>>> groups = new ArrayList<>();
    for (List<String> raw : rawGroups) {
      List<List<String>> phrases = new ArrayList<>();
      for (String phrase : raw) {
        List<String> stems = stems(phrase);
        if (!stems.isEmpty() && !phrases.contains(stems)) {
          phrases.add(List.copyOf(stems));
        }
      }
      if (phrases.size() > 1) {
        groups.add(List.copyOf(phrases));
      }
    }
    return new Synonyms(List.copyOf(groups));
  }

  /** Returns the stems of a phrase as the index sees them (compound glue forms left out). */
  public static List<String> stems(String phrase) {
    List<String> out = new ArrayList<>();
    for (Text.Word word : Text.analyze(phrase)) {
      if (!word.joined()) {
        out.add(Stemmer.stem(word.text()));
      }
    }
    return out;
  }

  /** Returns the number of groups. */
  public int size() {
    return groups.size();
  }

  /** A phrase found in a question, with the other phrases of its group. */
  public record Match(int length, List<List<String>> alternatives) {}

  /**
   * Finds the longest phrase of any group that starts at {@code from} in {@code stems}, and returns
   * the group's other phrases; {@code null} when none starts there.
   */
  public Match longestAt(List<String> stems, int from) {
    List<int[]> candidates = byFirstStem.get(stems.get(from));
    if (candidates == null) {
      return null;
    }
    int bestLength = 0;
    int bestGroup = -1;
    for (int[] candidate : candidates) {
      List<String> phrase = groups.get(candidate[0]).get(candidate[1]);
      int len = phrase.size();
      if (len > bestLength && len <= longest && from + len <= stems.size()
          && stems.subList(from, from + len).equals(phrase)) {
        bestLength = len;
        bestGroup = candidate[0];
      }
    }
    if (bestGroup < 0) {
      return null;
    }
    List<List<String>> others = new ArrayList<>();
    List<String> matched = stems.subList(from, from + bestLength);
    for (List<String> phrase : groups.get(bestGroup)) {
      if (!phrase.equals(matched)) {
        others.add(phrase);
      }
    }
    return new Match(bestLength, others);
  }
}
