package io.istiocon.bot.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's own words as written (folded, not stemmed): how many sessions use each, whether it
 * labels a session (a title, name, company, tag or type rather than only an abstract), and a fuzzy
 * dictionary over them for typo correction. Immutable once built.
 */
final class Vocabulary {
  private final Map<String, Integer> ids;
  private final int[] docFreq;
  private final boolean[] label;
  private final FuzzyDictionary dictionary;

  private Vocabulary(Map<String, Integer> ids, int[] docFreq, boolean[] label) {
    this.ids = ids;
    this.docFreq = docFreq;
    this.label = label;
    List<String> latin = new ArrayList<>();
    for (String word : ids.keySet()) {
      if (!Text.isHan(word.codePointAt(0))) {
        latin.add(word); // Han bigrams are matched exactly: no typos within two characters
      }
    }
    this.dictionary = new FuzzyDictionary(latin);
  }

  /** Returns the number of distinct words. */
  int size() {
    return ids.size();
  }

  /** Returns how many sessions use a folded word anywhere, 0 if none. */
  int df(String word) {
    Integer id = ids.get(word);
    return id == null ? 0 : docFreq[id];
  }

  /** Returns whether a word appears in a title, name, company, tag or type, not only in abstracts. */
  boolean isLabel(String word) {
    Integer id = ids.get(word);
    return id != null && label[id];
  }

  /** Returns the words within {@code maxDistance} edits (see {@link FuzzyDictionary#near}). */
  List<FuzzyDictionary.Candidate> near(String word, int maxDistance) {
    return dictionary.near(word, maxDistance);
  }

  /** Returns up to {@code limit} words that start with {@code prefix}. */
  List<String> withPrefix(String prefix, int limit) {
    return dictionary.withPrefix(prefix, limit);
  }

  /** Collects words session by session; sessions must be added in ascending order. */
  static final class Builder {
    private final Map<String, Integer> ids = new HashMap<>();
    private int[] docFreq = new int[1024];
    private int[] lastDoc = new int[1024];
    private boolean[] label = new boolean[1024];

    /** Returns the word's id, counting the session once however often it uses the word. */
    int add(String word, int doc, boolean isLabel) {
      Integer known = ids.get(word);
      int id;
      if (known == null) {
        id = ids.size();
        ids.put(word, id);
        if (id == docFreq.length) {
          docFreq = Arrays.copyOf(docFreq, id * 2);
          label = Arrays.copyOf(label, id * 2);
          lastDoc = Arrays.copyOf(lastDoc, id * 2);
        }
        lastDoc[id] = -1;
      } else {
        id = known;
      }
      if (lastDoc[id] != doc) {
        lastDoc[id] = doc;
        docFreq[id]++;
      }
      label[id] |= isLabel;
      return id;
    }

    /** Returns the number of distinct words so far; ids run from 0 to this, exclusive. */
    int size() {
      return ids.size();
    }

    Vocabulary build() {
      int n = ids.size();
      return new Vocabulary(ids, Arrays.copyOf(docFreq, n), Arrays.copyOf(label, n));
    }
  }
}
