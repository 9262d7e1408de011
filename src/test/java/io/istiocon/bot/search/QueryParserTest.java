package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.SessionType;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {
  private final QueryParser parser = new QueryParser();

  private String content(Query q) {
    return String.join(" ", q.content().stream().filter(w -> !w.joined()).map(Text.Word::text).toList());
  }

  @ParameterizedTest(name = "\"{0}\" -> {1} [{2}]")
  @CsvSource(delimiter = '|', value = {
      "ebpf talks                                 | SEARCH  | ebpf",
      "who is giving the ebpf talk?               | SPEAKER | ebpf",
      "show me talks about envoy                  | SEARCH  | envoy",
      "are there any talks about security         | SEARCH  | security",
      "which session covers multicluster?         | SEARCH  | multicluster",
      "what's on now                              | NOW     | ''",
      "what's next                                | NEXT    | ''",
      "what's on later today                      | LATER   | ''",
      "most popular                               | POPULAR | ''",
      "most watched sessions                      | POPULAR | ''",
      "help                                       | HELP    | ''",
      "''                                         | HELP    | ''",
      "how many countries                         | ABOUT   | ''",
      "what is istiocon                           | ABOUT   | ''",
      "full schedule                              | PROGRAM | ''",
      "keynotes                                   | FILTER  | ''",
      "next generation 5g platform                | SEARCH  | next generation 5g platform",
      "best practices                             | SEARCH  | best practices",
      "what kind of talks are there about kind    | SEARCH  | kind",
  })
  void parse_readsIntentAndTopic(String question, Query.Intent intent, String topic) {
    Query q = parser.parse(question);
    assertEquals(intent, q.intent());
    assertEquals(topic, content(q));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', value = {
      "keynotes                  | KEYNOTE",
      "all the workshops         | WORKSHOP",
      "lightning talks           | LIGHTNING",
      "user spotlights           | SPOTLIGHT",
      "adoption stories          | ADOPTION",
      "panels                    | PANEL",
      "social events             | SOCIAL",
      "technical talks           | TALK",
  })
  void parse_readsSessionTypes(String question, SessionType type) {
    assertEquals(Set.of(type), parser.parse(question).types());
  }

  @Test
  void parse_caseStudiesMeanBothKindsOfEndUserTalk() {
    assertEquals(Set.of(SessionType.ADOPTION, SessionType.SPOTLIGHT), parser.parse("case studies").types());
  }

  @Test
  void parse_adoptionAloneIsATopicNotAType() {
    Query q = parser.parse("istio adoption");
    assertTrue(q.types().isEmpty());
    assertEquals("istio adoption", content(q));
  }

  @ParameterizedTest(name = "\"{0}\" names {1}")
  @CsvSource(delimiter = '|', value = {
      "lightning talks on tuesday | WEEKDAY      | 2  | ''",
      "thursday workshop          | WEEKDAY      | 4  | ''",
      "fri talks                  | WEEKDAY      | 5  | ''",
      "day 3                      | NUMBER       | 3  | ''",
      "day three keynote          | NUMBER       | 3  | ''",
      "first day                  | NUMBER       | 1  | ''",
      "last day                   | LAST         | 0  | ''",
      "today                      | RELATIVE     | 0  | ''",
      "tomorrow                   | RELATIVE     | 1  | ''",
      "the 24th                   | DAY_OF_MONTH | 24 | ''",
      "周二的演讲                  | WEEKDAY      | 2  | ''",
  })
  void parse_readsDays(String question, DayRef.Kind kind, int value, String ignored) {
    List<DayRef> days = parser.parse(question).days();
    assertEquals(1, days.size(), days.toString());
    assertEquals(kind, days.get(0).kind());
    assertEquals(value, days.get(0).value());
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({"feb 24, 24", "February 24th, 24", "24 feb, 24", "2/24, 24", "2021-02-24, 24"})
  void parse_readsDates(String question, int day) {
    assertEquals(List.of(DayRef.monthDay(MonthDay.of(Month.FEBRUARY, day))), parser.parse(question).days());
  }

  @Test
  void parse_surnamesThatLookLikeDaysStayNames() {
    Query q = parser.parse("talks by lin sun");
    assertTrue(q.days().isEmpty());
    assertEquals("lin sun", content(q));
  }

  @Test
  void parse_readsLanguagesAndCombinesWithTopics() {
    Query q = parser.parse("chinese talks about security");
    assertEquals(Set.of("zh"), q.languages());
    assertEquals("security", content(q));
    assertEquals(Set.of("en"), parser.parse("sessions in english").languages());
  }

  @ParameterizedTest(name = "\"{0}\" leads with {1}")
  @CsvSource(delimiter = '|', value = {
      "slides for the airbnb talk      | SLIDES   | airbnb",
      "video of the kiali workshop     | VIDEO    | kiali",
      "watch the closing remarks       | VIDEO    | closing remarks",
      "link to the helm talk           | PAGE     | helm",
      "who is speaking about redis     | SPEAKERS | redis",
      "when is the ebpf talk           | TIME     | ebpf",
      "what time is the api gateway talk | TIME   | api gateway",
  })
  void parse_readsWhatTheCardLeadsWith(String question, Query.Lead lead, String topic) {
    Query q = parser.parse(question);
    assertEquals(lead, q.lead());
    assertEquals(topic, content(q));
  }

  @Test
  void parse_mostWatchedIsPopularityNotVideo() {
    Query q = parser.parse("most watched talk");
    assertTrue(q.popular());
    assertEquals(Query.Lead.NONE, q.lead());
  }

  @Test
  void parse_cutsLongQuestionsAndSaysSo() {
    Query q = parser.parse("istio ".repeat(200));
    assertTrue(q.truncated());
    assertEquals(QueryParser.MAX_LENGTH, q.text().length());
    assertFalse(parser.parse("istio").truncated());
  }

  @Test
  void parse_weekdayNamesAreCaseInsensitive() {
    assertEquals(List.of(DayRef.weekday(DayOfWeek.FRIDAY)), parser.parse("FRIDAY debugging").days());
  }

  @Test
  void cacheKey_ignoresPunctuationButNotFilters() {
    assertEquals(parser.parse("What's on now?").cacheKey(), parser.parse("what's on NOW").cacheKey());
    assertFalse(parser.parse("talks on 2/24").cacheKey().equals(parser.parse("talks on 2/25").cacheKey()));
  }
}
