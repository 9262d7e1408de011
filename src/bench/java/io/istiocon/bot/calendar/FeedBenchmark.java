package io.istiocon.bot.calendar;

import com.github.benmanes.caffeine.cache.Ticker;
import io.istiocon.bot.agenda.AgendaEntry;
import io.istiocon.bot.agenda.CalendarLinks;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.TestCatalogs;
import io.istiocon.bot.service.AgendaService;
import io.istiocon.bot.store.JdbcAgendaStore;
import io.istiocon.bot.store.StoreSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One user's calendar feed with 50 saved talks of the real catalog: {@code text} writes it (ical4j
 * and the folding), {@code feed} is everything the servlet does but HTTP: the token looked up, the
 * agenda listed and the sequence numbers read in a SQLite file, then the text and its ETag.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Distiocon.log.level=WARN"})
@State(Scope.Benchmark)
public class FeedBenchmark {
  static final int TALKS = 50;
  private static final Instant NOW = Instant.parse("2021-02-20T00:00:00Z");

  private Path dir;
  private JdbcAgendaStore store;
  private Catalog catalog;
  private Feeds feeds;
  private String token;
  private List<Ics.Event> events;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    catalog = TestCatalogs.real();
    List<Session> talks = catalog.sessions().subList(0, TALKS);
    dir = Files.createTempDirectory("feed-bench");
    store = JdbcAgendaStore.open(StoreSettings.sqlite(dir));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    CalendarLinks links = new CalendarLinks(store, URI.create("https://bot.example.org"), new SecureRandom(), clock);
    URI feed = links.newLink("U1");
    token = feed.getPath().substring("/calendar/".length(), feed.getPath().length() - ".ics".length());
    events = new ArrayList<>();
    for (Session talk : talks) {
      store.save(new AgendaEntry("U1", talk.conference(), talk.id(), NOW));
      events.add(new Ics.Event(talk, 0, talk.page()));
    }
    feeds = new Feeds(links, new AgendaService(store, () -> catalog, clock, Ticker.systemTicker(), Runnable::run,
        operation -> { }), store, clock);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public String text() {
    return Ics.render("IstioCon 2021 \u2014 my agenda", events, NOW);
  }

  @Benchmark
  public Feeds.Feed feed() {
    return feeds.render(token).feed();
  }
}
