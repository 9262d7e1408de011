package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses and orders the sessions of an answer: the question's filters, whole sets in program or
 * popularity order, and BM25F ranking with coverage and phrase bonuses for topic questions.
 */
final class Ranker {
  private static final int PHRASE_CHECK = 64;
  private static final int LARGE_CATALOG = 1000;
  /** Ranked answers keep this many sessions in order (set answers keep up to {@link Answer#MAX_HITS}). */
  private static final int RANKED_HITS = 200;

  private Ranker() {}

  /** Sessions chosen for an answer, in order; {@code total} counts beyond the cap. */
  record Selection(List<Answer.Hit> hits, int total, boolean set) {
    static final Selection NONE = new Selection(List.of(), 0, false);
  }

  /** Selects the answer's sessions: a filtered set, a named speaker's or company's set, or a ranking. */
  static Selection select(SearchIndex index, Query query, List<Concepts.Concept> known, List<Entity> entities,
      Filter filter) {
    if (known.isEmpty()) {
      return filter.all(index);
    }
    if (!entities.isEmpty() && entities.size() == known.size()) {
      return entitySet(index, entities, filter);
    }
    // A room, track or conference only narrows the answer; its name's words are no topic to score
    // ("39c3 security talks" ranks talks about security, not talks that say "39c3").
    List<Concepts.Concept> topics = known.stream()
        .filter(c -> c.entity == null || c.entity.kind() == Entity.Kind.SPEAKER || c.entity.kind() == Entity.Kind.COMPANY)
        .toList();
    return rank(index, query, topics, entities, filter);
  }


  static Session sessionById(SearchIndex index, Query query) {
    if (query.content().size() != 1) {
      return null;
    }
    String word = query.content().get(0).text();
    if (word.length() < 2 || index.vocabulary().df(word) > 0) {
      return null; // a word the program uses is a topic, even if some id is spelled the same
    }
    return index.byId(word);
  }

  private static Selection entitySet(SearchIndex index, List<Entity> entities, Filter filter) {
    int[] docs = entities.get(0).docs();
    for (Entity e : entities.subList(1, entities.size())) {
      int[] both = Arrays.stream(docs).filter(d -> Arrays.binarySearch(e.docs(), d) >= 0).toArray();
      docs = both.length == 0 ? union(docs, e.docs()) : both; // "google and intel": either
    }
    return filter.within(index, docs);
  }

  static int[] union(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return Arrays.stream(out).distinct().sorted().toArray();
  }

