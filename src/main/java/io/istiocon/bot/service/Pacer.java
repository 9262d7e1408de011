package io.istiocon.bot.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps calls to one Slack method within its rate: at most {@code limit} in any {@code window}
 * (for {@code chat.scheduleMessage}, Tier 3, 50 a minute), and none while Slack's last 429 asks
 * to wait. Time comes from the injected clock. Thread-safe.
 */
public final class Pacer {
  /** Slack's Tier 3: 50 calls a minute, per method, app and workspace. */
  public static final int TIER_3 = 50;

  private final Clock clock;
  private final int limit;
  private final Duration window;
  private final Deque<Instant> calls = new ArrayDeque<>();
  private Instant pausedUntil = Instant.EPOCH;

  public Pacer(Clock clock, int limit, Duration window) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    this.clock = clock;
    this.limit = limit;
    this.window = window;
  }

  /** Returns a pacer for a Tier 3 method. */
  public static Pacer tier3(Clock clock) {
    return new Pacer(clock, TIER_3, Duration.ofMinutes(1));
  }

  /** Takes one call if the rate allows it now; returns whether it did. */
  public synchronized boolean tryAcquire() {
    Instant now = clock.instant();
    forget(now);
    if (now.isBefore(pausedUntil) || calls.size() >= limit) {
      return false;
    }
    calls.addLast(now);
    return true;
  }

  /** Returns how many calls the rate allows now. */
  public synchronized int available() {
    Instant now = clock.instant();
    forget(now);
    return now.isBefore(pausedUntil) ? 0 : limit - calls.size();
  }

  /** Returns the earliest time a call may be allowed again. */
  public synchronized Instant nextAt() {
    Instant now = clock.instant();
    forget(now);
    Instant free = calls.size() < limit ? now : calls.peekFirst().plus(window);
    return free.isBefore(pausedUntil) ? pausedUntil : free;
  }

  /** Holds every call until {@code until}, as a 429's Retry-After asks. */
  public synchronized void pauseUntil(Instant until) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  private void forget(Instant now) {
    while (!calls.isEmpty() && !calls.peekFirst().plus(window).isAfter(now)) {
      calls.removeFirst();
    }
  }
}
