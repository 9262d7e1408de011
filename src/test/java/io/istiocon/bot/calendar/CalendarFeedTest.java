package io.istiocon.bot.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.agenda.AgendaEntry;
import io.istiocon.bot.agenda.CalendarLinks;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.TestCatalogs;
import io.istiocon.bot.catalog.TestCatalogs.SessionBuilder;
import io.istiocon.bot.service.AgendaService;
import io.istiocon.bot.store.JdbcAgendaStore;
import io.istiocon.bot.store.StoreSettings;
import io.istiocon.bot.testing.FakeClock;
import io.istiocon.bot.testing.FakeTicker;
import io.istiocon.bot.web.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed over real HTTP on 127.0.0.1: the real HttpServer with the servlet mounted as Server
 * mounts it, a SQLite store in a temporary folder, a catalog the test swaps as a reload would, and
 * a clock the test moves.
 */
class CalendarFeedTest {
  static final Instant NOW = Instant.parse("2021-02-20T09:30:00Z");
  private static final String CON = TestCatalogs.CONFERENCE;

  @TempDir
  Path temp;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final FakeClock clock = new FakeClock(NOW);
  private final AtomicReference<Catalog> catalog = new AtomicReference<>();
  private JdbcAgendaStore store;
  private CalendarLinks links;
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    store = JdbcAgendaStore.open(StoreSettings.sqlite(temp));
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(42); // a seed before first use makes SHA1PRNG repeatable
    links = new CalendarLinks(store, URI.create("https://bot.example.org"), random, clock);
    serve(keynote(), workshop());
    server = new HttpServer("127.0.0.1", 0, () -> new HttpServer.Readiness(true, "ready"))
        .mountUnder(CalendarLinks.FEED_FOLDER, new CalendarServlet(links,
            new AgendaService(store, catalog::get, clock, new FakeTicker(), Runnable::run, operation -> { }), store, clock))
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private static SessionBuilder keynote() {
    return TestCatalogs.session("k1").title("Keynote").at("2021-02-22T16:00:00Z").minutes(50)
        .speaker("Lin Sun", "Solo.io").page("https://events.istio.io/k1/");
  }

  private static SessionBuilder workshop() {
    return TestCatalogs.session("w1").title("Workshop").at("2021-02-23T16:00:00Z").minutes(90);
  }

  /** Serves a catalog made of these sessions, as a reload would. */
  private void serve(SessionBuilder... sessions) {
    catalog.set(TestCatalogs.catalogOf(sessions));
  }

  private void save(String user, String session) {
    store.save(new AgendaEntry(user, CON, session, NOW));
  }

