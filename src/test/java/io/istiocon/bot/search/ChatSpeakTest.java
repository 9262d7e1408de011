package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.SessionType;
import io.istiocon.bot.catalog.TestCatalogs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Questions as they are typed in chat: shorthand, loose times, loose exclusions, names heard not read. */
class ChatSpeakTest {
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
  void slang_isSpelledOut() {
    assertEquals(When.Kind.NOW, when("whats on rn").around().kind());
    When tomorrow = when("anything starting tmrw afternoon?");
    assertEquals(List.of(DayRef.relative(1)), tomorrow.days());
    assertEquals(LocalTime.NOON, tomorrow.from());
    assertEquals(LocalTime.NOON, when("talks b4 noon, w/o the keynotes").to());
    assertEquals(Set.of(SessionType.KEYNOTE), parser.parse("talks b4 noon, w/o the keynotes").notTypes());
  }

  @ParameterizedTest(name = "\"{0}\" spans {1} to {2} minutes")
  @CsvSource(delimiter = '|', value = {
      "anything in the next 15?                          | 0   | 15",
      "anything starting in the next hour and a half?    | 0   | 90",
      "was afk for like half an hour, what happened      | -30 | 0",
  })
  void loose_lengthsOfTime(String question, long from, long to) {
    When.Around around = when(question).around();
    assertEquals(Duration.ofMinutes(from), around.from(), question);
    assertEquals(Duration.ofMinutes(to), around.to(), question);
  }

  @ParameterizedTest(name = "\"{0}\" is {1} to {2}")
  @CsvSource(delimiter = '|', value = {
      "what's on at half past 10           | 10:30 | 10:30",
      "anything at quarter to 4            | 15:45 | 15:45",
      "what starts between 8 and 9 tonight | 20:00 | 21:00",
      "what's on at 10 my time?            | 10:00 | 10:00",
  })
  void loose_clockTimes(String question, String from, String to) {
    assertEquals(LocalTime.parse(from), when(question).from(), question);
    assertEquals(LocalTime.parse(to), when(question).to(), question);
  }

  @Test
  void places_saidLooselyAreZones() {
    assertEquals(ZoneId.of("Australia/Sydney"), when("it'll be thursday 8am in sydney for me, what's on then?").zone());
    assertEquals(ZoneId.of("Asia/Tokyo"), when("tokyo here, what's on tonite my time").zone());
  }

  @Test
  void exclusions_saidLoosely() {
    assertEquals("multicluster", parser.parse("any workshops besides the multicluster one?").notContent().get(0).text());
    assertEquals(List.of(DayRef.except(java.time.DayOfWeek.FRIDAY)), parser.parse("spotlight sessions not on friday").days());
    assertEquals(Set.of(SessionType.KEYNOTE, SessionType.ADOPTION),
        parser.parse("wednesday morning talks, minus the keynote and the adoption story").notTypes());
    assertEquals(Set.of(SessionType.ADOPTION), parser.parse("adoption track sessions except friday's").types());
  }

  @Test
  void numbers_thatAreNoDays() {
    Query second = parser.parse("2nd most watched chinese talk");
    assertTrue(second.days().isEmpty());
    assertEquals(Query.Order.POPULAR, second.order());
    assertEquals(2, second.pick());
    assertTrue(parser.parse("5 tips for your 1st istio.io contribution").days().isEmpty());
    assertTrue(parser.parse("templated charts for day-two admin").days().isEmpty());
    assertEquals(List.of(DayRef.number(2)), parser.parse("workshops on day two").days());
    Query top = parser.parse("top 3 most viewed sessions");
    assertEquals(Query.Order.POPULAR, top.order());
    assertTrue(top.content().isEmpty(), top.content().toString());
  }

  @Test
  void words_thatOnlyLookLikeTime() {
    assertTrue(when("the upcoming SIG Network standard that succeeds Ingress").isAny());
    assertTrue(when("p99 jumps as soon as sidecars are injected").isAny());
    assertNull(when("a company that evaluated control planes before choosing istio").reference());
  }

  @ParameterizedTest(name = "\"{0}\" at {1} is {2}")
  @CsvSource(delimiter = '|', value = {
      "ugh what did i just miss                      | 2021-02-24T17:45:00Z | d3p",
      "whats the session right before the closing remarks | 2021-02-24T17:45:00Z | g9t4",
      "the talk right before office hours?           | 2021-02-24T17:45:00Z | d5a",
      "chao meng zang                                | 2021-02-24T17:45:00Z | b5p",
      "许超 的分享                                     | 2021-02-24T17:45:00Z | b3t2",
      "spotlight sessions not on friday              | 2021-02-24T17:45:00Z | c1s",
  })
  void answer_firstHit(String question, String now, String first) {
    assertEquals(first, ids(question, now).get(0), question);
  }

  @Test
  void answer_productsTheCatalogLacksAreNeverCorrectedIntoItsWords() {
    for (String question : List.of("traefik mesh as a lighter alternative to the istio gateway",
        "graphql federation at the ingress gateway", "istio on azure aks behind an application gateway")) {
      Answer answer = engine.answer(real, question, Instant.parse("2021-02-24T17:45:00Z"));
      assertTrue(answer.isEmpty(), question + " -> " + answer.hits());
      assertTrue(answer.notes().get(0).startsWith("No session mentions"), answer.notes().toString());
    }
  }
}
