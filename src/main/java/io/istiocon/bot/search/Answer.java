package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Session;
import java.util.List;

/**
 * The engine's reply to one question: ranked sessions (best first), notes that explain the answer
 * ("Nothing is on right now", "No session mentions OpenTelemetry"), and, when nothing answers the
 * question, what comes closest and suggestions. The closest sessions are never the answer: they are
 * offered beside it.
 *
 * @param hits the best {@link #MAX_HITS} sessions at most, best first
 * @param total how many sessions matched, which may be more than {@code hits} holds
 * @param catalog the catalog version that produced this answer
 * @param set whether the question asked for a whole set (all workshops) rather than one talk
 * @param closest when {@code hits} is empty, the sessions that come closest (a filter dropped, or
 *     matches on the question's other words), best first; empty otherwise
 */
public record Answer(
    Query query,
    Query.Intent intent,
    List<Hit> hits,
    int total,
    boolean set,
    List<String> notes,
    List<String> suggestions,
    List<Hit> closest,
    Catalog catalog) {

  /** An answer carries at most this many sessions; {@link #total} still counts them all. */
  public static final int MAX_HITS = 1000;

  public Answer {
    hits = List.copyOf(hits);
    if (total < hits.size()) {
      throw new IllegalArgumentException("total " + total + " is less than the " + hits.size() + " hits");
    }
    notes = List.copyOf(notes);
    suggestions = List.copyOf(suggestions);
    closest = List.copyOf(closest);
    if (!hits.isEmpty() && !closest.isEmpty()) {
      throw new IllegalArgumentException("an answer with hits offers nothing as closest");
    }
  }

  /** A session in an answer, with the score that ranked it. */
  public record Hit(Session session, double score) {}

  /** Returns whether the answer holds no sessions. */
  public boolean isEmpty() {
    return hits.isEmpty();
  }

  /** Returns at most {@code limit} hits starting at {@code offset}. */
  public List<Hit> page(int offset, int limit) {
    if (offset >= hits.size()) {
      return List.of();
    }
    return hits.subList(offset, Math.min(hits.size(), offset + limit));
  }
}
