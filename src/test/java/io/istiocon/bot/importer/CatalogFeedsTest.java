package io.istiocon.bot.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.istiocon.bot.Imports;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CATALOG_SOURCES: conditional polling of a local export server, imports of what changed, the last good file kept. */
class CatalogFeedsTest {
  @TempDir
  Path dir;

  /** What the export server answers next, and what it was asked. */
  private int status = 200;
  private String etag = "\"v1\"";
  private byte[] body;
  private final List<String> ifNoneMatch = new ArrayList<>();
  private HttpServer server;
  private CatalogFeeds feeds;

  @BeforeEach
  void exportServer() throws IOException {
    body = Files.readAllBytes(Importing.SCHEDULES.resolve("c3voc-39c3-himmel.json"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/schedule.json", exchange -> {
      String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
      ifNoneMatch.add(asked == null ? "-" : asked);
      if (etag.equals(asked)) {
        exchange.sendResponseHeaders(304, -1);
        exchange.close();
        return;
      }
      exchange.getResponseHeaders().add("ETag", etag);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/schedule.json";
    feeds = new CatalogFeeds(CatalogFeeds.parse(url + "=39c3.yaml", dir), Imports.catalogCheck(), HttpClient.newHttpClient());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String poll() {
    List<String> lines = feeds.pollOnce();
    assertEquals(1, lines.size());
    return lines.get(0);
  }

  @Test
  void pollOnce_importsThenAsksOnlyIfChanged() throws IOException {
    assertTrue(poll().endsWith("39c3.yaml: imported 186 sessions"), ifNoneMatch.toString());
    byte[] imported = Files.readAllBytes(dir.resolve("39c3.yaml"));

    assertTrue(poll().endsWith(": unchanged (304)"));

    assertEquals(List.of("-", "\"v1\""), ifNoneMatch);
    assertArrayEquals(imported, Files.readAllBytes(dir.resolve("39c3.yaml")));
  }

  @Test
  void pollOnce_reimportsWhatChanged() {
    poll();
    etag = "\"v2\"";
    body = new String(body, StandardCharsets.UTF_8).replace("\"title\": \"Opening Ceremony\"", "\"title\": \"Opening\"")
        .getBytes(StandardCharsets.UTF_8);

    assertTrue(poll().endsWith(": imported 186 sessions (0 added, 1 changed, 0 removed)"));
    assertEquals("Opening", Importing.read(dir.resolve("39c3.yaml")).sessions().stream()
        .filter(s -> s.id().equals("1233")).findFirst().orElseThrow().title());
  }

  @Test
  void pollOnce_sameContentUnderANewEtagIsNotImportedAgain() {
    poll();
    etag = "\"v2\"";

    assertTrue(poll().endsWith(": unchanged (same content)"));
  }

  @Test
  void pollOnce_keepsTheLastGoodFileWhenTheExportBreaksOrTheServerFails() throws IOException {
    poll();
    byte[] good = Files.readAllBytes(dir.resolve("39c3.yaml"));
    etag = "\"v2\"";
    body = "{\"schedule\": {".getBytes(StandardCharsets.UTF_8);

    String broken = poll();
    assertTrue(broken.contains(": kept the file: http://127.0.0.1:"), broken);
    assertTrue(broken.contains("JSON syntax error"), broken);

    status = 500;
    assertTrue(poll().endsWith(": kept the file: the server answered HTTP 500"));

    assertArrayEquals(good, Files.readAllBytes(dir.resolve("39c3.yaml")));
    assertEquals(List.of("39c3.yaml"), List.of(dir.toFile().list()));
  }

  @Test
  void pollOnce_anExportThatNeedsOptionsWaitsForAFileImportedByHand() throws IOException {
    body = Files.readAllBytes(Importing.SCHEDULES.resolve("sessionize-globalazure-austria2024.json"));

    assertTrue(poll().contains(": kept the file: http://127.0.0.1:"));
    assertNull(Importing.read(dir.resolve("39c3.yaml")));

    // The organizer imports once with the options the export lacks; the feed then keeps the file current.
    Importing.Run byHand = Importing.run("sessionize-globalazure-austria2024.json", dir.resolve("39c3.yaml"),
        "--timezone", "Europe/Vienna", "--name", "Global Azure Austria 2024", "--website", "https://globalazure.at/");
    assertEquals(ImportCommand.OK, byHand.code(), byHand.err());
    assertTrue(poll().endsWith(": imported 15 sessions (0 added, 0 changed, 0 removed)"));
  }

  @Test
  void parse_readsUrlFilePairs() {
    List<CatalogFeeds.Feed> parsed = CatalogFeeds.parse(
        " https://fosdem.org/2021/schedule/xml=fosdem-2021.yaml,https://x.org/api?v=1=x.yml ", dir);

    assertEquals(List.of(new CatalogFeeds.Feed(URI.create("https://fosdem.org/2021/schedule/xml"), dir.resolve("fosdem-2021.yaml")),
        new CatalogFeeds.Feed(URI.create("https://x.org/api?v=1"), dir.resolve("x.yml"))), parsed);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "https://fosdem.org/schedule.xml                    | must be URL=FILE.yaml",
      "https://fosdem.org/schedule.xml=../fosdem.yaml     | must be URL=FILE.yaml",
      "https://fosdem.org/schedule.xml=fosdem.json        | must be URL=FILE.yaml",
      "ftp://fosdem.org/schedule.xml=fosdem.yaml          | \"ftp://fosdem.org/schedule.xml\" is not an http(s) URL",
      "https://a.org/x=f.yaml https://b.org/y=f.yaml      | CATALOG_SOURCES names f.yaml twice",
  })
  void parse_badEntryIsNamed(String sources, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatalogFeeds.parse(sources, dir));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void interval_defaultsToFifteenMinutesAndRejectsNonsense() {
    assertEquals(Duration.ofMinutes(15), CatalogFeeds.interval(null));
    assertEquals(Duration.ofMinutes(5), CatalogFeeds.interval(" 5 "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatalogFeeds.interval("0"));
    assertEquals("CATALOG_POLL_MINUTES must be a whole number from 1 to 1440, got \"0\"", e.getMessage());
  }
}