  private HttpResponse<byte[]> get(URI feedUrl, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + feedUrl.getRawPath()));
    headers.forEach(request::header);
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> get(URI feedUrl) throws Exception {
    return get(feedUrl, Map.of());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** Returns the feed's events, each as its unfolded lines by property name. */
  private static List<Map<String, String>> events(HttpResponse<byte[]> response) {
    List<Map<String, String>> events = new ArrayList<>();
    Map<String, String> event = null;
    for (String line : ContentLines.check(response.body())) {
      if (line.equals("BEGIN:VEVENT")) {
        event = new LinkedHashMap<>();
      } else if (line.equals("END:VEVENT")) {
        events.add(event);
        event = null;
      } else if (event != null) {
        assertEquals(null, event.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1)), line);
      }
    }
    return events;
  }

  @Test
  void savedTalk_appearsInTheFeed_andOnlyIt() throws Exception {
    save("U1", "k1");
    save("U2", "w1");
    URI feed = links.firstLink("U1").orElseThrow();

    HttpResponse<byte[]> response = get(feed);

    assertEquals(200, response.statusCode());
    assertEquals("text/calendar; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals(CalendarServlet.CACHE_CONTROL, response.headers().firstValue("Cache-Control").orElse(""));
    List<Map<String, String>> events = events(response);
    assertEquals(1, events.size(), text(response));
    Map<String, String> k1 = events.get(0);
    assertEquals("k1@testcon.istiocon-bot", k1.get("UID"));
    assertEquals("Keynote", k1.get("SUMMARY"));
    assertEquals("20210222T160000Z", k1.get("DTSTART"));
    assertEquals("20210222T165000Z", k1.get("DTEND"));
    assertEquals("20210220T093000Z", k1.get("DTSTAMP"));
    assertEquals("0", k1.get("SEQUENCE"));
    assertEquals("https://events.istio.io/k1/", k1.get("URL"));
    assertTrue(text(response).contains("\r\nX-WR-CALNAME:TestCon \u2014 my agenda\r\n"), text(response));
  }

  @Test
  void feedUrl_isThePublicUrlThenCalendarThenTheToken() {
    URI feed = links.firstLink("U1").orElseThrow();

    assertTrue(feed.toString().matches("https://bot\\.example\\.org/calendar/[A-Za-z0-9_-]{43}\\.ics"), feed.toString());
  }

  @Test
  void unknownOrMalformedToken_is404_likeAPathNothingServes() throws Exception {
    URI issued = links.firstLink("U1").orElseThrow();
    String token = issued.getPath().substring("/calendar/".length(), issued.getPath().length() - 4);
    String unknown = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

    for (String path : List.of("/calendar/" + unknown + ".ics", "/calendar/abc.ics", "/calendar/", "/calendar",
        "/calendar/" + token, "/calendar/" + token + ".ics/x", "/calendar/x/" + token + ".ics", "/calendar/" + token + ".ICS")) {
      HttpResponse<byte[]> response = get(URI.create(path));

      assertEquals(404, response.statusCode(), path);
      assertEquals("not found\n", text(response), path);
    }
    assertEquals(200, get(issued).statusCode());
  }

  @Test
  void newLink_oldTokenIs404_theNewOneServes() throws Exception {
    save("U1", "k1");
    URI old = links.firstLink("U1").orElseThrow();

    URI fresh = links.newLink("U1");

    assertNotEquals(old, fresh);
    assertEquals(404, get(old).statusCode());
    assertEquals(200, get(fresh).statusCode());
    assertTrue(links.firstLink("U1").isEmpty(), "a user with a link gets no other from firstLink");
  }

  @Test
  void movingATalk_raisesItsSequenceByOne_andMovesDtstart() throws Exception {
    save("U1", "k1");
    save("U1", "w1");
    URI feed = links.firstLink("U1").orElseThrow();
    assertEquals(List.of("0", "0"), events(get(feed)).stream().map(e -> e.get("SEQUENCE")).toList());

    serve(keynote().at("2021-02-22T18:00:00Z"), workshop());
    List<Map<String, String>> moved = events(get(feed));
    List<Map<String, String>> again = events(get(feed));

    assertEquals("20210222T180000Z", moved.get(0).get("DTSTART"));
    assertEquals("1", moved.get(0).get("SEQUENCE"));
    assertEquals("0", moved.get(1).get("SEQUENCE"), "the workshop did not change");
    assertEquals("1", again.get(0).get("SEQUENCE"), "the same change counts once");
  }

  @Test
  void talkGoneFromTheCatalog_isLeftOut() throws Exception {
    save("U1", "k1");
    save("U1", "w1");
    URI feed = links.firstLink("U1").orElseThrow();

    serve(workshop());

    assertEquals(List.of("w1@testcon.istiocon-bot"), events(get(feed)).stream().map(e -> e.get("UID")).toList());
  }

  @Test
  void rawBytes_linesEndInCrlf_andFoldAt75OctetsWithoutSplittingCharacters() throws Exception {
    serve(TestCatalogs.session("c1").title("服务网格的流量管理与可观测性：从入门到生产实践（第二部分）🙂 and a long English tail")
        .summary("深入讲解".repeat(60) + " — " + "with words in between ".repeat(10)).speaker("王小明", "某某科技")
        .video("https://www.youtube.com/watch?v=" + "x".repeat(80)).room("第一会议室"));
    save("U1", "c1");

    HttpResponse<byte[]> response = get(links.firstLink("U1").orElseThrow());

    List<Map<String, String>> events = events(response); // ContentLines checks every line on the bytes
    assertEquals("服务网格的流量管理与可观测性：从入门到生产实践（第二部分）🙂 and a long English tail", events.get(0).get("SUMMARY"));
    assertEquals("第一会议室", events.get(0).get("LOCATION"));
    assertTrue(text(response).lines().filter(l -> l.startsWith(" ")).count() >= 10, "long values are folded");
  }

  @Test
  void forget_revokesTheLink_thenTheFeedIs404() throws Exception {
    save("U1", "k1");
    URI feed = links.firstLink("U1").orElseThrow();
    assertEquals(200, get(feed).statusCode());

    assertEquals(1, store.forget("U1").calendarLinks());

    assertEquals(404, get(feed).statusCode());
  }

  @Test
  void ifNoneMatch_sameEvents_is304_evenWhenOnlyDtstampMoved_andAChangeGives200() throws Exception {
    save("U1", "k1");
    URI feed = links.firstLink("U1").orElseThrow();
    String etag = get(feed).headers().firstValue("ETag").orElseThrow();

    clock.advance(Duration.ofHours(1));
    HttpResponse<byte[]> unchanged = get(feed, Map.of("If-None-Match", etag));

    assertEquals(304, unchanged.statusCode());
    assertEquals(0, unchanged.body().length);
    assertEquals(etag, unchanged.headers().firstValue("ETag").orElse(""));

    serve(keynote().title("Keynote, renamed"), workshop());
    HttpResponse<byte[]> changed = get(feed, Map.of("If-None-Match", etag));

    assertEquals(200, changed.statusCode());
    assertNotEquals(etag, changed.headers().firstValue("ETag").orElse(""));
  }

  @Test
  void emptyAgenda_isAValidCalendarWithNoEvents() throws Exception {
    HttpResponse<byte[]> response = get(links.firstLink("U1").orElseThrow());

    assertEquals(200, response.statusCode());
    assertEquals(List.of(), events(response));
  }

  @Test
  void noCatalogLoadedYet_is503_soAppsKeepTheirEvents() throws Exception {
    save("U1", "k1");
    URI feed = links.firstLink("U1").orElseThrow();
    catalog.set(Catalog.empty());

    HttpResponse<byte[]> response = get(feed);

    assertEquals(503, response.statusCode());
    assertTrue(response.headers().firstValue("Retry-After").isPresent());
  }

  @Test
  void storeUnavailable_is503_withoutDetails() throws Exception {
    URI feed = links.firstLink("U1").orElseThrow();
    store.close();

    HttpResponse<byte[]> response = get(feed);

    assertEquals(503, response.statusCode());
    assertEquals("the agenda store is unavailable; try again in a minute\n", text(response));
  }
}
