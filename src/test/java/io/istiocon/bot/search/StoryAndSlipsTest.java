package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.SessionType;
import io.istiocon.bot.catalog.TestCatalogs;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Questions that tell a story around what they ask ("right now we rotate certs by hand, ..."), and
 * slips of the keyboard in the words that filter (days, kinds of session).
 */
class StoryAndSlipsTest {
  private static final Instant WEDNESDAY_0830_PT = Instant.parse("2021-02-24T16:30:00Z");
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

  private List<String> ids(String question, Instant now, ZoneId asker) {
    return engine.answer(real, engine.parse(question), now, asker).hits().stream().map(h -> h.session().id()).toList();
  }

  private static List<String> words(List<Text.Word> words) {
    return words.stream().filter(w -> !w.joined()).map(Text.Word::text).toList();
  }

  @ParameterizedTest(name = "\"{0}\" names no time")
  @ValueSource(strings = {
      "right now we rotate client certs by hand in app config, anything on making the mesh do it?",
      "we're currently on 1.6 and scared to upgrade",
      "we are currently running consul, is there a migration story?",
      "companies that built their own envoy control plane and later switched over to istio",
      "last minor bump broke ingress for 2 hours, how are releases qualified?",
  })
  void story_timeWordsOfTheAskersOwnStoryAreNoTime(String question) {
    assertTrue(when(question).isAny(), question + " -> " + when(question));
  }

  @Test
  void story_theQuestionsOwnTimeStillCounts() {
    assertEquals(When.Kind.NOW, when("what's on right now, we just joined").around().kind());
    assertEquals(When.Kind.NOW, when("i'm free right now, anything?").around().kind());
    assertEquals(When.Kind.LATER_TODAY, when("anything scheduled later?").around().kind());
    assertEquals(When.Kind.SPAN, when("was afk for half an hour, what happened").around().kind());
  }

  @Test
  void exclusions_endWithTheirPartOfTheSentence() {
    Query vms = parser.parse("onboarding workloads that aren't in containers, workloadgroup + the dns proxy");
    assertEquals(List.of("containers"), words(vms.notContent()));
    assertTrue(words(vms.content()).containsAll(List.of("workloadgroup", "dns", "proxy")), vms.content().toString());
  }

  @Test
  void exclusions_nonBeforeATopicIsATopic() {
    Query protocols = parser.parse("did anyone show a way to teach it about non-http protocols?");
    assertTrue(protocols.notContent().isEmpty(), protocols.notContent().toString());
    assertTrue(words(protocols.content()).contains("protocols"));
    assertEquals(Set.of(SessionType.KEYNOTE), parser.parse("non-keynote talks on monday").notTypes());
  }

  @Test
  void chatWords_thatAreNoFilters() {
    Query party = parser.parse("two-way cert auth with third party payment providers");
    assertTrue(party.types().isEmpty());
    assertEquals(0, party.pick());
    Query until = parser.parse("how long till the social thing");
    assertEquals(When.Kind.NEXT, until.when().around().kind());
    assertEquals(Set.of(SessionType.SOCIAL), until.types());
    Query week = parser.parse("longest sessions of the week");
    assertEquals(Query.Order.LONGEST, week.order());
    assertTrue(week.content().isEmpty(), week.content().toString());
    Query second = parser.parse("what was the 2nd most watched session");
    assertTrue(second.days().isEmpty());
    assertEquals(2, second.pick());
    assertTrue(words(parser.parse("final session of the conf on friday").content()).isEmpty());
  }

  @Test
  void missed_isWhatRanBeforeNowOnTheDayNamed() {
    When monday = when("what did I miss on monday");
    assertEquals(List.of(DayRef.weekday(DayOfWeek.MONDAY)), monday.days());
    assertEquals(When.Clip.TO_NOW, monday.clip());
    When week = when("sorry, missed most of the week because of on-call");
    assertNull(week.around());
    assertEquals(When.Clip.TO_NOW, week.clip());
  }

  @Test
  void missed_findsWhatIsStillRunningAfterWhatIsOver() {
    assertEquals("d1k", ids("did i miss the keynote", WEDNESDAY_0830_PT, null).get(0)); // 08:00-08:50, running
    assertEquals("d3p", ids("ugh what did i just miss", Instant.parse("2021-02-24T17:45:00Z"), null).get(0));
  }

  @Test
  void slips_inDaysAndKindsFilter() {
    Query q = parser.parse("kiali wrkshp thursdy");
    assertEquals(Set.of(SessionType.WORKSHOP), q.types());
    assertEquals(List.of(DayRef.weekday(DayOfWeek.THURSDAY)), q.days());
    assertEquals(List.of(new Query.Respelling("wrkshp", "workshop"), new Query.Respelling("thursdy", "thursday")),
        q.respelled());
    assertEquals(Set.of(SessionType.KEYNOTE), parser.parse("keynots on wensday").types());
    assertTrue(parser.parse("lighting talks").types().isEmpty(), "an English word is no slip");
    Answer answer = engine.answer(real, "kiali wrkshp thursdy", WEDNESDAY_0830_PT);
    assertEquals("fw", answer.hits().get(0).session().id());
    assertTrue(answer.notes().contains("Read \u201cwrkshp\u201d as \u201cworkshop\u201d, \u201cthursdy\u201d as \u201cthursday\u201d."),
        answer.notes().toString());
  }

  @Test
  void weekday_fallsBackToTheAskersZoneWhenTheProgramHasNothingThatDay() {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    Answer answer = engine.answer(real, engine.parse("chinese sessions on thursday"), WEDNESDAY_0830_PT, shanghai);
    assertEquals(List.of("e3p", "e4p", "e5p", "e6p", "e7p"), answer.hits().stream().map(h -> h.session().id()).toList());
    assertTrue(answer.notes().get(0).contains("your time zone, Asia/Shanghai"), answer.notes().toString());
    assertTrue(ids("chinese sessions on thursday", WEDNESDAY_0830_PT, null).isEmpty(), "the program's own Thursday");
    assertFalse(ids("keynotes on wednesday", WEDNESDAY_0830_PT, shanghai).isEmpty());
  }
}
