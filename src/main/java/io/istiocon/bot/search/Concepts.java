package io.istiocon.bot.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a question's topic words into concepts: each word corrected against the catalog's own
 * vocabulary (exact, catalog misspelling, typo, split, prefix), then grouped into the speakers and
 * companies the catalog names, synonym phrases and compounds.
 */
final class Concepts {
  private static final float SYNONYM_WEIGHT = 0.9f;
  private static final float SPLIT_WEIGHT = 0.8f;
  private static final float FUZZY1_WEIGHT = 0.7f;
  private static final float FUZZY2_WEIGHT = 0.5f;
  private static final float PREFIX_WEIGHT = 0.5f;
  private static final float CATALOG_TYPO_WEIGHT = 0.2f;

  private Concepts() {}


  /** One idea in a question: a word or phrase, and the index terms that may stand for it. */
  static final class Concept {
    final String text;
    final boolean han;
    final List<List<String>> alternatives = new ArrayList<>();
    final List<Float> weights = new ArrayList<>();
    Entity entity;

    Concept(String text, boolean han) {
      this.text = text;
      this.han = han;
    }

    void add(List<String> stems, float weight) {
      int at = alternatives.indexOf(stems);
      if (at >= 0) {
        weights.set(at, Math.max(weights.get(at), weight));
      } else {
        alternatives.add(List.copyOf(stems));
        weights.add(weight);
      }
    }

    /** Returns the stems that stand for the concept itself (its first alternative). */
    List<String> primary() {
      return alternatives.isEmpty() ? List.of() : alternatives.get(0);
    }
  }

  /** A question word after correction against the catalog's vocabulary. */
  private record Slot(Text.Word word, String best, List<List<String>> alts, List<Float> weights) {}

  /** Orders typo candidates: fewest edits, then the word more sessions use, then alphabetically. */
  static Comparator<FuzzyDictionary.Candidate> closestFirst(SearchIndex index) {
    return Comparator.comparingInt(FuzzyDictionary.Candidate::distance)
        .thenComparing(c -> -index.vocabulary().df(c.word()))
        .thenComparing(FuzzyDictionary.Candidate::word);
  }

  static int maxEdits(String word) {
    int n = word.length();
    return n < 4 ? 0 : n <= 6 ? 1 : 2;
  }

  static List<Concept> of(SearchIndex index, List<Text.Word> content) {
    List<Text.Word> words = new ArrayList<>();
    Map<Integer, Text.Word> glues = new HashMap<>();
    for (Text.Word word : content) {
      if (word.joined()) {
        glues.put(word.position(), word);
      } else {
        words.add(word);
      }
    }
    List<Slot> slots = new ArrayList<>();
    for (Text.Word word : words) {
      slots.add(correct(index, word));
    }
    List<Concept> concepts = new ArrayList<>();
    int i = 0;
    while (i < slots.size()) {
      Slot slot = slots.get(i);
      // 1. A speaker or company named by the next words.
      int entityLength = entityAt(index, slots, i);
      if (entityLength > 0) {
        List<String> key = bests(slots, i, entityLength);
        Entity entity = index.entities().get(key);
        if (entity == null) {
          entity = index.entities().get(List.of(String.join("", key)));
        }
        Concept c = new Concept(String.join(" ", key), false);
        c.entity = entity;
        c.add(stems(key), 1f);
        if (entityLength > 1) {
          c.add(List.of(Stemmer.stem(String.join("", key))), 1f);
        }
        concepts.add(c);
        i += entityLength;
        continue;
      }
      // 2. A compound, written glued or apart ("multi-cluster", "multi cluster", "multicluster").
      Text.Word glue = glues.get(slot.word.position());
      int span = 0;
      String joined = null;
      if (glue != null && glue.span() > 1 && i + glue.span() <= slots.size()) {
        span = glue.span();
        joined = glue.text();
      } else if (i + 1 < slots.size() && !slot.word.han() && !slots.get(i + 1).word.han()
          && slots.get(i + 1).word.position() == slot.word.position() + 1) {
        String glued = slot.best + slots.get(i + 1).best;
        if (index.vocabulary().df(glued) > 0) {
          span = 2;
          joined = glued;
        }
      }
      // 3. Synonyms, longest phrase first.
      List<String> bestStems = new ArrayList<>();
      for (int k = i; k < slots.size(); k++) {
        bestStems.add(stemOf(slots.get(k)));
      }
      Synonyms.Match synonym = index.synonyms().longestAt(bestStems, 0);
      if (synonym != null && synonym.length() >= Math.max(span, 1)) {
        Concept c = new Concept(text(slots, i, synonym.length()), slot.word.han());
        List<String> matched = bestStems.subList(0, synonym.length());
        if (synonym.length() == 1) {
          addSlot(c, slot);
        } else {
          c.add(matched, 1f);
          c.add(List.of(String.join("", matched)), 1f);
        }
        for (List<String> alt : synonym.alternatives()) {
          c.add(alt, SYNONYM_WEIGHT);
          if (alt.size() > 1) {
            c.add(List.of(String.join("", alt)), SYNONYM_WEIGHT);
          }
        }
        concepts.add(c);
        i += synonym.length();
        continue;
      }
      if (span > 1) {
        Concept c = new Concept(text(slots, i, span), false);
        c.add(bestStems.subList(0, span), 1f);
        c.add(List.of(Stemmer.stem(joined)), 1f);
        concepts.add(c);
        i += span;
        continue;
      }
      Concept c = new Concept(slot.word.text(), slot.word.han());
      addSlot(c, slot);
      concepts.add(c);
      i++;
    }
    concepts.removeIf(c -> c.alternatives.stream().noneMatch(alt -> alt.stream().allMatch(index.postings()::hasStem))
        && clearUnknown(c));
    return concepts;
  }

