package io.istiocon.bot.search;

/**
 * One thread's work arrays for ranking, one slot per session, so a question allocates nothing per
 * session. Scores build up concept by concept: {@link #keep} holds the best alternative's score of
 * the concept being scored, {@link #closeConcept} adds it to the totals.
 */
final class Scratch {
  final float[] total;
  final float[] concept;
  final int[] matched;
  final int[] touched;
  int touchedCount;
  final int[] conceptTouched;
  int conceptCount;
  final boolean[] inConcept;
  final boolean[] inTotal;
  final int[] candidates;
  final float[] scores;
  final long[] keys;

  Scratch(int sessions) {
    candidates = new int[sessions];
    scores = new float[sessions];
    keys = new long[sessions];
    total = new float[sessions];
    concept = new float[sessions];
    matched = new int[sessions];
    touched = new int[sessions];
    conceptTouched = new int[sessions];
    inConcept = new boolean[sessions];
    inTotal = new boolean[sessions];
  }

  /** Clears what the last question touched; the cost is that question's size, not the catalog's. */
  void reset() {
    for (int i = 0; i < touchedCount; i++) {
      int d = touched[i];
      total[d] = 0;
      matched[d] = 0;
      inTotal[d] = false;
    }
    for (int i = 0; i < conceptCount; i++) {
      int d = conceptTouched[i];
      concept[d] = 0;
      inConcept[d] = false;
    }
    touchedCount = 0;
    conceptCount = 0;
  }

  /** Keeps a session's score for the current concept if it beats the alternatives scored so far. */
  void keep(int d, float score) {
    if (score <= 0) {
      return;
    }
    if (!inConcept[d]) {
      inConcept[d] = true;
      concept[d] = score;
      conceptTouched[conceptCount++] = d;
    } else if (score > concept[d]) {
      concept[d] = score;
    }
  }

  /** Adds the current concept's best scores into the totals and clears the concept slots. */
  void closeConcept() {
    for (int i = 0; i < conceptCount; i++) {
      int d = conceptTouched[i];
      if (!inTotal[d]) {
        inTotal[d] = true;
        touched[touchedCount++] = d;
      }
      total[d] += concept[d];
      matched[d]++;
      concept[d] = 0;
      inConcept[d] = false;
    }
    conceptCount = 0;
  }
}
