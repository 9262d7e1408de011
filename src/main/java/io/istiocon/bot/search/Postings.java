package io.istiocon.bot.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inverted index and its BM25F scoring: for each stem, the sessions that use it (ascending) and
 * how often in each {@link Field}; and for each session, its title and abstract as term sequences
 * for the phrase bonus. Immutable once built, so any number of threads may score against it.
 *
 * <p><b>Packed frequencies.</b> A posting stores the term's frequency in all six fields in one
 * {@code int}: each field owns {@link Field#BITS} (5) bits, in ordinal order from the low end, so
 * TITLE is bits 0-4, SPEAKER 5-9, COMPANY 10-14, TAGS 15-19, TYPE 20-24 and ABSTRACT 25-29. A
 * frequency saturates at {@link Field#MAX_TF} (31), far beyond where BM25's saturation stops
 * caring. One int per posting instead of six arrays keeps postings small and lets a phrase take
 * each field's minimum across its terms with a few shifts ({@link #minFields}). Alongside the
 * packed value each posting keeps its "impact": the saturated, length-normalised BM25F weight
 * before idf, computed once at build time so that scoring a term is a multiply per posting.
 */
final class Postings {
  private static final float K1 = 1.2f;

  private final int sessions;
  private final Map<String, Integer> termIds;
  private final int[][] docs;
  private final int[][] packed;
  private final float[][] impacts;
  private final float[] weightOverNorm; // [doc * fields + field]: BM25F's field weight over its length norm
  private final int[][] phrases;

  private Postings(int sessions, Map<String, Integer> termIds, int[][] docs, int[][] packed, float[] weightOverNorm,
      int[][] phrases) {
    this.sessions = sessions;
    this.termIds = termIds;
    this.docs = docs;
    this.packed = packed;
    this.weightOverNorm = weightOverNorm;
    this.phrases = phrases;
    this.impacts = new float[docs.length][];
    for (int id = 0; id < docs.length; id++) {
      float[] out = new float[docs[id].length];
      for (int i = 0; i < out.length; i++) {
        out[i] = impact(docs[id][i], packed[id][i]);
      }
      impacts[id] = out;
    }
  }

  /** Returns the term id of a stem, or -1 when no session uses it. */
  int termId(String stem) {
    Integer id = termIds.get(stem);
    return id == null ? -1 : id;
  }

  boolean hasStem(String stem) {
    return termIds.containsKey(stem);
  }

  /** Returns the term ids of an alternative's stems, or null when the catalog lacks any of them. */
  int[] termIds(List<String> stems) {
    int[] ids = new int[stems.size()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = termId(stems.get(k));
      if (ids[k] < 0) {
        return null;
      }
    }
    return ids;
  }

  /** Returns how many sessions can hold all the terms (the rarest one's count), 0 for null. */
  int df(int[] ids) {
    if (ids == null) {
      return 0;
    }
    int df = Integer.MAX_VALUE;
    for (int id : ids) {
      df = Math.min(df, docs[id].length);
    }
    return df;
  }

  /** Returns the sessions that use a term, ascending. Callers must not change the array. */
  int[] docs(int termId) {
    return docs[termId];
  }

  /** Returns the packed field frequencies of a term's postings, parallel to {@link #docs}. */
  int[] packed(int termId) {
    return packed[termId];
  }

  /** Returns whether the field holds the stem for the session. */
  boolean fieldHas(int d, String stem, Field field) {
    int id = termId(stem);
    if (id < 0) {
      return false;
    }
    int at = Arrays.binarySearch(docs[id], d);
    return at >= 0 && field.tf(packed[id][at]) > 0;
  }

  /** Returns whether some session's title or abstract holds the terms one after another. */
  boolean inARow(int[] ids) {
    if (ids.length < 2) {
      return ids.length == 1 && docs[ids[0]].length > 0;
    }
    int rarest = 0;
    for (int k = 1; k < ids.length; k++) {
      if (docs[ids[k]].length < docs[ids[rarest]].length) {
        rarest = k;
      }
    }
    for (int d : docs[ids[rarest]]) {
      int[] seq = phrases[d];
      outer:
      for (int i = 0; i + ids.length <= seq.length; i++) {
        for (int k = 0; k < ids.length; k++) {
          if (seq[i + k] != ids[k]) {
            continue outer;
          }
        }
        return true;
      }
    }
    return false;
  }

  /** Returns whether some session holds all the terms in its title, speakers, companies or tags. */
  boolean labelsHoldAll(int[] ids) {
    int rarest = 0;
    for (int k = 1; k < ids.length; k++) {
      if (docs[ids[k]].length < docs[ids[rarest]].length) {
        rarest = k;
      }
    }
    for (int d : docs[ids[rarest]]) {
      boolean all = true;
      for (int k = 0; k < ids.length && all; k++) {
        int at = Arrays.binarySearch(docs[ids[k]], d);
        all = at >= 0 && isLabel(packed[ids[k]][at]);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLabel(int p) {
    return Field.TITLE.tf(p) + Field.SPEAKER.tf(p) + Field.COMPANY.tf(p) + Field.TAGS.tf(p) > 0;
  }

  /** Returns a session's title, a -1, then its abstract, as term ids without stopwords. */
  int[] phraseOf(int d) {
    return phrases[d];
  }

  // ---- scoring ----------------------------------------------------------------------------

  /**
   * Scores one alternative of a concept (a stem, or a phrase of stems that must all occur) and keeps
   * the best alternative's score per session in {@code s.concept}. With {@code onlyCandidates} it
   * scores just the sessions earlier concepts found, by binary search: that is how very common words
   * ("istio") add their little weight without walking every posting.
   */
  void scoreAlternative(int[] ids, float weight, Scratch s, boolean onlyCandidates) {
    if (ids == null) {
      return;
    }
    int rarest = 0;
    for (int k = 1; k < ids.length; k++) {
      if (docs[ids[k]].length < docs[ids[rarest]].length) {
        rarest = k;
      }
    }
    if (onlyCandidates) {
      if (ids.length == 1) {
        int[] ds = docs[ids[0]];
        float[] impact = impacts[ids[0]];
        float w = weight * idf(ds.length);
        for (int i = 0; i < s.touchedCount; i++) {
          int d = s.touched[i];
          int at = Arrays.binarySearch(ds, d);
          if (at >= 0) {
            s.keep(d, w * impact[at]);
          }
        }
        return;
      }
      float idf = idf(Math.max(1, docs[ids[rarest]].length));
      for (int i = 0; i < s.touchedCount; i++) {
        int d = s.touched[i];
        int p = packedAt(ids, d);
        if (p != 0) {
          s.keep(d, weight * idf * impact(d, p));
        }
      }
      return;
    }
    if (ids.length == 1) {
      int[] ds = docs[ids[0]];
      float[] impact = impacts[ids[0]];
      float w = weight * idf(ds.length);
      for (int i = 0; i < ds.length; i++) {
        s.keep(ds[i], w * impact[i]);
      }
      return;
    }
    // A phrase: intersect, taking each field's smallest frequency as the phrase's.
    int[] base = docs[ids[rarest]];
    int[] found = new int[base.length];
    int[] foundPacked = new int[base.length];
    int count = 0;
    for (int d : base) {
      int p = packedAt(ids, d);
      if (p != 0) {
        found[count] = d;
        foundPacked[count++] = p;
      }
    }
    float idf = idf(count);
    for (int i = 0; i < count; i++) {
      s.keep(found[i], weight * idf * impact(found[i], foundPacked[i]));
    }
  }

  /** Returns the packed frequencies of all the terms in a session (each field's minimum), 0 if any is absent. */
  private int packedAt(int[] ids, int d) {
    int p = -1;
    for (int id : ids) {
      int at = Arrays.binarySearch(docs[id], d);
      if (at < 0) {
        return 0;
      }
      p = p == -1 ? packed[id][at] : minFields(p, packed[id][at]);
    }
    return p == -1 ? 0 : p;
  }

  private static int minFields(int a, int b) {
    int out = 0;
    for (Field f : Field.ALL) {
      out |= Math.min(f.tf(a), f.tf(b)) << (f.ordinal() * Field.BITS);
    }
    return out;
  }

  private float idf(int df) {
    return (float) Math.log(1 + (sessions - df + 0.5) / (df + 0.5));
  }

  /** Returns BM25F's term weight for packed field frequencies: saturated, length-normalised, no idf. */
  private float impact(int d, int p) {
    float tfw = 0;
    int base = d * Field.ALL.length;
    for (int f = 0; p != 0; f++, p >>>= Field.BITS) {
      int tf = p & Field.MAX_TF;
      if (tf > 0) {
        tfw += tf * weightOverNorm[base + f];
      }
    }
    return tfw * (K1 + 1) / (tfw + K1);
  }

  // ---- building ---------------------------------------------------------------------------

  /** Collects postings session by session; sessions must be added in ascending order. */
  static final class Builder {
    private final int sessions;
    private final Map<String, Integer> termIds = new HashMap<>();
    private final int[][] lengths = new int[Field.ALL.length][];
    private final int[][] phrases;
    private int[][] docBuf = new int[1024][];
    private int[][] packedBuf = new int[1024][];
    private int[] sizes = new int[1024];
    /** Per term, the current session's packed frequencies while it is being added; 0 otherwise. */
    private int[] current = new int[1024];
    private int[] touched = new int[256];
    private int touchedCount;
    private int[] phrase = new int[256];
    private int phraseLength;

    Builder(int sessions) {
      this.sessions = sessions;
      for (Field f : Field.ALL) {
        lengths[f.ordinal()] = new int[sessions];
      }
      this.phrases = new int[sessions][];
    }

    /** Returns the id of a stem, assigning the next one the first time. */
    int term(String stem) {
      Integer id = termIds.get(stem);
      if (id != null) {
        return id;
      }
      int fresh = termIds.size();
      termIds.put(stem, fresh);
      if (fresh == docBuf.length) {
        docBuf = Arrays.copyOf(docBuf, fresh * 2);
        packedBuf = Arrays.copyOf(packedBuf, fresh * 2);
        sizes = Arrays.copyOf(sizes, fresh * 2);
        current = Arrays.copyOf(current, fresh * 2);
      }
      return fresh;
    }

    /** Counts one occurrence of a term in a field of the current session. */
    void add(int term, Field field, boolean inPhrase) {
      int old = current[term];
      if (old == 0) {
        if (touchedCount == touched.length) {
          touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = term;
      }
      if (field.tf(old) < Field.MAX_TF) {
        current[term] = old + (1 << (field.ordinal() * Field.BITS));
      }
      if (inPhrase) {
        appendPhrase(term);
      }
    }

    /** Records a field's length in words; a title also ends its phrase. */
    void endField(int doc, Field field, int length) {
      lengths[field.ordinal()][doc] = length;
      if (field == Field.TITLE) {
        appendPhrase(-1); // titles and abstracts are separate phrases
      }
    }

    /** Turns the current session's counts into postings. */
    void endSession(int doc) {
      phrases[doc] = Arrays.copyOf(phrase, phraseLength);
      phraseLength = 0;
      for (int t = 0; t < touchedCount; t++) {
        int id = touched[t];
        int size = sizes[id];
        if (docBuf[id] == null) {
          docBuf[id] = new int[4];
          packedBuf[id] = new int[4];
        } else if (size == docBuf[id].length) {
          docBuf[id] = Arrays.copyOf(docBuf[id], size * 2);
          packedBuf[id] = Arrays.copyOf(packedBuf[id], size * 2);
        }
        docBuf[id][size] = doc;
        packedBuf[id][size] = current[id];
        sizes[id] = size + 1;
        current[id] = 0;
      }
      touchedCount = 0;
    }

    private void appendPhrase(int term) {
      if (phraseLength == phrase.length) {
        phrase = Arrays.copyOf(phrase, phraseLength * 2);
      }
      phrase[phraseLength++] = term;
    }

    Postings build() {
      int terms = termIds.size();
      int[][] docs = new int[terms][];
      int[][] packed = new int[terms][];
      for (int id = 0; id < terms; id++) {
        docs[id] = docBuf[id] == null ? new int[0] : Arrays.copyOf(docBuf[id], sizes[id]);
        packed[id] = packedBuf[id] == null ? new int[0] : Arrays.copyOf(packedBuf[id], sizes[id]);
      }
      // BM25F's per-field weight and length normalisation, computed once per session.
      float[] weightOverNorm = new float[sessions * Field.ALL.length];
      for (Field f : Field.ALL) {
        long total = 0;
        for (int length : lengths[f.ordinal()]) {
          total += length;
        }
        float avg = sessions == 0 ? 1 : Math.max(1f, (float) total / sessions);
        for (int d = 0; d < sessions; d++) {
          float norm = 1 - f.b + f.b * lengths[f.ordinal()][d] / avg;
          weightOverNorm[d * Field.ALL.length + f.ordinal()] = f.weight / norm;
        }
      }
      return new Postings(sessions, Map.copyOf(termIds), docs, packed, weightOverNorm, phrases);
    }
  }
}
