package io.istiocon.bot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Remembers the Events API ids answered lately, so an event Slack re-sends (it retries when our
 * 200 takes longer than 3 seconds) is answered once.
 */
final class SeenEvents {
  /** About how long Slack keeps retrying an event, with room to spare. */
  static final Duration REMEMBER = Duration.ofMinutes(10);

  private final Cache<String, Boolean> seen;

  /** Creates an empty memory that forgets ids {@code remember} after it first saw them. */
  SeenEvents(Ticker ticker, Duration remember) {
    this.seen = Caffeine.newBuilder().executor(Runnable::run).ticker(ticker).expireAfterWrite(remember)
        .maximumSize(100_000).build();
  }

  /** Returns true the first time an id is seen, false for repeats; events without an id are always new. */
  boolean firstTime(String eventId) {
    if (eventId == null || eventId.isEmpty()) {
      return true;
    }
    return seen.asMap().putIfAbsent(eventId, Boolean.TRUE) == null;
  }

  /** Forgets an id, so its next delivery counts as the first (for an event that could not be taken). */
  void forget(String eventId) {
    if (eventId != null) {
      seen.invalidate(eventId);
    }
  }
}
