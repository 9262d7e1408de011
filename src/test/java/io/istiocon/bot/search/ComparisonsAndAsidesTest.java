package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.SessionType;
import io.istiocon.bot.catalog.TestCatalogs;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Forms the tenth team set revealed: two sessions compared by views or length, view-count words once
 * the order is read, a day inside a reference ("the thursday social"), full-length and "actual" talks,
 * "not interested in", "back from lunch", "between now and noon", "starts in 5", "what's being
 * presented", a session still on while the asker asks what's next, and questions whose subject no
 * session covers although the rest of their words find something.
 */
class ComparisonsAndAsidesTest {
  private static SearchIndex real;
  private final QueryParser parser = new QueryParser();
  private final QueryEngine engine = new QueryEngine();

  @BeforeAll
  static void indexRealCatalog() {
    real = SearchIndex.build(TestCatalogs.real(), Synonyms.NONE);
  }

  private List<String> ids(String question, String now, String zone) {
    Instant at = now == null || now.isBlank() ? Instant.parse("2021-03-01T12:00:00Z") : Instant.parse(now);
    ZoneId asker = zone == null || zone.isBlank() ? null : ZoneId.of(zone);
    return engine.answer(real, engine.parse(question), at, asker).hits().stream().map(h -> h.session().id()).toList();
  }

  @ParameterizedTest(name = "\"{0}\" at {1} starts with {3}")
  @CsvSource(delimiter = '|', value = {
      // two sessions set against each other: the better of the two first, only the two
      "which drew more viewers, the 5G talk or the sketching one?                      |                      |                     | a3p",
      "which had the smaller audience, the spring cloud talk or the knative one?        |                      |                     | b7p",
      "which ran longer, the redis tls origination talk or the sberbank story?          |                      |                     | d5a",
      // view-count words once the order is read are no topic
      "fewest views among the sessions with viewer numbers                             |                      |                     | b7p",
      "top 3 talks by viewers                                                           |                      |                     | a3p",
      // a weekday inside the session named
      "the talk right before the wednesday office hours                                 |                      |                     | d5a",
      "what's right after the tuesday workshop?                                         |                      |                     | c8p",
      "last session before the monday workshop                                          |                      |                     | a4p",
      // full-length talks are no lightning talks; an actual talk is no social session
      "full-length talks on tuesday afternoon                                           |                      |                     | c8p",
      "which full length english talks were on thursday afternoon?                      |                      |                     | f8p",
      "what's the next real talk?                                                       | 2021-02-24T19:00:00Z |                     | d8p",
      "next session please, not interested in the workshop                              | 2021-02-25T18:35:00Z |                     | f8p",
      // the asker's own situation is no time or kind asked for
      "back from lunch - anything that ended in the last 30 minutes?                    | 2021-02-26T19:15:00Z | America/Los_Angeles | g6a",
      "the keynote's still running but I'm skipping it, what's next?                    | 2021-02-24T16:30:00Z |                     | d3p",
      // what is being presented is what is on
      "what's being streamed?                                                           | 2021-02-23T17:10:00Z |                     | c3p",
      "just tuned in - what's being discussed?                                          | 2021-02-22T21:50:00Z |                     | a9p",
      // a bare number after "in" with a verb of starting counts minutes
      "anything starting in 10?                                                         | 2021-02-25T16:20:00Z |                     | f2s",
      "what begins in 15                                                                | 2021-02-24T17:30:00Z |                     | d4p",
      // from now to a clock time
      "which sessions start between now and 2pm pacific?                                | 2021-02-24T19:00:00Z |                     | d8p",
      "talks from now until 2pm                                                         | 2021-02-24T19:00:00Z | America/Los_Angeles | d8p",
  })
  void answers(String question, String now, String zone, String first) {
    List<String> got = ids(question, now, zone);
    assertTrue(!got.isEmpty() && got.get(0).equals(first), question + " -> " + got);
  }

