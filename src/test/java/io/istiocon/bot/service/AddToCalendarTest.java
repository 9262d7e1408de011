package io.istiocon.bot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.TestCatalogs;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Add to calendar link: Google's template parameters, encoded, and never longer than Slack allows. */
class AddToCalendarTest {
  private static final String BASE = "https://calendar.google.com/calendar/render?";

  /** Returns the link's query parameters, decoded; fails on a malformed escape. */
  private static Map<String, String> params(URI link) {
    String raw = link.toString();
    assertTrue(raw.startsWith(BASE), raw);
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : raw.substring(BASE.length()).split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], URLDecoder.decode(kv[1].replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return params;
  }

  @Test
  void googleCalendar_fillsTitleTimesRoomAndDetails() {
    Session talk = TestCatalogs.session("k1").title("Keynote").at("2021-02-22T16:00:00Z").minutes(50)
        .speaker("Lin Sun", "Solo.io").video("https://youtu.be/abc").page("https://events.istio.io/k1/").room("Hall A").build();

    Map<String, String> params = params(AddToCalendar.googleCalendar(talk));

    assertEquals("TEMPLATE", params.get("action"));
    assertEquals("Keynote", params.get("text"));
    assertEquals("20210222T160000Z/20210222T165000Z", params.get("dates"));
    assertEquals("Hall A", params.get("location"));
    assertEquals("Speaker: Lin Sun (Solo.io)\nWatch: https://youtu.be/abc\nSession page: https://events.istio.io/k1/",
        params.get("details"));
  }

  @Test
  void googleCalendar_noRoomNoDetails_leavesThemOut() {
    Map<String, String> params = params(AddToCalendar.googleCalendar(TestCatalogs.session("k1").build()));

    assertNull(params.get("location"));
    assertNull(params.get("details"));
  }

  @Test
  void googleCalendar_specialCharacters_areEncodedAndComeBackExactly() {
    String title = "Q&A: A+B = mesh? #istio 100% 流量管理 🙂 / done";
    URI link = AddToCalendar.googleCalendar(TestCatalogs.session("k1").title(title).build());

    assertEquals(title, params(link).get("text"));
    String raw = link.toString();
    assertFalse(raw.contains(" ") || raw.contains("+") || raw.contains("#"), raw);
    assertTrue(raw.contains("text=Q%26A%3A%20A%2BB%20%3D%20mesh%3F%20%23istio%20100%25%20"), raw);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 100, 1000, 2900, 3000, 5000, 100_000})
  void googleCalendar_longDetails_areCutToFitSlacksLimit_keepingTheLinks(int summaryLength) {
    Session talk = TestCatalogs.session("k1").title("Keynote").speaker("Lin Sun", "Solo.io")
        .video("https://youtu.be/abc").summary("é流a ".repeat(summaryLength / 4 + 1)).build();

    URI link = AddToCalendar.googleCalendar(talk);

    assertTrue(link.toString().length() <= AddToCalendar.MAX_LENGTH, link.toString().length() + " characters");
    String details = params(link).get("details");
    assertTrue(details.startsWith("Speaker: Lin Sun (Solo.io)\nWatch: https://youtu.be/abc\n\n"), details);
    assertFalse(details.contains("\ufffd"), "no character was cut in half");
  }

  @Test
  void googleCalendar_hugeTitleAndRoom_stillFit() {
    Session talk = TestCatalogs.session("k1").title("服务网格".repeat(2000)).room("第一会议室".repeat(500))
        .summary("x".repeat(10_000)).build();

    URI link = AddToCalendar.googleCalendar(talk);

    assertTrue(link.toString().length() <= AddToCalendar.MAX_LENGTH, link.toString().length() + " characters");
    assertTrue(params(link).get("text").endsWith("\u2026"), "the title is cut and says so");
    assertTrue(params(link).get("details").endsWith("\u2026"), "so are the details");
  }

  @Test
  void googleCalendar_everyTalkOfTheRealCatalog_fitsAndKeepsItsTitle() {
    for (Session talk : TestCatalogs.real().sessions()) {
      URI link = AddToCalendar.googleCalendar(talk);

      assertTrue(link.toString().length() <= AddToCalendar.MAX_LENGTH, talk.id());
      assertEquals(talk.title(), params(link).get("text"), talk.id());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {AddToCalendar.MIN_LENGTH, 800, 1500})
  void googleCalendar_shorterLimit_keepsTitleAndDates_cutsTheDetails(int maxLength) {
    Session talk = TestCatalogs.session("k1").title("Keynote").at("2021-02-22T16:00:00Z").minutes(50).room("Hall A")
        .speaker("Lin Sun", "Solo.io").video("https://youtu.be/abc").summary("word ".repeat(1000)).build();

    URI link = AddToCalendar.googleCalendar(talk, maxLength);

    assertTrue(link.toString().length() <= maxLength, link.toString().length() + " characters");
    assertEquals("Keynote", params(link).get("text"));
    assertEquals("20210222T160000Z/20210222T165000Z", params(link).get("dates"));
    assertTrue(params(link).get("details").endsWith("\u2026"), "the details are cut and say so");
  }

  @ParameterizedTest
  @ValueSource(ints = {AddToCalendar.MIN_LENGTH - 1, AddToCalendar.MAX_LENGTH + 1})
  void googleCalendar_limitOutsideTheRange_isRefused(int maxLength) {
    Session talk = TestCatalogs.session("k1").build();

    assertThrows(IllegalArgumentException.class, () -> AddToCalendar.googleCalendar(talk, maxLength));
  }

  @Test
  void googleCalendar_hugeTitleAndRoom_fitTheShortestLimit() {
    Session talk = TestCatalogs.session("k1").title("服务网格".repeat(2000)).room("第一会议室".repeat(500)).build();

    URI link = AddToCalendar.googleCalendar(talk, AddToCalendar.MIN_LENGTH);

    assertTrue(link.toString().length() <= AddToCalendar.MIN_LENGTH, link.toString().length() + " characters");
    assertTrue(params(link).get("text").endsWith("\u2026"), params(link).get("text"));
  }

  @Test
  void details_speakersThenLinksThenSummary() {
    Session talk = TestCatalogs.session("k1").speaker("A", null).speaker("B", "Corp").slides("https://s/")
        .page("https://p/").summary("  About it.  ").build();

    assertEquals("Speakers: A, B (Corp)\nSlides: https://s/\nSession page: https://p/\n\nAbout it.", EventText.details(talk));
  }
}
