package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.TestCatalogs;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What attendees ask while the conference runs: the talk on now, what just ended, whether it started. */
class LiveEventTest {
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
  void zones_namedByAPlaceNextToAPartOfTheDayOrAnHour() {
    When tokyo = when("9:45 thursday morning in tokyo - anything live?");
    assertEquals(ZoneId.of("Asia/Tokyo"), tokyo.zone());
    assertEquals(LocalTime.of(9, 45), tokyo.from());
    assertEquals(ZoneId.of("America/Los_Angeles"), when("which keynotes ran in the pacific evening?").zone());
    assertEquals(ZoneId.of("America/Los_Angeles"), when("red hat talks after 12 pacific").zone());
    When london = when("half 5 in london, is there a talk on?");
    assertEquals(ZoneId.of("Europe/London"), london.zone());
    assertEquals(LocalTime.of(17, 30), london.from());
  }

  @Test
  void story_fromNowOnIsNoTime() {
    assertTrue(when("security says it's TLS-only from now on, can the mesh do it?").isAny());
    assertTrue(when("their proxy runs everywhere; now they want fault injection").isAny());
  }

  @ParameterizedTest(name = "\"{0}\" at {1} is {2}")
  @CsvSource(delimiter = '|', value = {
      // Fri 11:50 PT: g7p runs 11:40-12:00, then g8p
      "what's up after the current talk?            | 2021-02-26T19:50:00Z | g8p",
      // Wed 20:45 PT: e6p ended 20:40
      "which talk just finished?                    | 2021-02-25T04:45:00Z | e6p",
      // Thu 14:30 PT: fn runs from 14:20
      "is the social thing happening yet?           | 2021-02-25T22:30:00Z | fn",
      // Tue 10:10 PT: cw starts 10:30
      "has the multicluster workshop started yet    | 2021-02-23T18:10:00Z | cw",
      // Wed 13:55 PT: the lightning talks d9t3 and d9t4 are still to come
      "which lightning talks haven't started yet today? | 2021-02-24T21:55:00Z | d9t3",
      "what closed out the wednesday evening block? | 2021-02-24T21:55:00Z | e7p",
  })
  void live_firstAnswer(String question, String now, String first) {
    assertEquals(first, ids(question, now).get(0), question);
  }

  @Test
  void aboutToStart_isTheNextHalfHour() {
    When tokyo = when("9:45 thursday morning in tokyo - anything live or about to start?");
    assertEquals(LocalTime.of(10, 15), tokyo.to());
    assertEquals(When.Relation.RUNNING, tokyo.relation());
    // 9:45 Tokyo is Wed 16:45 PT; e1k starts 17:00 PT
    assertEquals("e1k", ids("9:45 thursday morning in tokyo - anything live or about to start?",
        "2021-02-25T00:45:00Z").get(0));
    assertEquals(When.Kind.SPAN, when("anything about to start?").around().kind());
  }

  @Test
  void deadlines_areNoDaysOfTheProgram() {
    assertTrue(parser.parse("my manager wants a summary by friday, which talk was the roadmap?").days().isEmpty());
  }

  @Test
  void missed_afterTheConferenceIsAnythingItHeld() {
    Answer answer = engine.answer(real, engine.parse("did i miss the roadmap keynote"),
        Instant.parse("2026-11-30T12:00:00Z"), null);
    // both roadmap keynotes, the China block's rerun (later) first
    assertEquals(List.of("e1k", "d1k"), answer.hits().stream().limit(2).map(h -> h.session().id()).toList());
    assertTrue(answer.notes().contains("The conference is not on today; showing all it held before now."),
        answer.notes().toString());
  }

  @Test
  void audience_countsFilter() {
    assertEquals(new Query.Audience(1100, Integer.MAX_VALUE),
        parser.parse("which monday sessions cleared 1,100 live viewers?").audience());
    assertEquals(new Query.Audience(0, 300), parser.parse("sessions under 300 viewers").audience());
    assertEquals(new Query.Audience(1200, Integer.MAX_VALUE), parser.parse("more than 1.2k views").audience());
    assertEquals(null, parser.parse("a workshop for 6 people").audience());
    assertEquals(List.of("a3p", "a1k"), ids("which monday sessions cleared 1,100 live viewers?", "2021-02-23T12:00:00Z"));
  }

  @Test
  void fillerVerbs_areNoTopic() {
    assertEquals(List.of("c1s", "c5a"), ids("tuesday morning sessions involving envoy", "2021-02-23T12:00:00Z"));
  }