  private static Selection rank(SearchIndex index, Query query, List<Concepts.Concept> concepts, List<Entity> entities, Filter filter) {
    Scratch s = index.scratch();
    int n = index.size();
    // Rare concepts find the candidates; very common ones ("istio" in most abstracts) only add to
    // them, unless every concept is common.
    List<Concepts.Concept> ordered = new ArrayList<>(concepts);
    Map<Concepts.Concept, Integer> df = new HashMap<>();
    Map<Concepts.Concept, int[][]> ids = new HashMap<>();
    for (Concepts.Concept c : concepts) {
      int most = 0;
      int[][] altIds = new int[c.alternatives.size()][];
      for (int k = 0; k < altIds.length; k++) {
        altIds[k] = index.postings().termIds(c.alternatives.get(k));
        most = Math.max(most, index.postings().df(altIds[k]));
      }
      df.put(c, most);
      ids.put(c, altIds);
    }
    ordered.sort(Comparator.comparingInt(df::get));
    // A common word only re-scores the sessions rarer words found instead of walking its whole
    // posting list: a session with nothing but "istio" would rank far below the cut anyway. On large
    // catalogs the rarest concept is always walked and anything in over a twentieth of the sessions
    // is common; small catalogs only skip words in over a third of them, when a rarer one exists.
    boolean large = n >= LARGE_CATALOG;
    int commonDf = large ? n / 20 : n / 3;
    boolean anyRare = large || df.get(ordered.get(0)) <= commonDf;
    for (int i = 0; i < ordered.size(); i++) {
      Concepts.Concept c = ordered.get(i);
      boolean common = anyRare && i > 0 && df.get(c) > commonDf;
      for (int k = 0; k < c.alternatives.size(); k++) {
        index.postings().scoreAlternative(ids.get(c)[k], c.weights.get(k), s, common);
      }
      s.closeConcept();
    }
    int[] allowed = null;
    if (!entities.isEmpty()) {
      allowed = entities.get(0).docs();
      for (Entity e : entities.subList(1, entities.size())) {
        allowed = union(allowed, e.docs());
      }
    }
    int conceptCount = concepts.size();
    int[] candidates = s.candidates; // reused per thread: no allocation per session
    int count = 0;
    float top = 0;
    for (int i = 0; i < s.touchedCount; i++) {
      int d = s.touched[i];
      if (!filter.accepts(index, d) || (allowed != null && Arrays.binarySearch(allowed, d) < 0)) {
        continue;
      }
      float coverage = (float) s.matched[d] / conceptCount;
      float score = s.total[d] * (0.4f + 0.6f * coverage * coverage);
      if (conceptCount >= 2 && s.matched[d] == conceptCount) {
        score *= 1.2f;
      }
      s.total[d] = score;
      candidates[count++] = d;
      top = Math.max(top, score);
    }
    if (count == 0 && allowed != null) {
      // The named speaker or company has nothing on this topic: rank everyone instead.
      return rank(index, query, concepts, List.of(), filter);
    }
    // Keep the best by score (ties by program order), then give a phrase bonus near the top.
    int[] best = topByScore(index, s, candidates, count, RANKED_HITS);
    if (conceptCount >= 2) {
      int[] phrase = concepts.stream().flatMapToInt(c -> java.util.Arrays.stream(ids.get(c).length == 0 || ids.get(c)[0] == null
          ? new int[] {-2} : ids.get(c)[0])).toArray(); // -2 never matches: a primary the catalog lacks
      for (int r = 0; r < Math.min(PHRASE_CHECK, best.length); r++) {
        int d = best[r];
        if (s.matched[d] < conceptCount) {
          continue; // a phrase needs every concept
        }
        int where = phraseAt(index.postings().phraseOf(d), phrase);
        if (where == 1) {
          s.total[d] *= 1.5f;
        } else if (where == 2) {
          s.total[d] *= 1.15f;
        }
        top = Math.max(top, s.total[d]);
      }
      best = topByScore(index, s, best, best.length, best.length);
    }
    float threshold = top * (query.order() != Query.Order.NONE ? 0.3f : 0.1f);
    int total = 0;
    for (int i = 0; i < count; i++) {
      if (s.total[candidates[i]] >= threshold) {
        total++;
      }
    }
    List<Answer.Hit> out = new ArrayList<>(Math.min(total, Answer.MAX_HITS));
    When when = query.when();
    if (query.order() != Query.Order.NONE || when.around() != null || when.reference() != null) {
      // In the order asked ("most watched", "first"), or in program order for "next kafka talk": among the good matches.
      int[] good = new int[total];
      int k = 0;
      for (int i = 0; i < count; i++) {
        if (s.total[candidates[i]] >= threshold) {
          good[k++] = candidates[i];
        }
      }
      for (int d : filter.sort(index, good, k)) {
        if (out.size() >= Answer.MAX_HITS) {
          break;
        }
        out.add(new Answer.Hit(index.doc(d), s.total[d]));
      }
      return new Selection(out, total, false);
    }
    for (int d : best) {
      if (s.total[d] < threshold || out.size() >= RANKED_HITS) {
        break;
      }
      out.add(new Answer.Hit(index.doc(d), s.total[d]));
    }
    return new Selection(out, total, false);
  }

  /** Returns up to {@code k} candidates, best score first, ties in program order. */
  private static int[] topByScore(SearchIndex index, Scratch s, int[] candidates, int count, int k) {
    float cut = Float.NEGATIVE_INFINITY;
    if (count > k) {
      // Partial selection: the k-th best score in linear time; only those at or above it are sorted.
      float[] scores = s.scores;
      for (int i = 0; i < count; i++) {
        scores[i] = s.total[candidates[i]];
      }
      cut = kthLargest(scores, count, k);
    }
    long[] keys = s.keys;
    int n = 0;
    for (int i = 0; i < count; i++) {
      int d = candidates[i];
      float score = s.total[d];
      if (score >= cut) {
        // Scores are positive, so their bits sort like them; high bits: best first; low: program order.
        keys[n++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(score)) << 32) | index.schedule().chronoRank(d);
      }
    }
    Arrays.sort(keys, 0, n);
    int[] out = new int[Math.min(k, n)];
    for (int i = 0; i < out.length; i++) {
      out[i] = index.schedule().chronological()[(int) (keys[i] & 0xffffffffL)];
    }
    return out;
  }

  /** Returns the k-th largest value (1-based), reordering the array (Hoare's selection). */
  static float kthLargest(float[] a, int length, int k) {
    int lo = 0;
    int hi = length - 1;
    int target = k - 1;
    while (lo < hi) {
      float pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] > pivot) {
          i++;
        }
        while (a[j] < pivot) {
          j--;
        }
        if (i <= j) {
          float t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return a[target];
      }
    }
    return a[target];
  }

  /** Returns 1 when the phrase is in a title, 2 when in an abstract, 0 otherwise. */
  private static int phraseAt(int[] seq, int[] flat) {
    if (flat.length < 2) {
      return 0;
    }
    int firstTitleEnd = 0;
    while (firstTitleEnd < seq.length && seq[firstTitleEnd] != -1) {
      firstTitleEnd++;
    }
    outer:
    for (int i = 0; i + flat.length <= seq.length; i++) {
      for (int k = 0; k < flat.length; k++) {
        if (seq[i + k] != flat[k]) {
          continue outer;
        }
      }
      return i < firstTitleEnd ? 1 : 2;
    }
    return 0;
  }
}
