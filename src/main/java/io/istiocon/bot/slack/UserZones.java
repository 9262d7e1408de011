package io.istiocon.bot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The time zone each Slack user set in their profile ({@code users.info}'s {@code tz}), kept a day
 * per user. "This afternoon" and "9am" in a question are the asker's; when Slack does not say, or
 * does not answer within {@link #WAIT}, the answer falls back to the conference's own zone (null).
 */
final class UserZones {
  /** How long a user's zone is kept before it is asked again. */
  static final Duration REMEMBER = Duration.ofDays(1);
  /** How long a question waits for {@code users.info}; a slash command must be answered within 3 s. */
  static final Duration WAIT = Duration.ofMillis(1500);

  private final Cache<String, ZoneId> zones;
  private final Function<String, Optional<ZoneId>> lookup;
  private final Executor executor;

  /**
   * Creates the cache.
   *
   * @param lookup asks Slack for a user's zone; empty when it cannot say
   * @param executor where lookups run, so a slow one can be left behind after {@link #WAIT}
   */
  UserZones(Function<String, Optional<ZoneId>> lookup, Executor executor, Ticker ticker) {
    this.lookup = lookup;
    this.executor = executor;
    this.zones = Caffeine.newBuilder().executor(Runnable::run).ticker(ticker).expireAfterWrite(REMEMBER)
        .maximumSize(100_000).build();
  }

  /** Returns the user's zone, or null for the conference's own. Never throws. */
  ZoneId of(String user) {
    if (user == null || user.isBlank()) {
      return null;
    }
    ZoneId known = zones.getIfPresent(user);
    if (known != null) {
      return known;
    }
    CompletableFuture<Optional<ZoneId>> asked = CompletableFuture.supplyAsync(() -> lookup.apply(user), executor);
    asked.thenAccept(zone -> zone.ifPresent(z -> zones.put(user, z))); // kept even when it came too late
    try {
      return asked.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).orElse(null);
    } catch (TimeoutException | ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