  @Test
  void shortForms_askAboutTheMoment() {
    assertEquals(When.Kind.NOW, when("what's on").around().kind());
    assertEquals(When.Kind.NOW, when("现在在播什么").around().kind());
    assertEquals(When.Kind.NEXT, when("下一个是什么").around().kind());
    assertEquals(LocalTime.of(15, 0), when("what's on at 3pm").from());
    assertEquals(null, when("what's on at 3pm").around());
    Query first = parser.parse("what's first after lunch?");
    assertEquals(Query.Order.EARLIEST, first.order());
    assertEquals(1, first.pick());
    assertEquals("d9t2", ids("what's on", "2021-02-24T21:52:00Z").get(0));
  }

  @Test
  void story_inChineseAndAfterAComparison() {
    assertTrue(when("我们公司用 Spring Cloud 写了很多微服务，现在想上 Istio 但是不想大改代码").isAny());
    assertTrue(when("we want use OPA for authorization with istio. is it easier now in 1.9?").isAny());
  }

  @Test
  void chineseAudienceWords_orderByViewers() {
    assertEquals(Query.Order.POPULAR, parser.parse("哪个分享观看人数最多").order());
    assertEquals("a3p", ids("哪个分享观看人数最多", "2021-02-24T21:52:00Z").get(0));
  }

  @Test
  void otherLanguages_filterAndSayNothingIsInThem() {
    Query japanese = parser.parse("there is any talk in japanese language?");
    assertEquals(java.util.Set.of("ja"), japanese.languages());
    Answer answer = engine.answer(real, japanese, Instant.parse("2021-02-24T21:52:00Z"), null);
    assertTrue(answer.hits().isEmpty());
    assertEquals("Nothing matches in Japanese.", answer.notes().get(0));
    assertTrue(parser.parse("the japanese flea market app's talk").languages().isEmpty(), "a description, no language");
  }

  @Test
  void kindWordsInsideANameAreTheName() {
    Answer answer = engine.answer(real, "that dude from descartes labs, what was his talk", Instant.parse("2021-02-24T21:52:00Z"));
    assertEquals("a9p", answer.hits().get(0).session().id());
    assertTrue(answer.notes().contains("Read the kind of session as part of a name."), answer.notes().toString());
  }

  @Test
  void runTogetherWithATypo() {
    Answer answer = engine.answer(real, "ratelimt opertor", Instant.parse("2021-02-24T21:52:00Z"));
    assertEquals("d9t3", answer.hits().get(0).session().id());
    assertTrue(answer.notes().get(0).contains("\u201cratelimt\u201d as \u201crate limit\u201d"), answer.notes().toString());
  }

  @Test
  void talksAfterASession_areAllOfThemInTheTimeNamed() {
    When after = when("wednesday morning talks after the roadmap");
    assertTrue(after.reference().all());
    assertTrue(!when("what's right after the roadmap keynote?").reference().all());
    Answer answer = engine.answer(real, engine.parse("wednesday morning talks after the roadmap"),
        Instant.parse("2021-02-23T12:00:00Z"), null);
    assertEquals(List.of("d3p", "d4p", "d5a"), answer.hits().stream().limit(3).map(h -> h.session().id()).toList());
    assertEquals("After \u201cIstio Project Roadmap\u201d:", answer.notes().get(answer.notes().size() - 1));
  }

  @ParameterizedTest(name = "\"{0}\" at {1} is {2}")
  @CsvSource(delimiter = '|', value = {
      // Mon 19:30 PT, the Chinese block is on: the next English talk is Tuesday's first
      "when's the next english-language talk?       | 2021-02-23T03:30:00Z | c1s",
      // Fri 13:15 PT
      "just joined the stream, what's playing?      | 2021-02-26T21:15:00Z | g9t2",
      // Thu 14:30 PT: Friday opens with g1s
      "what opens the program tomorrow?             | 2021-02-25T22:30:00Z | g1s",
      // Thu 08:30 in Beijing: what is still to come before lunch there
      "I'm in Beijing, what can I catch before lunch today? | 2021-02-25T00:30:00Z | e1k",
  })
  void live_moreFirstAnswers(String question, String now, String first) {
    assertEquals(first, ids(question, now).get(0), question);
  }

  @Test
  void withoutA_saysHowAndExcludesNothing() {
    Query how = parser.parse("the sidecar originates tls for a managed cache without an egress gateway");
    assertTrue(how.notContent().isEmpty(), how.notContent().toString());
    assertEquals(Query.Lead.SLIDES, parser.parse("pptx from intel's security talk").lead());
  }

  @Test
  void partOfTheDay_afterTheConferenceMeansEachOfItsDays() {
    Answer answer = engine.answer(real, engine.parse("which keynotes ran in the pacific evening?"),
        Instant.parse("2026-11-30T12:00:00Z"), null);
    assertEquals(List.of("b1k", "e1k"), answer.hits().stream().map(h -> h.session().id()).toList());
    assertTrue(answer.notes().contains("The conference is not on today; showing that time on each of its days."),
        answer.notes().toString());
  }
}
