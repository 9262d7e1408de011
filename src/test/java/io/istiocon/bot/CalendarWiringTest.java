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

  private Server start(FakeSlack slack, Optional<URI> publicUrl) throws StartException {
    return Server.start(Settings.fromEnv(RunningBot.env(slack, Path.of("catalog"))), StoreSettings.sqlite(dir), publicUrl,
        new Server.Options("127.0.0.1", Clock.fixed(RunningBot.NOW, ZoneOffset.UTC), new FakeTicker(), new RecordingSleeper(),
            Executors.newSingleThreadExecutor()));
  }

  private HttpResponse<String> get(Server server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withPublicUrl_theFeedOfALinkTheServerHandsOut_showsTheSavedTalk() throws Exception {
    try (FakeSlack slack = new FakeSlack(); Server server = start(slack, Optional.of(URI.create("https://bot.example.org")))) {
      URI feed = server.calendarLinks().orElseThrow().newLink("U1");
      try (JdbcAgendaStore store = JdbcAgendaStore.open(StoreSettings.sqlite(dir))) {
        store.save(new AgendaEntry("U1", "istiocon-2021", "a1k", RunningBot.NOW));
      }

      HttpResponse<String> response = get(server, feed.getPath());

      assertTrue(feed.toString().startsWith("https://bot.example.org/calendar/"), feed.toString());
      assertEquals(200, response.statusCode(), response.body());
      assertEquals("text/calendar; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
      assertTrue(response.body().contains("X-WR-CALNAME:IstioCon 2021 \u2014 my agenda"), response.body());
      assertTrue(response.body().contains("\r\nUID:a1k@istiocon-2021.istiocon-bot\r\n"), response.body());
      assertTrue(response.body().contains("\r\nSUMMARY:Welcome & opening keynote\r\n"), response.body());
    }
  }

  @Test
  void withoutPublicUrl_noLinksAndNoFeed() throws Exception {
    try (FakeSlack slack = new FakeSlack(); Server server = start(slack, Optional.empty())) {
      assertTrue(server.calendarLinks().isEmpty());
      assertEquals(404, get(server, "/calendar/" + "A".repeat(43) + ".ics").statusCode());
    }
  }

  @Test
  void fromEnv_unsetIsOff_setIsCheckedAndTrimmed() throws Exception {
    assertEquals(Optional.empty(), PublicUrl.fromEnv(Map.of()));
    assertEquals(Optional.of(URI.create("https://bot.example.org/istiocon")),
        PublicUrl.fromEnv(Map.of("PUBLIC_URL", "https://bot.example.org/istiocon/")));
  }

  @Test
  void fromEnv_badValues_nameTheVariable() {
    StartException bad = assertThrows(StartException.class, () -> PublicUrl.fromEnv(Map.of("PUBLIC_URL", "bot.example.org")));
    StartException empty = assertThrows(StartException.class, () -> PublicUrl.fromEnv(Map.of("PUBLIC_URL", " ")));

    assertEquals("PUBLIC_URL must start with https:// (or http://), like https://bot.example.org, got \"bot.example.org\"; "
        + "set it to the bot's public base URL, or unset it to turn the calendar feed off; "
        + "see docs/operations.md#environment-variables", bad.getMessage());
    assertTrue(empty.getMessage().startsWith("PUBLIC_URL is set but empty"), empty.getMessage());
  }

  @Test
  void serve_badPublicUrl_exits2WithOneLineNamingIt() {
    Map<String, String> env = new HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", "s",
        "CATALOG_DIR", "catalog", "DATA_DIR", dir.toString(), "PUBLIC_URL", "https://bot.example.org/?calendar=1"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = Server.serve(env, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(2, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("istiocon-bot: PUBLIC_URL must not have a query"),
        err.toString(StandardCharsets.UTF_8));
  }
}
