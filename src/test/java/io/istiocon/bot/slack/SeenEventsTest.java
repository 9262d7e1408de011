package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.testing.FakeTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SeenEventsTest {
  private final FakeTicker ticker = new FakeTicker();
  private final SeenEvents seen = new SeenEvents(ticker, SeenEvents.REMEMBER);

  @Test
  void firstTime_repeatWithinTenMinutes_isFalse() {
    assertTrue(seen.firstTime("Ev1"));
    ticker.advance(Duration.ofMinutes(9));

    assertFalse(seen.firstTime("Ev1"));
    assertTrue(seen.firstTime("Ev2"));
  }

  @Test
  void firstTime_afterTenMinutes_isTrueAgain() {
    seen.firstTime("Ev1");
    ticker.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertTrue(seen.firstTime("Ev1"));
  }

  @Test
  void firstTime_eventsWithoutId_areAlwaysNew() {
    assertTrue(seen.firstTime(null));
    assertTrue(seen.firstTime(null));
    assertTrue(seen.firstTime(""));
  }
}
