package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.TestCatalogs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How askers place themselves in time: the time it is where they are, when they will be back, their own day. */
class AskersMomentTest {
  private static SearchIndex real;
  private final QueryParser parser = new QueryParser();
  private final QueryEngine engine = new QueryEngine();

  @BeforeAll
  static void indexRealCatalog() {
    real = SearchIndex.build(TestCatalogs.real(), Synonyms.NONE);
  }

  private When when(String question) {
    return parser.parse(question).when();
  }

  private List<String> ids(String question, String now) {
    return engine.answer(real, engine.parse(question), Instant.parse(now), null).hits().stream()
        .map(h -> h.session().id()).toList();
  }

  @Test
  void theTimeItIsHere_isTheMomentOfAsking() {
    When nyc = when("it's 9pm here in nyc, what's on");
    assertEquals(When.Kind.NOW, nyc.around().kind());
    assertEquals(ZoneId.of("America/New_York"), nyc.zone());
    When morning = when("it's 8:30am here in shanghai, what's on this morning?");
    assertEquals(LocalTime.of(5, 0), morning.from());
    assertEquals(When.Clip.FROM_NOW, morning.clip());
  }

  @Test
  void backAfterAWhile_isThatMoment() {
    When.Around back = when("stepping into a meeting for an hour, what will be playing when I get back?").around();
    assertEquals(Duration.ofHours(1), back.from());
    assertEquals(Duration.ofHours(1), back.to());
    // Wed 08:30 PT: in an hour d3p is on
    assertEquals("d3p", ids("stepping into a meeting for an hour, what will be playing when I get back?",
        "2021-02-24T16:30:00Z").get(0));
  }

  @ParameterizedTest(name = "\"{0}\" names no time")
  @ValueSource(strings = {
      "on call right now: a request fails somewhere across three services. was there a talk on tracking that down?",
      "istiod is eating CPU now that we have thousands of proxies. did anyone share scale test results?",
      "half our fleet is still on VMs for compliance reasons, how ready is istio for virtual machines?",
  })
  void story_isNoTime(String question) {
    assertTrue(when(question).isAny(), question + " -> " + when(question));
  }

  @ParameterizedTest(name = "\"{0}\" at {1} is {2}")
  @CsvSource(delimiter = '|', value = {
      // Thu 15:30 PT: the social runs 14:20-16:00
      "is the social still going?                         | 2021-02-25T23:30:00Z | fn",
      // Fri 11:15 PT: nothing on; g7p starts 11:40
      "stream seems quiet, when does it pick back up?     | 2021-02-26T19:15:00Z | g7p",
      // Wed 17:30 PT, the Chinese block: e3p is eBay's, e4p follows it
      "which talk follows the ebay one tonight?           | 2021-02-25T01:30:00Z | e4p",
      // Mon 21:45 in Paris is 12:45 PT: the workshop aw runs until 13:00
      "lundi 21h45 à Paris, what's live?                  | 2021-02-22T20:45:00Z | aw",
      // Fri 12:30 PT
      "just logged in, what am I missing at the moment    | 2021-02-26T20:30:00Z | g8p",
      // Wed 14:30 PT: the evening block, in Pacific time
      "heading out now but I'll be online again this evening, what sessions are there tonight? | 2021-02-24T22:30:00Z | e1k",
  })
  void firstAnswer(String question, String now, String first) {
    assertEquals(first, ids(question, now).get(0), question);
  }
}