  @Test
  void comparison_returnsOnlyTheTwoInTheOrderAsked() {
    assertEquals(List.of("a3p", "a4p"), ids("which drew more viewers, the 5G talk or the sketching one?", null, null));
    assertEquals(List.of("b7p", "b5p"), ids("which had the smaller audience, the spring cloud talk or the knative one?",
        null, null));
  }

  @Test
  void parser_splitsAComparisonOnlyWhenItOrders() {
    Query compared = parser.parse("which did better in views, the 5G talk or the sketching one?");
    assertEquals(Query.Order.POPULAR, compared.order());
    assertTrue(compared.split() > 0);
    assertEquals(List.of("5g"), compared.side(true).stream().map(Text.Word::text).toList());
    assertEquals(-1, parser.parse("wasm or lua filters").split());
  }

  @Test
  void parser_measuresAndQualifiers() {
    assertTrue(parser.parse("top three sessions by views").content().isEmpty());
    assertTrue(parser.parse("among the sessions that have a view count, which had the smallest audience?").content()
        .isEmpty());
    Query full = parser.parse("of the full-length chinese talks on monday night, which drew the most viewers?");
    assertEquals(Set.of(SessionType.LIGHTNING), full.notTypes());
    assertTrue(full.content().isEmpty());
    assertEquals(Set.of(SessionType.SOCIAL), parser.parse("when's the next actual talk?").notTypes());
    assertEquals(List.of("office", "hours"), parser.parse("what's next? not interested in the office hours")
        .notContent().stream().map(Text.Word::text).toList());
  }

  @Test
  void parser_timeForms() {
    When lunch = parser.parse("just got back from lunch, which sessions wrapped up in the last hour?").when();
    assertNull(lunch.from());
    assertEquals(When.Relation.ENDS, lunch.relation());
    When noon = parser.parse("which sessions begin between now and noon pacific?").when();
    assertEquals(LocalTime.NOON, noon.to());
    assertEquals(When.Clip.FROM_NOW, noon.clip());
    assertEquals(ZoneId.of("America/Los_Angeles"), noon.zone());
    assertEquals(new When.Around(When.Kind.SPAN, java.time.Duration.ZERO, java.time.Duration.ofMinutes(5)),
        parser.parse("starts in 5?").when().around());
    assertTrue(parser.parse("talks in 2021").when().isAny(), "a year is no span");
    assertEquals(When.Kind.NOW, parser.parse("just tuned in, what's being presented?").when().around().kind());
    Query still = parser.parse("workshop's still going but I'm not in it - what's the next thing that starts?");
    assertTrue(still.types().isEmpty());
    assertEquals(When.Kind.NEXT, still.when().around().kind());
    assertEquals(When.Kind.NOW, parser.parse("is the workshop still going?").when().around().kind());
    assertEquals(Set.of(SessionType.WORKSHOP), parser.parse("is the workshop still going?").types());
  }

  @ParameterizedTest(name = "\"{0}\" presents no session")
  @CsvSource(delimiter = '|', value = {
      "any talk on the energy cost or carbon footprint of the mesh?",
      "did any talk measure the energy use or carbon footprint of running sidecars?",
      "how do I prepare for an istio certification exam?",
  })
  void subjectNoSessionCovers(String question) {
    Answer answer = engine.answer(real, engine.parse(question), Instant.parse("2021-03-01T12:00:00Z"), null);
    assertTrue(answer.hits().isEmpty(), question + " -> " + answer.hits().size());
    assertTrue(answer.notes().get(0).startsWith("No session mentions"), answer.notes().toString());
  }

  @Test
  void aStrayWordOrANamedCompanyStillAnswers() {
    assertEquals("d5a", ids("which talk the sberbank guys gave?", null, null).get(0));
    assertEquals("e7p", ids("the intel guys who made istio-cni faster", null, null).get(0));
  }
}
