package io.istiocon.bot;

import io.istiocon.bot.docs.DocLinks;
import io.istiocon.bot.files.CatalogReader;
import io.istiocon.bot.importer.CatalogCheck;
import io.istiocon.bot.importer.CatalogFeeds;
import io.istiocon.bot.importer.ImportCommand;
import io.istiocon.bot.slack.StartException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the importer: the {@code import} command and the feeds {@code serve} polls check what they
 * write with the files adapter's {@link CatalogReader}, so neither adapter knows the other.
 */
public final class Imports {
  private static final Logger log = LoggerFactory.getLogger(Imports.class);

  private Imports() {}

  /** Returns a check that reads catalog text exactly as {@code validate} and {@code serve} do. */
  public static CatalogCheck catalogCheck() {
    CatalogReader reader = new CatalogReader();
    return (name, text) -> {
      CatalogReader.FileResult result = reader.read(Path.of(name), name, text);
      return new CatalogCheck.Result(result.conference(), result.problems());
    };
  }

  /** The feeds {@code serve} polls, and how often; start them once the server runs. */
  record Polling(CatalogFeeds feeds, Duration every) {
    /** Polls now, then every {@code every}, on a daemon thread of its own: a slow server never holds up reloads. */
    void start() {
      ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "catalog-feeds");
        t.setDaemon(true);
        return t;
      });
      thread.scheduleWithFixedDelay(feeds::pollAndLog, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Reads {@code CATALOG_SOURCES} and {@code CATALOG_POLL_MINUTES}; empty when no sources are set.
   * A bad value stops {@code serve} before it starts, with a message naming it.
   */
  static Optional<Polling> feeds(Map<String, String> env, Path catalogDir) throws StartException {
    String sources = env.get("CATALOG_SOURCES");
    if (sources == null || sources.isBlank()) {
      return Optional.empty();
    }
    if (!Files.isDirectory(catalogDir)) {
      throw new StartException("CATALOG_SOURCES needs CATALOG_DIR to be a folder, and " + catalogDir + " is not; "
          + DocLinks.see(DocLinks.IMPORT_FEEDS));
    }
    try {
      List<CatalogFeeds.Feed> feeds = CatalogFeeds.parse(sources, catalogDir);
      Duration every = CatalogFeeds.interval(env.get("CATALOG_POLL_MINUTES"));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      log.info("catalog feeds: polling {} export(s) every {} min into {}", feeds.size(), every.toMinutes(), catalogDir);
      return Optional.of(new Polling(new CatalogFeeds(feeds, catalogCheck(), http), every));
    } catch (IllegalArgumentException e) {
      throw new StartException(e.getMessage() + "; " + DocLinks.see(DocLinks.IMPORT_FEEDS));
    }
  }

  /** Runs {@code import} with its arguments and returns its exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return new ImportCommand(catalogCheck(), () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build(), out, err).run(args);
  }
}
