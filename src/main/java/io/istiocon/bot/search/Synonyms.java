package io.istiocon.bot.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

  /**
   * Returns these groups joined with the built-in bilingual glossary ({@code glossary.txt}):
   * groups that share a phrase become one, so the organizers' synonyms extend the glossary's.
   */
  public Synonyms withGlossary() {
    return merge(Glossary.GROUPS);
  }

  private static final class Glossary {
    static final Synonyms GROUPS = Synonyms.of(load());

    private static List<List<String>> load() {
      List<List<String>> groups = new ArrayList<>();
      try (InputStream in = Synonyms.class.getResourceAsStream("glossary.txt")) {
        if (in == null) {
          throw new IllegalStateException("glossary.txt is missing from the jar");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          List<String> group = new ArrayList<>();
          for (String phrase : line.split("\\|")) {
            String p = phrase.strip();
            if (p.codePointCount(0, p.length()) >= 2 || !Text.isHan(p.codePointAt(0))) {
              group.add(p); // one Han character is never a word of the index: Han text is read in pairs
            }
          }
          groups.add(group);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return groups;
    }
  }

  /** Returns the union of two sets of groups; groups that share a phrase are joined into one. */
  Synonyms merge(Synonyms other) {
    List<List<List<String>>> all = new ArrayList<>(groups);
    all.addAll(other.groups);
    // Union-find over groups, by the phrases they share.
    int[] parent = new int[all.size()];
    Map<List<String>, Integer> owner = new HashMap<>();
    for (int g = 0; g < all.size(); g++) {
      parent[g] = g;
      for (List<String> phrase : all.get(g)) {
        Integer first = owner.putIfAbsent(phrase, g);
        if (first != null) {
          parent[find(parent, g)] = find(parent, first);
        }
      }
    }
    Map<Integer, List<List<String>>> joined = new LinkedHashMap<>();
    for (int g = 0; g < all.size(); g++) {
      List<List<String>> into = joined.computeIfAbsent(find(parent, g), k -> new ArrayList<>());
      for (List<String> phrase : all.get(g)) {
        if (!into.contains(phrase)) {
          into.add(phrase);
        }
      }
    }
    List<List<List<String>>> out = new ArrayList<>();
    joined.values().forEach(group -> out.add(List.copyOf(group)));
    return new Synonyms(List.copyOf(out));
  }

  private static int find(int[] parent, int g) {
    while (parent[g] != g) {
      parent[g] = parent[parent[g]];
      g = parent[g];
    }
    return g;
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
