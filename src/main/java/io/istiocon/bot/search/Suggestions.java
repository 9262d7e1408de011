package io.istiocon.bot.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Suggests what a question that found nothing may have meant: speakers, companies and tags that
 * look like it (trigram similarity), and titles holding a catalog word a few edits from an unknown
 * one. Works from the vocabulary and the (small) name lists, so it costs the same on a catalog of
 * any size.
 */
final class Suggestions {
  private Suggestions() {}

  /** A name or title the question may have meant, and how alike the two look (0 to 1). */
  private record Suggestion(String text, double score) {}

  /** Returns up to three suggestions, most alike first. */
  static List<String> of(SearchIndex index, Query query) {
    List<String> words = query.content().stream().filter(w -> !w.joined() && !w.han()).map(Text.Word::text).toList();
    if (words.isEmpty()) {
      return List.of();
    }
    Set<String> wantedGrams = trigrams(String.join(" ", words));
    List<Suggestion> scored = new ArrayList<>();
    List<String> names = new ArrayList<>();
    index.entities().speakers().forEach(e -> names.add(e.label()));
    index.entities().companies().forEach(e -> names.add(e.label()));
    names.addAll(index.tags());
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (seen.add(name)) {
        double similarity = dice(wantedGrams, trigrams(Text.fold(name)));
        if (similarity >= 0.35) {
          scored.add(new Suggestion(name, similarity));
        }
      }
    }
    for (String word : words) {
      if (word.length() < 4) {
        continue;
      }
      List<FuzzyDictionary.Candidate> near = new ArrayList<>(index.vocabulary().near(word, Spelling.maxEdits(word) + 1));
      near.sort(Spelling.closestFirst(index));
      for (FuzzyDictionary.Candidate c : near.subList(0, Math.min(2, near.size()))) {
        String title = index.titleWith(Stemmer.stem(c.word()));
        if (title != null && seen.add(title)) {
          scored.add(new Suggestion(title, 0.6 - 0.1 * c.distance()));
        }
      }
    }
    scored.sort(Comparator.comparingDouble(Suggestion::score).reversed());
    return scored.stream().limit(3).map(Suggestion::text).toList();
  }

  private static Set<String> trigrams(String s) {
    String padded = "  " + s + " ";
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 3 <= padded.length(); i++) {
      out.add(padded.substring(i, i + 3));
    }
    return out;
  }

  private static double dice(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String g : a) {
      if (b.contains(g)) {
        common++;
      }
    }
    return 2.0 * common / (a.size() + b.size());
  }
}
