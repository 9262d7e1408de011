package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageTokenTest {
  @Test
  void decode_encodedToken_roundTrips() {
    PageToken token = new PageToken("what's | on \u6d41\u91cf now", 5, 26_900_265);

    assertEquals(Optional.of(token), PageToken.decode(token.encode()));
    assertEquals(Instant.parse("2021-02-22T17:45:00Z"), new PageToken("x", 0, 26_900_265).asked());
  }

  @Test
  void encode_longestQuestion_fitsAButtonValue() {
    String question = "\ud83d\ude80".repeat(500);

    assertTrue(new PageToken(question, PageToken.MAX_OFFSET, Long.MAX_VALUE / 60).encode().length() <= 2000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "2|0|1|q", "1|x|1|q", "1|-5|1|q", "1|0|-1|q", "1|99999|1|q", "1|0|1"})
  void decode_foreignValues_areEmpty(String value) {
    assertEquals(Optional.empty(), PageToken.decode(value));
  }

  @Test
  void constructor_questionOverTheLimit_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new PageToken("x".repeat(501), 0, 0));
  }
}
