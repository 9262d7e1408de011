package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.SessionType;
import io.istiocon.bot.catalog.TestCatalogs;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine on the real program for what people say: time relative to the moment and zone of
 * asking, combined constraints, order and picks, exclusions, run-together words, Chinese meaning,
 * and answers that say no session covers a question rather than offer matches on generic words.
 */
class QueryEngineUnderstandingTest {
  private static SearchIndex real;
  private final QueryEngine engine = new QueryEngine();

  @BeforeAll
  static void indexRealCatalog() {
    real = SearchIndex.build(TestCatalogs.real(), Synonyms.NONE);
  }

  private Answer ask(String question, String now) {
    return engine.answer(real, engine.parse(question), Instant.parse(now), null);
  }

  private static List<String> ids(List<Answer.Hit> hits) {
    return hits.stream().map(h -> h.session().id()).toList();
  }

  @ParameterizedTest(name = "\"{0}\" at {1} is {2}")
  @CsvSource(delimiter = '|', value = {
      // Tuesday 12:50 Pacific: c8p starts at 13:00
      "anything kicking off within the next quarter hour? | 2021-02-23T20:50:00Z | c8p",
      // Wednesday 13:46: d9t2 starts at 13:50, d9t1 is running
      "what begins in 5 mins?                    | 2021-02-24T21:46:00Z | d9t2",
      // Wednesday 10:47: d4p ended 10:20, d5a 10:45
      "which sessions wrapped up in the past half hour? | 2021-02-24T18:47:00Z | d4p d5a",
      // Wednesday 11:10: at 13:10, d8p (13:00-13:40) is on
      "what will be on two hours from now?       | 2021-02-24T19:10:00Z | d8p",
      // Monday 08:20, the opening keynote runs to 08:50: a3p starts at 09:00
      "what comes right after the keynote?       | 2021-02-22T16:20:00Z | a3p",
      // Thursday 18:10 in Berlin is 09:10 Pacific: f3p
      "18:10 Berlin time, which talk is live?    | 2021-02-25T17:10:00Z | f3p",
      // Saturday 07:25 in Sydney is Friday 12:25 Pacific: g8p
      "saturday 7:25am Sydney time, what's on?   | 2021-02-26T20:25:00Z | g8p",
      // Wednesday 20:00 Pacific: the first thing tomorrow morning is Thursday's first spotlight
      "what's the first thing tomorrow morning?  | 2021-02-25T04:00:00Z | f1s",
      // Tuesday 09:15: sessions that still start before noon
      "I have until noon, which sessions still start before then? | 2021-02-23T17:15:00Z | c4p c5a cw",
  })
  void answer_timeRelativeToTheMomentOfAsking(String question, String now, String expected) {
    assertEquals(List.of(expected.split(" ")), ids(ask(question, now).hits()), question);
  }

  @Test
  void answer_nothingLeftTodayIsEmptyAndOffersTheNextSessionsApart() {
    Answer answer = ask("is there anything left on today's program?", "2021-02-23T22:30:00Z");
    assertTrue(answer.isEmpty());
    assertTrue(answer.notes().get(0).startsWith("Nothing more is on today"), answer.notes().toString());
    assertFalse(answer.closest().isEmpty());
  }

