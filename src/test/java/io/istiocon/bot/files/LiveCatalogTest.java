package io.istiocon.bot.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.Problem;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.QueryEngine;
import io.istiocon.bot.service.CatalogSnapshot;
import io.istiocon.bot.testing.FakeTicker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveCatalogTest {
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-02-22T12:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;
  private final FakeTicker ticker = new FakeTicker();
  private final List<String> rejected = new CopyOnWriteArrayList<>();
  private final AtomicInteger loads = new AtomicInteger();
  private final LiveCatalog.Events events = new LiveCatalog.Events() {
    @Override
    public void loaded(CatalogSnapshot snapshot, Duration took) {
      loads.incrementAndGet();
    }

    @Override
    public void rejected(String file, List<Problem> problems) {
      problems.forEach(p -> rejected.add(p.toString()));
    }
  };

  static String catalog(String id, String... titles) {
    StringBuilder b = new StringBuilder("""
        conference:
          id: %s
          name: %s conf
          start: 2021-02-22
          end: 2021-02-26
          timezone: UTC
          website: https://example.org/
        sessions:
        """.formatted(id, id));
    int n = 0;
    for (String title : titles) {
      b.append("""
            - id: s%d
              title: "%s"
              type: talk
              language: en
              start: 2021-02-22T1%d:00:00Z
              end: 2021-02-22T1%d:30:00Z
              speakers: []
          """.formatted(n, title, n % 10, n % 10));
      n++;
    }
    return b.toString();
  }

  private LiveCatalog live(Path location) {
    return new LiveCatalog(location, new CatalogReader(), CLOCK, ticker, Runnable::run, POLL, events);
  }

  private static List<String> titles(CatalogSnapshot snapshot) {
    return snapshot.catalog().sessions().stream().map(s -> s.title()).toList();
  }

  @Test
  void current_loadsEveryCatalogFileInTheFolder() throws IOException {
    Files.writeString(dir.resolve("one.yaml"), catalog("one", "Alpha"));
    Files.writeString(dir.resolve("two.json"), "{\"conference\": {\"id\": \"two\", \"name\": \"Two\", \"start\": \"2021-02-22\","
        + " \"end\": \"2021-02-22\", \"timezone\": \"UTC\", \"website\": \"https://example.org/\"}, \"sessions\": []}");
    Files.writeString(dir.resolve("synonyms.yaml"), "synonyms:\n  - [vm, virtual machine]\n");
    Files.writeString(dir.resolve("catalog.schema.json"), "{\"not\": \"a catalog\"}");
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    CatalogSnapshot snapshot = live(dir).current();
    assertTrue(snapshot.ready());
    assertEquals(List.of("one", "two"), snapshot.catalog().conferences().stream().map(c -> c.id()).toList());
    assertEquals(List.of(), snapshot.problems());
  }

  @Test
  void refresh_picksUpAnEditInPlace() throws IOException {
    Path file = dir.resolve("conf.yaml");
    Files.writeString(file, catalog("conf", "Alpha"));
    LiveCatalog live = live(dir);
    long before = live.current().catalog().version();
    Files.writeString(file, catalog("conf", "Alpha", "Beta"));
    live.refresh();
    assertEquals(List.of("Alpha", "Beta"), titles(live.current()));
    assertEquals(before + 1, live.current().catalog().version());
  }

  @Test
  void current_refreshesByItselfOnceThePollIntervalHasPassed() throws IOException {
    Path file = dir.resolve("conf.yaml");
    Files.writeString(file, catalog("conf", "Alpha"));
    LiveCatalog live = live(dir);
    live.current();
    Files.writeString(file, catalog("conf", "Gamma"));
    ticker.advance(POLL.minusMillis(1));
    assertEquals(List.of("Alpha"), titles(live.current()), "not yet due");
    ticker.advance(Duration.ofMillis(2));
    live.current(); // this read starts the refresh on the (synchronous) executor
    assertEquals(List.of("Gamma"), titles(live.current()));
  }

  @Test
  void refresh_picksUpAnAtomicReplaceOfTheSameSize() throws IOException {
    Path file = dir.resolve("conf.yaml");
    Files.writeString(file, catalog("conf", "Alpha"));
    LiveCatalog live = live(dir);
    live.current();
    Path next = dir.resolve(".conf.yaml.tmp");
    Files.writeString(next, catalog("conf", "Omega"));
    assertEquals(Files.size(file), Files.size(next), "same size, so only the inode and content tell");
    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    live.refresh();
    assertEquals(List.of("Omega"), titles(live.current()));
  }

  @Test
  void refresh_picksUpAConfigMapSymlinkSwap() throws IOException {
    // The layout the kubelet writes: conf.yaml -> ..data/conf.yaml, ..data -> ..2021_v1
    Path v1 = Files.createDirectory(dir.resolve("..2021_v1"));
    Files.writeString(v1.resolve("conf.yaml"), catalog("conf", "Version one"));
    Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
    Files.createSymbolicLink(dir.resolve("conf.yaml"), Path.of("..data", "conf.yaml"));
    LiveCatalog live = live(dir);
    assertEquals(List.of("Version one"), titles(live.current()));

    Path v2 = Files.createDirectory(dir.resolve("..2021_v2"));
    Files.writeString(v2.resolve("conf.yaml"), catalog("conf", "Version two"));
    Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
    Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
    live.refresh();
    assertEquals(List.of("Version two"), titles(live.current()));
  }

  @Test
  void refresh_picksUpANewFile() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), catalog("a", "Alpha"));
    LiveCatalog live = live(dir);
    assertEquals(1, live.current().catalog().conferences().size());
    Files.writeString(dir.resolve("b.yaml"), catalog("b", "Beta"));
    live.refresh();
    assertEquals(List.of("Alpha", "Beta"), titles(live.current()));
  }

  @Test
  void refresh_brokenEditKeepsTheLastGoodCatalogAndReportsEveryError() throws IOException {
    Path file = dir.resolve("conf.yaml");
    Files.writeString(file, catalog("conf", "Alpha"));
    LiveCatalog live = live(dir);
    CatalogSnapshot good = live.current();
    Files.writeString(file, catalog("conf", "Alpha").replace("type: talk", "type: chat").replace("language: en", "language: english!"));
    live.refresh();
    CatalogSnapshot after = live.current();
    assertSame(good.catalog(), after.catalog(), "the last good catalog keeps serving");
    assertEquals(2, after.problems().size(), after.problems().toString());
    assertEquals(2, rejected.size());
    assertTrue(rejected.get(0).startsWith("conf.yaml:") || rejected.get(0).contains("conf.yaml:"), rejected.get(0));

    Files.writeString(file, catalog("conf", "Fixed"));
    live.refresh();
    assertEquals(List.of("Fixed"), titles(live.current()));
    assertEquals(List.of(), live.current().problems());
  }

  @Test
  void refresh_syntaxErrorInANewFileLeavesTheOthersServing() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), catalog("a", "Alpha"));
    LiveCatalog live = live(dir);
    live.current();
    Files.writeString(dir.resolve("b.yaml"), "conference: [unclosed\n");
    live.refresh();
    assertEquals(List.of("Alpha"), titles(live.current()));
    assertEquals(1, live.current().problems().size());
  }

  @Test
  void refresh_deletedFileIsDroppedAfterTwoScansNotOnAPassingGap() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), catalog("a", "Alpha"));
    Files.writeString(dir.resolve("b.yaml"), catalog("b", "Beta"));
    LiveCatalog live = live(dir);
    live.current();
    Files.delete(dir.resolve("b.yaml"));
    live.refresh();
    assertEquals(List.of("Alpha", "Beta"), titles(live.current()), "an editor may be mid-save");
    live.refresh();
    assertEquals(List.of("Alpha"), titles(live.current()));
  }

  @Test
  void refresh_unchangedFilesDoNotMakeANewVersion() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), catalog("a", "Alpha"));
    LiveCatalog live = live(dir);
    CatalogSnapshot first = live.current();
    live.refresh();
    live.refresh();
    assertSame(first, live.current());
    assertEquals(1, loads.get());
  }

  @Test
  void refresh_duplicateConferenceIdsAcrossFilesServeTheFirst() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), catalog("same", "Alpha"));
    Files.writeString(dir.resolve("b.yaml"), catalog("same", "Beta"));
    CatalogSnapshot snapshot = live(dir).current();
    assertEquals(List.of("Alpha"), titles(snapshot));
    assertTrue(snapshot.problems().get(0).message().contains("already used by"), snapshot.problems().toString());
  }

  @Test
  void current_missingFolderIsNotReadyAndSaysWhy() {
    CatalogSnapshot snapshot = live(dir.resolve("nope")).current();
    assertFalse(snapshot.ready());
    assertEquals("no such file or directory", snapshot.problems().get(0).message());
  }

  @Test
  void start_pollsAtLeastEverySecond() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), catalog("a", "Alpha"));
    List<Long> delays = new ArrayList<>();
    List<Runnable> tasks = new ArrayList<>();
    ScheduledThreadPoolExecutor recorder = new ScheduledThreadPoolExecutor(1) {
      @Override
      public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initial, long delay, TimeUnit unit) {
        delays.add(unit.toMillis(delay));
        tasks.add(task);
        return super.schedule(() -> { }, 1, TimeUnit.DAYS);
      }
    };
    try {
      LiveCatalog live = live(dir);
      live.start(recorder);
      live.current();
      assertTrue(delays.get(0) <= 1000, delays.toString());
      Files.writeString(dir.resolve("a.yaml"), catalog("a", "Tick"));
      tasks.get(0).run(); // one tick of the poller
      assertEquals(List.of("Tick"), titles(live.current()));
      live.close();
    } finally {
      recorder.shutdownNow();
    }
  }

  @Test
  void reload_queriesDuringReloadsAlwaysSeeOneWholeCatalog() throws Exception {
    Path file = dir.resolve("conf.yaml");
    Files.writeString(file, catalog("conf", "v0 a", "v0 b", "v0 c", "v0 d"));
    LiveCatalog live = live(dir);
    live.current();
    QueryEngine engine = new QueryEngine();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger answers = new AtomicInteger();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      Thread reader = new Thread(() -> {
        try {
          while (!done.get()) {
            CatalogSnapshot snapshot = live.current();
            Answer answer = engine.answer(snapshot.index(), "schedule", CLOCK.instant());
            List<String> versions = answer.hits().stream().map(h -> h.session().title().split(" ")[0]).distinct().toList();
            if (versions.size() != 1 || answer.hits().size() != 4) {
              throw new AssertionError("mixed or partial catalog: " + answer.hits());
            }
            answers.incrementAndGet();
          }
        } catch (Throwable t) {
          failures.add(t);
        }
      });
      reader.start();
      readers.add(reader);
    }
    for (int v = 1; v <= 60; v++) {
      String text = catalog("conf", "v" + v + " a", "v" + v + " b", "v" + v + " c", "v" + v + " d");
      if (v % 10 == 0) {
        text = text.replace("type: talk", "type: broken"); // a bad edit now and then
      }
      Files.writeString(file, text); // in place, so a scan may even see a half-written file
      live.reloadNow();
    }
    done.set(true);
    for (Thread reader : readers) {
      reader.join();
    }
    assertEquals(List.of(), failures);
    assertTrue(answers.get() > 0);
    assertNotEquals("v0", titles(live.current()).get(0).split(" ")[0]);
  }
}
