package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.SessionType;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Superlatives, order and picks, and exclusions, as the parser reads them. */
class OrderAndExclusionTest {
  private final QueryParser parser = new QueryParser();

  @ParameterizedTest(name = "\"{0}\" orders {1}, picks {2}")
  @CsvSource(delimiter = '|', value = {
      "most watched sessions                       | POPULAR   | 0",
      "least watched                               | UNPOPULAR | 0",
      "which monday session drew the smallest audience | UNPOPULAR | 0",
      "which english talk had the fewest views     | UNPOPULAR | 0",
      "of the two huawei talks, which pulled the bigger audience | POPULAR | 0",
      "what topped the view count                  | POPULAR   | 0",
      "the first talk on friday                    | EARLIEST  | 1",
      "the last talk on friday                     | LATEST    | 1",
      "the earliest keynote                        | EARLIEST  | 1",
      "the longest workshop                        | LONGEST   | 1",
      "shortest talks                              | SHORTEST  | 1",
      "thursday's second spotlight                 | EARLIEST  | 2",
      "the third lightning talk on tuesday         | EARLIEST  | 3",
      "which session had the second biggest live audience | POPULAR | 2",
  })
  void parse_readsOrderAndPick(String question, Query.Order order, int pick) {
    Query q = parser.parse(question);
    assertEquals(order, q.order(), question);
    assertEquals(pick, q.pick(), question);
  }

  @Test
  void parse_firstDayAndLastHourAreTimesNotOrders() {
    assertEquals(Query.Order.NONE, parser.parse("keynotes on the first day").order());
    assertEquals(Query.Order.NONE, parser.parse("which talks ended in the last hour").order());
  }

  @Test
  void parse_whatWasMissedComesMostRecentFirst() {
    assertEquals(Query.Order.LATEST, parser.parse("what did I miss in the last hour").order());
    assertEquals(Query.Order.LATEST, parser.parse("ugh what did i just miss").order());
  }

  @Test
  void parse_excludesKinds() {
    assertEquals(Set.of(SessionType.LIGHTNING), parser.parse("tuesday talks, not the lightning ones").notTypes());
    assertEquals(Set.of(SessionType.KEYNOTE), parser.parse("excluding keynotes").notTypes());
    assertEquals(Set.of(SessionType.KEYNOTE), parser.parse("google speakers, keynotes excluded").notTypes());
    assertEquals(Set.of(SessionType.SPOTLIGHT), parser.parse("friday adoption stories that aren't spotlights").notTypes());
    assertEquals(Set.of(SessionType.ADOPTION), parser.parse("friday adoption stories that aren't spotlights").types());
    Query both = parser.parse("solo.io sessions other than keynotes and workshops");
    assertEquals(Set.of(SessionType.KEYNOTE, SessionType.WORKSHOP), both.notTypes());
    assertTrue(both.types().isEmpty());
  }

  @Test
  void parse_excludesLanguages() {
    assertEquals(Set.of("zh"), parser.parse("without the Chinese sessions").notLanguages());
    assertEquals(Set.of("zh"), parser.parse("IBM sessions that aren't in chinese").notLanguages());
    assertTrue(parser.parse("IBM sessions that aren't in chinese").languages().isEmpty());
  }

  @Test
  void parse_excludedNamesAndTopicsAreSetApartFromTheTopic() {
    Query q = parser.parse("security talks other than Intel");
    assertEquals("intel", q.notContent().get(0).text());
    assertTrue(q.content().stream().noneMatch(w -> w.text().equals("intel")));
    assertEquals("wasm", parser.parse("envoy talks on tuesday, excluding the wasm ones").notContent().get(0).text());
  }

  @Test
  void parse_notWithoutAFilterIsNoExclusion() {
    Query q = parser.parse("I'm not sure which wasm talk to pick");
    assertTrue(q.notContent().isEmpty() && q.notTypes().isEmpty());
  }
}
