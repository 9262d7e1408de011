package io.istiocon.bot.importer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps catalog files current from the export URLs that {@code CATALOG_SOURCES} names: each poll
 * asks every URL with {@code If-None-Match} and {@code If-Modified-Since}, imports what changed into
 * its file (the live catalog then serves it), and keeps the last good file when a fetch or an import
 * fails. Options the export lacks (a zone, a name, a website) come from the file itself, so a feed
 * starts from one {@code import} run by hand.
 */
public final class CatalogFeeds {
  private static final Logger log = LoggerFactory.getLogger(CatalogFeeds.class);
  /** How often feeds are polled when {@code CATALOG_POLL_MINUTES} is not set. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** One export URL and the catalog file it is imported into. */
  public record Feed(URI url, Path target) {}

  /** What the last import of a feed came from, so the next poll can ask "only if changed". */
  private record Seen(String etag, String lastModified, byte[] digest) {}

  private final List<Feed> feeds;
  private final CatalogCheck check;
  private final HttpClient http;
  private final Map<Feed, Seen> seen = new HashMap<>();

  /** Creates feeds that check what they write with {@code check} and fetch with {@code http}. */
  public CatalogFeeds(List<Feed> feeds, CatalogCheck check, HttpClient http) {
    this.feeds = List.copyOf(feeds);
    this.check = check;
    this.http = http;
  }

  /**
   * Parses {@code CATALOG_SOURCES}: entries {@code URL=FILE.yaml}, separated by spaces or commas,
   * each file a name in {@code catalogDir}. Throws with a message naming the bad entry.
   */
  public static List<Feed> parse(String sources, Path catalogDir) {
    List<Feed> out = new ArrayList<>();
    Set<String> targets = new HashSet<>();
    for (String entry : sources.strip().split("[\\s,]+")) {
      if (entry.isEmpty()) {
        continue;
      }
      int eq = entry.lastIndexOf('=');
      String file = eq < 0 ? "" : entry.substring(eq + 1);
      String lower = file.toLowerCase(Locale.ROOT);
      if (eq < 0 || file.contains("/") || file.startsWith(".") || !(lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
        throw new IllegalArgumentException("CATALOG_SOURCES entry \"" + entry + "\" must be URL=FILE.yaml, the file a name"
            + " in CATALOG_DIR (such as https://fosdem.org/2021/schedule/xml=fosdem-2021.yaml)");
      }
      URI url = Mapping.url(entry.substring(0, eq), null);
      if (url == null) {
        throw new IllegalArgumentException("CATALOG_SOURCES entry \"" + entry + "\": \"" + entry.substring(0, eq)
            + "\" is not an http(s) URL");
      }
      if (!targets.add(file)) {
        throw new IllegalArgumentException("CATALOG_SOURCES names " + file + " twice; give each export its own file");
      }
      out.add(new Feed(url, catalogDir.resolve(file)));
    }
    return out;
  }

  /** Parses {@code CATALOG_POLL_MINUTES}: a whole number from 1 to 1440; the default when null or blank. */
  public static Duration interval(String minutes) {
    if (minutes == null || minutes.isBlank()) {
      return DEFAULT_INTERVAL;
    }
    try {
      int n = Integer.parseInt(minutes.strip());
      if (n >= 1 && n <= 1440) {
        return Duration.ofMinutes(n);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("CATALOG_POLL_MINUTES must be a whole number from 1 to 1440, got \"" + minutes + "\"");
  }

  /** Polls every feed once, in order, and returns one line per feed saying what happened. */
  public List<String> pollOnce() {
    List<String> lines = new ArrayList<>();
    for (Feed feed : feeds) {
      lines.add(feed.url() + " -> " + feed.target() + ": " + poll(feed));
    }
    return lines;
  }

  /** Polls every feed, logging what happened; never throws, so a schedule keeps running. */
  public void pollAndLog() {
    try {
      for (String line : pollOnce()) {
        if (line.contains(": kept ")) {
          log.warn("catalog feed {}", line);
        } else {
          log.info("catalog feed {}", line);
        }
      }
    } catch (RuntimeException e) {
      log.warn("catalog feeds: poll failed; the catalog files stay as they were", e);
    }
  }

  private synchronized String poll(Feed feed) {
    Seen last = seen.get(feed);
    HttpRequest.Builder request = HttpRequest.newBuilder(feed.url()).timeout(TIMEOUT).GET()
        .header("Accept", "application/json, application/xml, text/xml, */*");
    if (last != null && last.etag() != null) {
      request.header("If-None-Match", last.etag());
    }
    if (last != null && last.lastModified() != null) {
      request.header("If-Modified-Since", last.lastModified());
    }
    byte[] body;
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() == 304) {
          return "unchanged (304)";
        }
        if (response.statusCode() != 200) {
          return "kept the file: the server answered HTTP " + response.statusCode();
        }
        body = in.readNBytes(Source.MAX_BYTES + 1);
      }
    } catch (IOException e) {
      return "kept the file: cannot fetch: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "kept the file: interrupted";
    }
    if (body.length > Source.MAX_BYTES) {
      return "kept the file: the export is larger than " + Source.MAX_BYTES + " bytes";
    }
    byte[] digest = sha256(body);
    if (last != null && Arrays.equals(last.digest(), digest)) {
      return "unchanged (same content)";
    }
    try {
      CatalogUpdate.Outcome done = CatalogUpdate.apply(check, body,
          new CatalogUpdate.Request(feed.url().toString(), Optional.empty(), null, null, null, null), feed.target());
      seen.put(feed, new Seen(response.headers().firstValue("ETag").orElse(null),
          response.headers().firstValue("Last-Modified").orElse(null), digest));
      Conversion.Diff diff = done.diff();
      return "imported " + done.conference().sessions().size() + " sessions" + (diff == null ? "" : " ("
          + diff.added().size() + " added, " + diff.changed().size() + " changed, " + diff.removed().size() + " removed)");
    } catch (ImportException e) {
      StringBuilder problems = new StringBuilder();
      e.details().stream().limit(5).forEach(p -> problems.append("; ").append(p));
      return "kept the file: " + e.getMessage() + problems;
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Returns the feeds, for the log line that says what is polled. */
  public List<Feed> feeds() {
    return feeds;
  }
}
