package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.istiocon.bot.catalog.TestCatalogs;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The time the asker tells without "it's", in English and in the languages askers mix with it. */
class ToldTimeTest {
  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  private static SearchIndex real;
  private final QueryParser parser = new QueryParser();
  private final QueryEngine engine = new QueryEngine();

  @BeforeAll
  static void indexRealCatalog() {
    real = SearchIndex.build(TestCatalogs.real(), Synonyms.NONE);
  }

  private List<String> ids(String question, String now, String zone) {
    return engine.answer(real, engine.parse(question), Instant.parse(now), zone.isBlank() ? null : ZoneId.of(zone))
        .hits().stream().map(h -> h.session().id()).toList();
  }

  @ParameterizedTest(name = "\"{0}\" at {1} is {3}")
  @CsvSource(delimiter = '|', value = {
      // Mon 10:55 in Chicago is 16:55 UTC: the keynote is over, a3p starts 17:00
      "10:55am in Chicago on monday, what's next?                  | 2021-02-22T16:55:00Z |                     | a3p",
      // Thu 6:30 in Vancouver is 14:30 UTC: the day opens with the spotlight f1s at 16:00
      "6:30am here in Vancouver, what's the first session today?   | 2021-02-25T14:30:00Z | America/Vancouver   | f1s",
      // Mon 18:20 in Madrid is 17:20 UTC: a3p runs 17:00-17:40
      "lunes 18h20 in Madrid, ¿qué hay en vivo?                    | 2021-02-22T17:20:00Z | Europe/Madrid       | a3p",
      // Thu 19:45 in Berlin is 18:45 UTC: the workshop fw runs until 21:00
      "Donnerstag 19:45 bei mir in Berlin, was läuft jetzt?        | 2021-02-25T18:45:00Z | Europe/Berlin       | fw",
  })
  void aToldClockThatIsNow_asksAboutNow(String question, String now, String zone, String expected) {
    List<String> got = ids(question, now, zone == null ? "" : zone);
    assertFalse(got.isEmpty(), question);
    assertEquals(expected, got.get(0), question + " -> " + got);
  }

  @Test
  void aClockThatIsNotNow_staysATime() {
    When when = parser.parse("8pm in Pune on wednesday, what's next?").when();
    // asked on Monday morning: 8pm on Wednesday is another moment
    When read = ToldTime.read(when, Query.Order.NONE, Instant.parse("2021-02-22T16:00:00Z"), PACIFIC);
    assertEquals(LocalTime.of(20, 0), read.from());
    assertEquals(1, read.days().size());
    // asked then, it only tells the time
    When told = ToldTime.read(when, Query.Order.NONE, Instant.parse("2021-02-24T14:30:00Z"), PACIFIC);
    assertNull(told.from());
    assertEquals(When.Kind.NEXT, told.around().kind());
  }

  @Test
  void foreignWordsOfTime_areSpelledInEnglish() {
    assertEquals("tuesday 19:30 here in berlin", ForeignWords.english("dienstag 19:30 bei mir in berlin"));
    assertEquals("here in sao paulo it is 15h on friday", ForeignWords.english("aqui em sao paulo sao 15h de sexta"));
    assertEquals("friday evening, is there still anything live ?",
        ForeignWords.english("vendredi soir, il reste quelque chose en direct ?"));
    assertEquals("what is the next session hoje", ForeignWords.english("what is the next session hoje").replace("today", "hoje"));
  }
}
