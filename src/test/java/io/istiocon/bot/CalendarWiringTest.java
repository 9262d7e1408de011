package io.istiocon.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.agenda.AgendaEntry;
import io.istiocon.bot.slack.Settings;
import io.istiocon.bot.slack.StartException;
import io.istiocon.bot.store.JdbcAgendaStore;
import io.istiocon.bot.store.StoreSettings;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.FakeTicker;
import io.istiocon.bot.testing.RecordingSleeper;
import io.istiocon.bot.testing.RunningBot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} with and without {@code PUBLIC_URL}: the feed is mounted only with it, and a bad value stops the start. */
class CalendarWiringTest {
  @TempDir
  Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private static Server start(FakeSlack slack, Optional<CalendarSettings> calendar) throws StartException {
    return Server.start(Settings.fromEnv(RunningBot.env(slack, Path.of("catalog"))),
        new Server.Options("127.0.0.1", Clock.fixed(RunningBot.NOW, ZoneOffset.UTC), new FakeTicker(), new RecordingSleeper(),
            Executors.newSingleThreadExecutor()), calendar);
  }

  private HttpResponse<String> get(Server server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withPublicUrl_theFeedIsServed_forLinksTheServerHandsOut() throws Exception {
    CalendarSettings calendar = new CalendarSettings(URI.create("https://bot.example.org/"), StoreSettings.sqlite(dir));
    try (FakeSlack slack = new FakeSlack(); Server server = start(slack, Optional.of(calendar))) {
      URI feed = server.calendarLinks().orElseThrow().newLink("U1");

      HttpResponse<String> response = get(server, feed.getPath());

      assertTrue(feed.toString().startsWith("https://bot.example.org/calendar/"), feed.toString());
      assertEquals(200, response.statusCode(), response.body());
      assertEquals("text/calendar; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
      assertTrue(response.body().contains("X-WR-CALNAME:IstioCon 2021 \u2014 my agenda"), response.body());
    }
  }

  @Test
  void withPublicUrl_aSavedTalkOfTheRealCatalogIsInTheFeed() throws Exception {
    CalendarSettings calendar = new CalendarSettings(URI.create("https://bot.example.org"), StoreSettings.sqlite(dir));
    try (FakeSlack slack = new FakeSlack(); Server server = start(slack, Optional.of(calendar))) {
      URI feed = server.calendarLinks().orElseThrow().newLink("U1");
      try (JdbcAgendaStore store = JdbcAgendaStore.open(StoreSettings.sqlite(dir))) {
        store.save(new AgendaEntry("U1", "istiocon-2021", "a1k", RunningBot.NOW));
      }

      String body = get(server, feed.getPath()).body();

      assertTrue(body.contains("\r\nUID:a1k@istiocon-2021.istiocon-bot\r\n"), body);
      assertTrue(body.contains("\r\nSUMMARY:Welcome & opening keynote\r\n"), body);
    }
  }

  @Test
  void withoutPublicUrl_noFeedAndNoStore() throws Exception {
    try (FakeSlack slack = new FakeSlack(); Server server = start(slack, Optional.empty())) {
      assertTrue(server.calendarLinks().isEmpty());
      assertEquals(404, get(server, "/calendar/" + "A".repeat(43) + ".ics").statusCode());
    }
  }

  @Test
  void fromEnv_unset_isOff_set_readsTheStoreToo() throws Exception {
    assertEquals(Optional.empty(), CalendarSettings.fromEnv(Map.of()));

    CalendarSettings settings = CalendarSettings.fromEnv(Map.of("PUBLIC_URL", "https://bot.example.org/istiocon/",
        "DATA_DIR", dir.toString())).orElseThrow();

    assertEquals(URI.create("https://bot.example.org/istiocon"), settings.publicUrl());
    assertEquals(StoreSettings.sqlite(dir), settings.store());
  }

  @Test
  void fromEnv_badValues_nameTheVariable() {
    StartException bad = assertThrows(StartException.class, () -> CalendarSettings.fromEnv(Map.of("PUBLIC_URL", "bot.example.org")));
    StartException empty = assertThrows(StartException.class, () -> CalendarSettings.fromEnv(Map.of("PUBLIC_URL", " ")));
    StartException database = assertThrows(StartException.class,
        () -> CalendarSettings.fromEnv(Map.of("PUBLIC_URL", "https://bot.example.org", "DATABASE_URL", "mysql://x/y")));

    assertEquals("PUBLIC_URL must start with https:// (or http://), like https://bot.example.org, got \"bot.example.org\"; "
        + "set it to the bot's public base URL, or unset it to turn the calendar feed off; "
        + "see docs/operations.md#environment-variables", bad.getMessage());
    assertTrue(empty.getMessage().startsWith("PUBLIC_URL is set but empty"), empty.getMessage());
    assertTrue(database.getMessage().startsWith("DATABASE_URL "), database.getMessage());
  }

  @Test
  void serve_badPublicUrl_exits2WithOneLineNamingIt() {
    Map<String, String> env = new HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", "s",
        "CATALOG_DIR", "catalog", "PUBLIC_URL", "https://bot.example.org/?calendar=1"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = Server.serve(env, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(2, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("istiocon-bot: PUBLIC_URL must not have a query"),
        err.toString(StandardCharsets.UTF_8));
  }
}