  /** Drops alternatives the index has never seen; a concept left with none is unknown. */
  private static boolean clearUnknown(Concept c) {
    c.alternatives.clear();
    c.weights.clear();
    return c.han; // unknown Han bigrams ("有什") are dropped quietly: they are usually question words
  }

  private static void addSlot(Concept c, Slot slot) {
    for (int k = 0; k < slot.alts.size(); k++) {
      c.add(slot.alts.get(k), slot.weights.get(k));
    }
  }

  private static String stemOf(Slot slot) {
    return slot.word.han() ? slot.best : Stemmer.stem(slot.best);
  }

  private static List<String> stems(List<String> surfaces) {
    return surfaces.stream().map(Stemmer::stem).toList();
  }

  private static List<String> bests(List<Slot> slots, int from, int length) {
    List<String> out = new ArrayList<>();
    for (int k = from; k < from + length; k++) {
      out.add(slots.get(k).best);
    }
    return out;
  }

  private static String text(List<Slot> slots, int from, int length) {
    List<String> out = new ArrayList<>();
    for (int k = from; k < from + length; k++) {
      out.add(slots.get(k).word.text());
    }
    return String.join(" ", out);
  }

  private static int entityAt(SearchIndex index, List<Slot> slots, int i) {
    for (int len = Math.min(index.entities().longestKey(), slots.size() - i); len >= 1; len--) {
      if (slots.get(i + len - 1).word.position() != slots.get(i).word.position() + len - 1) {
        continue; // only adjacent words name someone
      }
      List<String> key = bests(slots, i, len);
      if (index.entities().get(key) != null) {
        return len;
      }
      if (len == 2 && index.entities().get(List.of(String.join("", key))) != null) {
        return len;
      }
    }
    return 0;
  }

  /** Corrects a question word against the catalog's words: exact, then typo, prefix or split. */
  private static Slot correct(SearchIndex index, Text.Word word) {
    String w = word.text();
    String stem = word.han() ? w : Stemmer.stem(w);
    List<List<String>> alts = new ArrayList<>();
    List<Float> weights = new ArrayList<>();
    if (word.han() || index.vocabulary().df(w) > 0 || index.postings().hasStem(stem) || w.length() < 4 || isNumeric(w)) {
      String typoOf = word.han() ? null : catalogTypo(index, w);
      if (typoOf != null) {
        // The catalog's own rare misspelling ("Isito-cni") should not outrank what was meant.
        alts.add(List.of(Stemmer.stem(typoOf)));
        weights.add(1f);
        alts.add(List.of(stem));
        weights.add(CATALOG_TYPO_WEIGHT);
        return new Slot(word, typoOf, alts, weights);
      }
      alts.add(List.of(stem));
      weights.add(1f);
      return new Slot(word, w, alts, weights);
    }
    List<FuzzyDictionary.Candidate> near = new ArrayList<>(index.vocabulary().near(w, maxEdits(w)));
    if (!near.isEmpty()) {
      near.sort(closestFirst(index));
      int best = near.get(0).distance();
      String bestWord = near.get(0).word();
      for (FuzzyDictionary.Candidate c : near) {
        if (c.distance() > best || alts.size() >= 3) {
          break;
        }
        alts.add(List.of(Stemmer.stem(c.word())));
        weights.add(c.distance() == 1 ? FUZZY1_WEIGHT : FUZZY2_WEIGHT);
      }
      return new Slot(word, bestWord, alts, weights);
    }
    // "redhat" -> "red hat"
    for (int cut = 2; cut <= w.length() - 2; cut++) {
      String left = w.substring(0, cut);
      String right = w.substring(cut);
      if (index.vocabulary().df(left) > 0 && index.vocabulary().df(right) > 0 && left.length() + right.length() >= 5) {
        alts.add(List.of(Stemmer.stem(left), Stemmer.stem(right)));
        weights.add(SPLIT_WEIGHT);
        return new Slot(word, w, alts, weights);
      }
    }
    List<String> completions = new ArrayList<>(index.vocabulary().withPrefix(w, 64));
    completions.sort(Comparator.comparing((String c) -> -index.vocabulary().df(c)).thenComparing(c -> c));
    for (String completion : completions.subList(0, Math.min(3, completions.size()))) {
      alts.add(List.of(Stemmer.stem(completion)));
      weights.add(PREFIX_WEIGHT);
    }
    return new Slot(word, completions.isEmpty() ? w : completions.get(0), alts, weights);
  }

  /**
   * Returns the word a rare catalog word is probably a misspelling of: the word appears in at most
   * five abstracts and nowhere else, and a word one edit away is used ten times as often.
   */
  private static String catalogTypo(SearchIndex index, String w) {
    int df = index.vocabulary().df(w);
    if (df == 0 || df > 5 || w.length() < 4 || index.vocabulary().isLabel(w)) {
      return null;
    }
    String best = null;
    int bestDf = Math.max(10, 10 * df);
    for (FuzzyDictionary.Candidate c : index.vocabulary().near(w, 1)) {
      int cdf = index.vocabulary().df(c.word());
      if (cdf >= bestDf) {
        best = c.word();
        bestDf = cdf;
      }
    }
    return best;
  }

  private static boolean isNumeric(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
