package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The time grammar: each form people use, read into a {@link When}, and never left behind as a topic. */
class TimeReaderTest {
  private final QueryParser parser = new QueryParser();

  private When when(String question) {
    return parser.parse(question).when();
  }

  private String topic(String question) {
    return String.join(" ", parser.parse(question).content().stream().filter(w -> !w.joined()).map(Text.Word::text).toList());
  }

  @ParameterizedTest(name = "\"{0}\" is {1} from {2} to {3} minutes")
  @CsvSource(delimiter = '|', value = {
      "what's on at the moment                    | NOW           | 0   | 0",
      "anything on right now                      | NOW           | 0   | 0",
      "what's next                                | NEXT          | 0   | 0",
      "what's on later today                      | LATER_TODAY   | 0   | 0",
      "what did I miss                            | EARLIER_TODAY | 0   | 0",
      "earlier today                              | EARLIER_TODAY | 0   | 0",
      "what starts in 10 minutes                  | SPAN          | 0   | 10",
      "anything kicking off within the next quarter hour | SPAN   | 0   | 15",
      "within the next half hour                  | SPAN          | 0   | 30",
      "in about 20 minutes                        | SPAN          | 0   | 30",
      "what did I miss in the last hour           | SPAN          | -60 | 0",
      "sessions that wrapped up in the past half hour | SPAN      | -30 | 0",
      "what will be on two hours from now         | SPAN          | 120 | 120",
      "what's on in an hour and a half            | SPAN          | 90  | 90",
      "what was on 45 minutes ago                 | SPAN          | -45 | -45",
  })
  void read_relativeToTheMomentOfAsking(String question, When.Kind kind, long fromMinutes, long toMinutes) {
    When.Around around = when(question).around();
    assertEquals(kind, around.kind(), question);
    assertEquals(Duration.ofMinutes(fromMinutes), around.from());
    assertEquals(Duration.ofMinutes(toMinutes), around.to());
  }

  @ParameterizedTest(name = "\"{0}\" is {1} to {2}")
  @CsvSource(delimiter = '|', value = {
      "what's on this morning               | 05:00 | 12:00",
      "afternoon sessions                   | 12:00 | 17:00",
      "this evening                         | 17:00 | 22:00",
      "tonight                              | 17:00 | 04:00",
      "before noon                          | ''    | 12:00",
      "after 3pm                            | 15:00 | ''",
      "from 1pm onwards                     | 13:00 | ''",
      "between 9 and 11                     | 09:00 | 11:00",
      "talks at 1pm                         | 13:00 | 13:00",
      "what's on at 4:30                    | 16:30 | 16:30",
      "18:10, which talk is live?           | 18:10 | 18:10",
      "3 in the afternoon                   | 15:00 | 15:00",
      "anything before lunch                | ''    | 12:00",
      "下午3点有什么                           | 15:00 | 15:00",
  })
  void read_timesOfTheDay(String question, String from, String to) {
    When w = when(question);
    assertEquals(from.isEmpty() ? null : LocalTime.parse(from), w.from(), question);
    assertEquals(to.isEmpty() ? null : LocalTime.parse(to), w.to(), question);
  }

  @ParameterizedTest(name = "\"{0}\" is meant in {1}")
  @CsvSource(delimiter = '|', value = {
      "9:30am Beijing time                  | Asia/Shanghai",
      "18:10 Berlin time, which talk is live? | Europe/Berlin",
      "what's on at 10 CET                  | Europe/Berlin",
      "1pm PST                              | America/Los_Angeles",
      "1pm pacific                          | America/Los_Angeles",
      "Tokyo clock says 12:00, anything on? | Asia/Tokyo",
      "I'm in Bangalore, what ran this morning? | Asia/Kolkata",
      "saturday 7:25am Sydney time          | Australia/Sydney",
  })
  void read_zonesNamedInTheQuestion(String question, String zone) {
    assertEquals(ZoneId.of(zone), when(question).zone(), question);
    assertTrue(topic(question).isEmpty() || !topic(question).contains(zone.toLowerCase(java.util.Locale.ROOT)),
        "the place is no topic: " + topic(question));
  }

