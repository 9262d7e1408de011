package io.istiocon.bot.testing;

import io.istiocon.bot.slack.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that returns at once and remembers every wait it was asked for. */
public final class RecordingSleeper implements Sleeper {
  private final List<Duration> waits = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration duration) {
    waits.add(duration);
  }

  /** Returns the waits asked for so far, in order. */
  public synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** Forgets the waits so far. */
  public synchronized void clear() {
    waits.clear();
  }
}
