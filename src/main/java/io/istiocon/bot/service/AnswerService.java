package io.istiocon.bot.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.Query;
import io.istiocon.bot.search.QueryEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one path from a question to an answer, shared by {@code ask} and Slack: the snapshot being
 * served (from whatever supplies it: the live catalog files in {@code serve}, one reading in
 * {@code ask}), the query engine, and a Caffeine cache of answers keyed by the normalized question, the
 * catalog version and, for clock-relative questions, the minute.
 */
public final class AnswerService {
  /**
   * A question read once: the query, and its cache key with the key's hash computed once (a query
   * holds lists and sets, and hashing it on every lookup showed in profiles of the Slack path).
   */
  private record Parsed(Query query, Query key, int keyHash) {
    static Parsed of(Query query) {
      Query key = query.cacheKey();
      return new Parsed(query, key, key.hashCode());
    }
  }

  /**
   * An answer's cache key: the question's meaning, the catalog version and, for clock questions,
   * the minute; for questions whose time of day is the asker's ("this afternoon"), their zone.
   */
  private static final class Key {
    private final Query query;
    private final long catalogVersion;
    private final long minute;
    private final ZoneId zone;
    private final int hash;

    Key(Parsed parsed, long catalogVersion, long minute, ZoneId zone) {
      this.query = parsed.key();
      this.catalogVersion = catalogVersion;
      this.minute = minute;
      this.zone = zone;
      this.hash = 31 * (31 * (31 * parsed.keyHash() + Long.hashCode(catalogVersion)) + Long.hashCode(minute))
          + Objects.hashCode(zone);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && hash == k.hash && catalogVersion == k.catalogVersion && minute == k.minute
          && Objects.equals(zone, k.zone) && (query == k.query || query.equals(k.query));
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final Supplier<CatalogSnapshot> snapshots;
  private final QueryEngine engine;
  private final Cache<Key, Answer> cache;
  private final Cache<String, Parsed> parsed;

  /** Creates a service with a cache of at most {@code maxAnswers} answers. */
  public AnswerService(Supplier<CatalogSnapshot> snapshots, QueryEngine engine, Ticker ticker, long maxAnswers) {
    this.snapshots = snapshots;
    this.engine = engine;
    // Caffeine's upkeep (eviction, expiry) runs on the asking thread, in small amortized steps,
    // rather than being handed to the common fork-join pool: the hand-off woke a pool thread for
    // a few microseconds of work, a cost seen in profiles of the slash-command path.
    this.cache = Caffeine.newBuilder()
        .executor(Runnable::run)
        .ticker(ticker)
        .maximumSize(maxAnswers)
        .expireAfterWrite(Duration.ofMinutes(30))
        .recordStats()
        .build();
    // Reading a question does not depend on the catalog, so the same text is read once.
    this.parsed = Caffeine.newBuilder().executor(Runnable::run).ticker(ticker).maximumSize(maxAnswers).build();
  }

  /** Answers a question as of {@code now}, in each conference's own zone. Never throws for any question text. */
  public Answer ask(String question, Instant now) {
    return ask(question, now, () -> null);
  }

  /**
   * Answers a question as of {@code now} for someone in {@code zone} ("this afternoon" is theirs),
   * or in each conference's own zone when it is null. Never throws for any question text.
   */
  public Answer ask(String question, Instant now, ZoneId zone) {
    return ask(question, now, () -> zone);
  }

  /**
   * Answers a question as of {@code now}; {@code zone} is asked for the asker's zone only when the
   * question's time of day is theirs ("this afternoon"), so most questions never look it up.
   */
  public Answer ask(String question, Instant now, Supplier<ZoneId> zone) {
    CatalogSnapshot snapshot = snapshots.get();
    Parsed read = parsed.get(question == null ? "" : question, q -> Parsed.of(engine.parse(q)));
    Query query = read.query();
    // Clock-relative answers are computed for the start of the minute, so one cached answer is
    // right for everyone who asks within that minute.
    Instant at = query.dependsOnClock() ? now.truncatedTo(ChronoUnit.MINUTES) : now;
    long minute = query.dependsOnClock() ? at.getEpochSecond() / 60 : -1;
    ZoneId asker = query.dependsOnZone() ? zone.get() : null;
    Key key = new Key(read, snapshot.catalog().version(), minute, asker);
    return cache.get(key, k -> engine.answer(snapshot.index(), query, at, asker));
  }

  /** Returns the snapshot being served. */
  public CatalogSnapshot snapshot() {
    return snapshots.get();
  }

  /** Drops every cached answer; called when a new catalog version is served. */
  public void invalidate() {
    cache.invalidateAll();
  }

  /** Returns the number of cached answers (approximate, as Caffeine counts). */
  public long cachedAnswers() {
    return cache.estimatedSize();
  }

  /** Returns the cache's hit count, for metrics. */
  public long cacheHits() {
    return cache.stats().hitCount();
  }

  /** Returns the cache's miss count, for metrics. */
  public long cacheMisses() {
    return cache.stats().missCount();
  }
}