  @Test
  void answer_theAskersZoneReadsTheirAfternoonAndSaysSo() {
    Instant mondayEveningPacific = Instant.parse("2021-02-23T03:00:00Z"); // Tuesday 11:00 in Shanghai
    Query q = engine.parse("what's on this afternoon?");
    Answer shanghai = engine.answer(real, q, mondayEveningPacific, ZoneId.of("Asia/Shanghai"));
    Answer pacific = engine.answer(real, q, mondayEveningPacific, null);
    assertEquals(List.of("b6p", "b7p"), ids(shanghai.hits())); // 12:00-13:20 in Shanghai
    assertTrue(shanghai.notes().contains("Times read in your time zone, Asia/Shanghai."), shanghai.notes().toString());
    assertTrue(ids(pacific.hits()).containsAll(List.of("aw", "a8p", "a9p")));
    assertTrue(pacific.notes().stream().noneMatch(n -> n.contains("time zone")));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', value = {
      "tuesday morning spotlights                 | c1s c2s",
      "chinese-language sessions on wednesday     | e3p e4p e5p e6p e7p",
      "which tuesday sessions begin in the afternoon? | c8p c9t1 c9t2 c9t3 c9t4",
      "what starts at 1pm pacific on each day of the conference? | a8p c8p d8p f8p g9t1",
      "workshops after monday                     | cw fw",
      "friday adoption stories that aren't spotlights | g5a g6a",
      "IBM sessions that aren't in chinese        | c8p d5a d9t4 g9t2",
      "envoy talks on tuesday, excluding the wasm ones | c1s c5a",
  })
  void answer_combinedConstraintsAndExclusions(String question, String expected) {
    assertEquals(List.of(expected.split(" ")), ids(ask(question, "2021-02-24T17:50:00Z").hits()), question);
  }

  @Test
  void answer_excludingACompanyDropsItsSessions() {
    Answer answer = ask("security talks other than Intel", "2021-02-24T17:50:00Z");
    assertFalse(answer.isEmpty());
    assertTrue(answer.hits().stream().noneMatch(h -> h.session().speakers().stream()
        .anyMatch(s -> "Intel".equals(s.company()))), ids(answer.hits()).toString());
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', value = {
      "which session was the least watched?            | b7p",
      "which english-language talk on the first day had the fewest views? | a9p",
      "of the two huawei presentations, which pulled the bigger audience? | b5p",
      "which session had the second biggest live audience? | a1k",
      "recording of thursday's second spotlight        | f2s",
      "got a link to the deck from the first spotlight on the last day? | g1s",
      "the earliest keynote                            | a1k",
      "the last talk on friday                         | g9z",
  })
  void answer_orderAndPick(String question, String first) {
    assertEquals(first, ask(question, "2021-02-24T17:50:00Z").hits().get(0).session().id(), question);
  }

  @Test
  void answer_theLongestWorkshopShowsTheTies() {
    List<Answer.Hit> hits = ask("the longest workshop", "2021-02-24T17:50:00Z").hits();
    assertEquals(List.of("aw", "cw", "fw"), ids(hits));
    assertTrue(hits.stream().allMatch(h -> h.session().type() == SessionType.WORKSHOP));
  }

  @ParameterizedTest(name = "\"{0}\" finds {1}")
  @CsvSource(delimiter = '|', value = {
      "ratelimitoperator                   | d9t3",
      "preserveoriginalsourceaddress       | b6p",
      "betterexternalauthorization         | g8p",
      "authpoliciesdeepdive                | d8p",
      "虚拟机接入服务网格                     | e4p",
      "阿里云的wasm分享                      | e6p",
      "美国国防部的零信任平台                  | g3p",
      "Rakuten用Istio排查微服务故障           | c9t3",
      "rafael fraise                       | g6a",
  })
  void answer_runTogetherWordsChineseMeaningAndHeardNames(String question, String first) {
    assertEquals(first, ask(question, "2021-02-24T17:50:00Z").hits().get(0).session().id(), question);
  }

  @ParameterizedTest(name = "\"{0}\": no session mentions {1}")
  @CsvSource(delimiter = '|', value = {
      "OpenTelemetry collector with istio          | opentelemetry",
      "opentelemetry collector                     | opentelemetry",
      "does the mesh support HTTP/3 over QUIC yet? | quic",
      "Dapr sidecars next to the istio proxy       | dapr",
      "running consul connect and istio side by side in one cluster | consul",
      "有没有讲区块链和Istio结合的分享？              | 区块链",
  })
  void answer_aSpecificTermNoSessionCoversIsSaidFirst(String question, String term) {
    Answer answer = ask(question, "2021-02-24T17:50:00Z");
    assertTrue(answer.isEmpty(), question + " -> " + ids(answer.hits()));
    assertTrue(answer.notes().get(0).startsWith("No session mentions"), answer.notes().toString());
    assertTrue(answer.notes().get(0).contains(term), answer.notes().toString());
  }

  @Test
  void answer_anUnknownWordInPassingDoesNotEmptyAGoodMatch() {
    Answer answer = ask("cloud native network functions for telcos", "2021-02-24T17:50:00Z");
    assertEquals("a3p", answer.hits().get(0).session().id());
    assertTrue(answer.notes().get(0).contains("telcos"), answer.notes().toString());
  }

  @Test
  void answer_aCorrectionIsSaid() {
    Answer answer = ask("kafak intergation wiht istoi on k8s", "2021-02-24T17:50:00Z");
    assertEquals("g4p", answer.hits().get(0).session().id());
    assertTrue(answer.notes().stream().anyMatch(n -> n.startsWith("Read \u201ckafak\u201d as \u201ckafka\u201d")),
        answer.notes().toString());
  }

  @Test
  void answer_plainWordsDoNotEmptyWhatTheFiltersFind() {
    Answer answer = ask("anything worth staying up for tonight?", "2021-02-24T20:00:00Z");
    assertEquals(List.of("e1k", "e3p", "e4p", "e5p", "e6p", "e7p"), ids(answer.hits()));
  }

  @Test
  void answer_everyEmptyAnswerSaysWhy() {
    for (String question : List.of("keynotes on saturday", "workshops in chinese", "what's on now",
        "lightning talks before 9am", "10-minute workshops")) {
      Answer answer = ask(question, "2021-02-24T17:50:00Z");
      if (answer.isEmpty()) {
        assertFalse(answer.notes().isEmpty(), question + " is empty without a reason");
      }
    }
  }
}
