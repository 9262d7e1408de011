package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Session;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
 * @param renderings what adapters drew from this answer (a page of Slack cards), kept with it
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
    Catalog catalog,
    Renderings renderings) {

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
    Objects.requireNonNull(renderings, "renderings");
  }

  /** Creates an answer that nothing has drawn yet. */
  public Answer(Query query, Query.Intent intent, List<Hit> hits, int total, boolean set, List<String> notes,
      List<String> suggestions, List<Hit> closest, Catalog catalog) {
    this(query, intent, hits, total, set, notes, suggestions, closest, catalog, new Renderings());
  }

  /**
   * What adapters drew from an answer, by what they drew (a page, for a surface), kept as long as the
   * answer is: a cached answer asked again by many people (a keynote ends, everyone asks "what's
   * next") is drawn once, and the answer cache stays the only cache. At most {@link #MAX} drawings.
   */
  public static final class Renderings {
    /** Drawings kept per answer, at most; more are drawn each time, not kept. */
    public static final int MAX = 16;
    private final Map<Object, Object> drawn = new ConcurrentHashMap<>();

    /** Returns the drawing for {@code key}, drawing it with {@code draw} the first time. */
    @SuppressWarnings("unchecked") // each key's adapter draws one type for it
    public <T> T get(Object key, Supplier<T> draw) {
      Object known = drawn.get(key);
      if (known != null) {
        return (T) known;
      }
      T fresh = draw.get();
      if (drawn.size() < MAX) {
        drawn.putIfAbsent(key, fresh);
      }
      return fresh;
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