  @Test
  void read_offsetsAreZones() {
    assertEquals(ZoneOffset.ofHours(8), when("what's on at 9am UTC+8").zone());
    assertEquals(ZoneOffset.ofHoursMinutes(-5, 0), when("2pm GMT-5").zone());
  }

  @ParameterizedTest(name = "\"{0}\" relates by {1}")
  @CsvSource(delimiter = '|', value = {
      "what starts at 1pm                   | STARTS",
      "what's on at 1pm                     | RUNNING",
      "is anything still going on after 3pm | RUNNING",
      "which sessions ended in the last hour | ENDS",
      "sessions this afternoon              | STARTS",
      "what did I miss in the last hour     | RUNNING",
  })
  void read_theVerbChoosesTheRelation(String question, When.Relation relation) {
    assertEquals(relation, when(question).relation(), question);
  }

  @Test
  void read_timeWordsAreNoTopic() {
    assertEquals("", topic("what starts in 10 minutes"));
    assertEquals("kafka", topic("kafka talks this afternoon"));
    assertEquals("", topic("is anything still going on after 3pm pacific today?"));
  }

  @Test
  void read_rightAfterTheKeynoteNamesTheKindFollowed() {
    When w = when("what comes right after the keynote?");
    assertEquals(new When.Reference(false, io.istiocon.bot.catalog.SessionType.KEYNOTE.ordinal(), List.of()), w.reference());
    assertEquals(List.of("roadmap"), when("what's right after the roadmap keynote?").reference().words());
    assertEquals(new When.Reference(true, -1, List.of("closing", "remarks")),
        when("whats the session right before the closing remarks").reference());
    assertEquals(new When.Reference(true, -1, List.of("office", "hours")), when("the talk right before office hours?").reference());
    assertTrue(when("workshops after monday").reference() == null, "a day is no session");
    assertTrue(when("anything before lunch").reference() == null, "lunch is a time of the day");
  }

  @Test
  void read_eachDayAppliesTheWindowToEveryDay() {
    When w = when("what starts at 1pm pacific on each day of the conference?");
    assertTrue(w.everyDay());
    assertEquals(LocalTime.of(13, 0), w.from());
    assertEquals("", topic("what starts at 1pm pacific on each day of the conference?"));
  }

  @Test
  void read_stillAndUntilCutAtTheMomentOfAsking() {
    assertEquals(When.Clip.FROM_NOW, when("I have until noon, which sessions still start before then?").clip());
    assertEquals(When.Clip.TO_NOW, when("slept through the morning, what did I miss this morning?").clip());
  }

  @Test
  void read_wordsThatOnlyLookLikeTimeStayTopics() {
    assertTrue(when("next generation 5g platform").isAny());
    assertTrue(when("istio adoption so far at eBay").isAny(), "\"so far\" is no time");
    assertTrue(when("drawing istio architecture diagrams live").isAny(), "\"live\" before nothing that asks");
    assertTrue(when("wasm from start to finish").isAny());
    assertTrue(topic("wasm from start to finish").contains("finish"));
    assertNull(parser.parse("10 tips for istio").length(), "a number without a unit is no length");
  }

  @ParameterizedTest(name = "\"{0}\" asks for sessions about {1} minutes long")
  @CsvSource(delimiter = '|', value = {
      "any slide deck from the two-and-a-half-hour lab | 150",
      "the 2.5-hour lab                                | 150",
      "10-minute talks                                 | 10",
      "40 minute sessions                              | 40",
  })
  void read_lengthsOfSessions(String question, long minutes) {
    assertEquals(Duration.ofMinutes(minutes), parser.parse(question).length(), question);
    assertTrue(when(question).around() == null, "a length is no time from now");
  }
}
