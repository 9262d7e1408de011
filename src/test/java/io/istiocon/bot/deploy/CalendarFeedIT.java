package io.istiocon.bot.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.agenda.AgendaEntry;
import io.istiocon.bot.ops.ChildBot;
import io.istiocon.bot.store.JdbcAgendaStore;
import io.istiocon.bot.store.StoreSettings;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.RunningBot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calendar feed from the built jar, started as the image starts it with {@code PUBLIC_URL} set:
 * ical4j works shaded (its service files merged, its zone provider left out) and serves a feed for
 * a link put straight into the store's SQLite file.
 */
class CalendarFeedIT {
  private static final String TOKEN = "A".repeat(42) + "Q";

  @TempDir
  Path dir;

  @Test
  void jar_carriesIcal4jAndItsSettings_withoutItsZoneProvider() throws Exception {
    try (JarFile jar = new JarFile(PackagedJarIT.JAR.toFile())) {
      assertNotNull(jar.getEntry("net/fortuna/ical4j/model/Calendar.class"));
      assertNotNull(jar.getEntry("META-INF/services/net.fortuna.ical4j.model.PropertyFactory"));
      assertNotNull(jar.getEntry("ical4j.properties"));
      assertNull(jar.getEntry("META-INF/services/java.time.zone.ZoneRulesProvider"), "pom.xml's shade filter drops it");
    }
  }

  @Test
  void serve_withPublicUrl_servesTheFeedOfAStoredLink() throws Exception {
    Path data = dir.resolve("data");
    try (JdbcAgendaStore store = JdbcAgendaStore.open(StoreSettings.sqlite(data))) {
      store.save(new AgendaEntry("U1", "istiocon-2021", "a1k", RunningBot.NOW));
      store.addCalendarLink("U1", sha256(TOKEN), RunningBot.NOW);
    }
    try (FakeSlack slack = new FakeSlack()) {
      Map<String, String> env = new HashMap<>(RunningBot.env(slack, Path.of("catalog")));
      env.putAll(DockerfileModel.read().env());
      env.putAll(Map.of("CATALOG_DIR", "catalog", "PORT", "0", "PUBLIC_URL", "https://bot.example.org",
          "DATA_DIR", data.toString()));
      try (ChildBot bot = ChildBot.start(LocalImage.command(), env, dir.resolve("stderr.log"))) {
        HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + bot.port() + "/calendar/" + TOKEN + ".ics")).build(),
            HttpResponse.BodyHandlers.ofString());

        assertEquals(200, feed.statusCode(), feed.body() + String.join("\n", bot.stderr()));
        assertTrue(feed.body().contains("\r\nUID:a1k@istiocon-2021.istiocon-bot\r\n"), feed.body());
        assertTrue(feed.body().contains("\r\nDTSTART:20210222T160000Z\r\n"), feed.body());
        String log = String.join("\n", bot.stderr());
        assertTrue(log.contains("calendar feeds at https://bot.example.org/calendar/<token>.ics"), log);
        assertFalse(log.contains(TOKEN) || log.contains("ical4j.properties not found"), log);
      }
    }
  }

  private static String sha256(String token) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
  }
}
