package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A length compared ("shorter than 15 minutes", "longer than 45 minutes") bounds how long sessions last. */
class LengthBoundsTest {
  private final QueryEngine engine = new QueryEngine();

  @Test
  void theBound_isRead() {
    Query shorter = engine.parse("tuesday talks shorter than 15 minutes");
    assertEquals(Duration.ofMinutes(15), shorter.length());
    assertEquals(-1, shorter.lengthBound());
    assertEquals(1, engine.parse("sessions longer than an hour").lengthBound());
    assertEquals(0, engine.parse("10-minute talks").lengthBound());
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', value = {
      // Mon 22 Feb 2021 (Pacific): a1k 50 min, aw 150 min, b1k 50 min (Mon 17:00 PT)
      "monday sessions longer than 45 minutes          | a1k aw b1k",
      // Thu 25 Feb: the four lightning talks f9t1-f9t4 last 10 minutes
      "thursday sessions shorter than 20 minutes     | f9t1 f9t2 f9t3 f9t4",
      "talks on thursday under 15 minutes              | f9t1 f9t2 f9t3 f9t4",
  })
  void aBound_filters(String question, String expected) {
    assertEquals(List.of(expected.split(" ")), RealCatalog.ids(question));
  }
}
