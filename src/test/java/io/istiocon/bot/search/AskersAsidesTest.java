package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Asides about the asker that are neither topic nor filter: what they hold ("coffee in hand"), a
 * part of the program they say is over ("the english part is done"), and "item" as a session noun.
 */
class AskersAsidesTest {
  private static final Instant AFTER = Instant.parse("2021-03-01T00:00:00Z");
  private final QueryParser parser = new QueryParser();
  private final QueryEngine engine = new QueryEngine();

  @Test
  void holding_whatTheAskerHoldsIsNoTopic() {
    assertTrue(parser.parse("with a beer in hand, what's on right now?").content().isEmpty());
    assertTrue(parser.parse("tea in hand. anything live?").content().isEmpty());
    assertEquals(List.of("d3p"), RealCatalog.ids("with a beer in hand, what's on right now?", Instant.parse("2021-02-24T17:00:00Z")));
  }

  @Test
  void over_aLanguageSaidToBeOverIsNoLanguageFilter() {
    Query q = parser.parse("the chinese block is over for today. what's the next session?");
    assertTrue(q.languages().isEmpty(), q.toString());
    assertTrue(q.content().isEmpty(), q.toString());
    assertEquals(Query.Intent.NEXT, q.intent());
    assertEquals("d1k", RealCatalog.ids("the chinese block is over for today. what's the next session?",
        Instant.parse("2021-02-23T23:00:00Z")).get(0));
  }

  @Test
  void over_aLanguageAskedForStillFilters() {
    assertEquals(Set.of("en"), parser.parse("english keynotes").languages());
    assertEquals(Set.of("zh"), parser.parse("is the chinese part over yet? which chinese talks are left?").languages());
  }

  @Test
  void item_namesASessionInOrderQuestions() {
    Query q = parser.parse("what's the last item on tuesday?");
    assertEquals(Query.Order.LATEST, q.order());
    assertEquals(1, q.pick());
    assertEquals(List.of("c9t4"), RealCatalog.ids("what's the last item on tuesday?", AFTER));
    assertEquals(List.of("a1k"), RealCatalog.ids("what was the first item of the whole program?", AFTER));
  }

  @Test
  void han_goodMorningIsNoTimeAndNextOrFirstAreRead() {
    When greeting = parser.parse("晚上好，现在在播什么？").when();
    assertEquals(When.Kind.NOW, greeting.around().kind());
    assertEquals(null, greeting.from());
    assertEquals(Query.Intent.NEXT, parser.parse("周三接下来还有什么演讲？").intent());
    Query first = parser.parse("周二的第一个环节是什么");
    assertEquals(Query.Order.EARLIEST, first.order());
    assertEquals(1, first.pick());
    assertEquals(Query.Order.LATEST, parser.parse("周二最后一个环节是什么").order());
    assertEquals(Query.Order.NONE, parser.parse("第一次用istio的经验").order());
  }
}
