package io.istiocon.bot.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.TestCatalogs;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Test;

/** The calendar text: properties as RFC 5545 names them, values that survive a parse, and the raw line rules. */
class IcsTest {
  static final Instant NOW = Instant.parse("2021-02-20T09:30:15.123Z");

  private static Session keynote() {
    return TestCatalogs.session("k1").title("Service mesh: 流量管理, routing; and \"quotes\"\nover two lines")
        .at("2021-02-22T16:00:00Z").minutes(50).speaker("Lin Sun", "Solo.io").speaker("Craig Box", "Google Cloud")
        .video("https://youtu.be/abc").slides("https://example.org/k1.pdf").page("https://events.istio.io/k1/")
        .summary("Why " + "a mesh ".repeat(40)).room("Hall 流 A").build();
  }

  private static String render(List<Ics.Event> events) {
    return Ics.render("IstioCon 2021 \u2014 my agenda", events, NOW);
  }

  private static Calendar parse(String text) throws Exception {
    return new CalendarBuilder().build(new StringReader(text));
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElse(null);
  }

  @Test
  void render_calendarProperties() throws Exception {
    Calendar calendar = parse(render(List.of()));

    assertEquals(Ics.PRODID, calendar.getProperty(Property.PRODID).orElseThrow().getValue());
    assertEquals("2.0", calendar.getProperty(Property.VERSION).orElseThrow().getValue());
    assertEquals("GREGORIAN", calendar.getProperty(Property.CALSCALE).orElseThrow().getValue());
    assertEquals("PUBLISH", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
    assertEquals("IstioCon 2021 \u2014 my agenda", calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue());
    assertEquals("IstioCon 2021 \u2014 my agenda", calendar.getProperty("NAME").orElseThrow().getValue());
    assertEquals("PT15M", calendar.getProperty("X-PUBLISHED-TTL").orElseThrow().getValue());
    assertTrue(render(List.of()).contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n"), render(List.of()));
  }

  @Test
  void render_event_valuesSurviveAParse() throws Exception {
    Session talk = keynote();

    String text = render(List.of(new Ics.Event(talk, 3, URI.create("https://events.istio.io/k1/"))));
    VEvent event = parse(text).<VEvent>getComponents("VEVENT").get(0);

    assertEquals("k1@testcon.istiocon-bot", value(event, "UID"));
    assertEquals("20210220T093015Z", value(event, "DTSTAMP"), "the given clock, to the second");
    assertEquals("20210222T160000Z", value(event, "DTSTART"));
    assertEquals("20210222T165000Z", value(event, "DTEND"));
    assertEquals("3", value(event, "SEQUENCE"));
    assertEquals(talk.title(), value(event, "SUMMARY"));
    assertEquals("Hall 流 A", value(event, "LOCATION"));
    assertEquals("https://events.istio.io/k1/", value(event, "URL"));
    String description = value(event, "DESCRIPTION");
    assertTrue(description.startsWith("Speakers: Lin Sun (Solo.io), Craig Box (Google Cloud)\nWatch: https://youtu.be/abc\n"
        + "Slides: https://example.org/k1.pdf\nSession page: https://events.istio.io/k1/\n\nWhy a mesh"), description);
  }

  @Test
  void render_rawText_escapesTextAndWritesUtcTimes() {
    String text = render(List.of(new Ics.Event(keynote(), 0, null)));
    List<String> lines = ContentLines.check(text.getBytes(StandardCharsets.UTF_8));

    assertTrue(lines.contains("SUMMARY:Service mesh: 流量管理\\, routing\\; and \"quotes\"\\nover two lines"), lines.toString());
    assertTrue(lines.contains("DTSTART:20210222T160000Z"), lines.toString());
    assertTrue(lines.contains("SEQUENCE:0"), lines.toString());
    assertFalse(text.contains("VTIMEZONE") || text.contains("TZID"), "UTC times need no zone");
    assertFalse(text.contains("\r\nURL:"), "no URL when the talk and the conference have none");
    assertEquals("BEGIN:VCALENDAR", lines.get(0));
    assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
  }

  @Test
  void render_longChineseTitleAndDescription_areFoldedByOctets() {
    Session talk = TestCatalogs.session("c1").title("服务网格".repeat(30) + " 🙂".repeat(20)).summary("可观测性".repeat(100)).build();

    String text = render(List.of(new Ics.Event(talk, 0, null)));
    List<String> lines = ContentLines.check(text.getBytes(StandardCharsets.UTF_8));

    assertTrue(lines.contains("SUMMARY:" + talk.title()), "unfolds to the whole title");
    assertTrue(text.split("\r\n").length > lines.size() + 10, "long values were folded");
  }

  @Test
  void render_controlCharactersInTheCatalog_becomeSpaces() throws Exception {
    Session talk = TestCatalogs.session("x1").title("bell\u0007 and\u0000 nul").room("Room\u001b 1").build();

    String text = render(List.of(new Ics.Event(talk, 0, null)));
    VEvent event = parse(text).<VEvent>getComponents("VEVENT").get(0);

    assertEquals("bell  and  nul", value(event, "SUMMARY"));
    assertEquals("Room  1", value(event, "LOCATION"));
  }

  @Test
  void render_eventsAreValidRfc5545_andIcal4jsPublishRulesMissOnlyTheOrganizer() throws Exception {
    Calendar calendar = parse(render(List.of(new Ics.Event(keynote(), 1, URI.create("https://events.istio.io/k1/")))));
    VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);

    assertFalse(event.validate(true).hasErrors(), event.validate(true).toString());
    // RFC 5546 wants an ORGANIZER in a PUBLISH; the bot has no mailbox to name, and subscribers do not need one.
    assertEquals(List.of("The following are REQUIRED, but MUST NOT occur more than once: ORGANIZER"),
        calendar.validate().getEntries().stream().map(e -> e.getMessage()).toList());
  }

  @Test
  void uid_sameTalkSameUid_otherTalkOrConferenceAnother() {
    Session a = TestCatalogs.session("k1").build();
    Session moved = TestCatalogs.session("k1").title("Renamed").at("2021-02-23T10:00:00Z").build();

    assertEquals(Ics.uid(a), Ics.uid(moved));
    assertNotEquals(Ics.uid(a), Ics.uid(TestCatalogs.session("k2").build()));
  }

  @Test
  void fingerprint_changesWithStartEndTitleOrRoom_notWithSpeakersOrLinks() {
    String base = Ics.fingerprint(TestCatalogs.session("k1").build());

    assertEquals(base, Ics.fingerprint(TestCatalogs.session("k1").speaker("New Speaker", null).video("https://v/").build()));
    assertNotEquals(base, Ics.fingerprint(TestCatalogs.session("k1").at("2021-02-22T17:00:00Z").build()));
    assertNotEquals(base, Ics.fingerprint(TestCatalogs.session("k1").minutes(41).build()));
    assertNotEquals(base, Ics.fingerprint(TestCatalogs.session("k1").title("Other").build()));
    assertNotEquals(base, Ics.fingerprint(TestCatalogs.session("k1").room("Hall B").build()));
  }

  @Test
  void ical4jConfiguration_comesFromTheBundledFile_andNeverUpdatesZones() {
    assertEquals("false", Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled").orElseThrow());
    assertEquals("net.fortuna.ical4j.util.MapTimeZoneCache",
        Configurator.getProperty("net.fortuna.ical4j.timezone.cache.impl").orElseThrow());
  }
}
