package io.istiocon.bot.bench;

import io.istiocon.bot.agenda.AgendaEntry;
import io.istiocon.bot.store.JdbcAgendaStore;
import io.istiocon.bot.store.StoreSettings;
import io.istiocon.bot.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * What the agenda store adds to a click, on PostgreSQL ({@code TEST_DATABASE_URL}, default the local
 * server) and on a SQLite file: saves at a fixed rate, then agenda queries at a fixed rate, with
 * 10,000 users holding 20 saved talks each already stored. Open loop: call i is due at start + i/rate
 * and timed from then, so a slow store cannot hide its delay by slowing the sender. A run with no
 * call on the same schedule shows what the machine adds by itself (on a busy shared VM, a lot).
 *
 * <pre>mvn -B -q -P bench test-compile exec:exec@store [-Dstore.args="200 30 10"]</pre>
 *
 * Arguments: rate per second, measured seconds, warm-up seconds.
 */
public final class StoreLoad {
  private static final int USERS = 10_000;
  private static final int TALKS_PER_USER = 20;
  private static final String CONFERENCE = "istiocon-2021";
  private static final Instant T0 = Instant.parse("2021-02-22T16:00:00Z");
  /** The query {@code list} sends, for the plan; a user in the middle of the key range. */
  private static final String AGENDA_QUERY = "SELECT conference_id, session_id, saved_at FROM saved_talk"
      + " WHERE user_id = 'U00005000' ORDER BY saved_at, conference_id, session_id";

  private StoreLoad() {}

  /** Runs the PostgreSQL and SQLite rounds and prints one line per measurement. */
  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    String server = System.getenv().getOrDefault(TestPostgres.VARIABLE, "postgresql://postgres@127.0.0.1:5432/test");
    try (TestPostgres.Database db = TestPostgres.createDatabase(server)) {
      StoreSettings settings = StoreSettings.fromEnv(Map.of("DATABASE_URL", db.url()));
      try (JdbcAgendaStore store = JdbcAgendaStore.open(settings); Connection c = TestPostgres.connect(db.url())) {
        fill(c, "VACUUM ANALYZE saved_talk", "CHECKPOINT");
        explain(c, "EXPLAIN ANALYZE " + AGENDA_QUERY);
        run("postgresql", store, rate, seconds, warmup);
      }
      // The same with PostgreSQL's default, a commit that waits for its WAL on disk.
      String durable = db.url() + "?options=-c%20synchronous_commit%3Don";
      try (JdbcAgendaStore store = JdbcAgendaStore.open(StoreSettings.fromEnv(Map.of("DATABASE_URL", durable)))) {
        run("pg-sync", store, rate, seconds, warmup);
      }
    }
    Path dir = Files.createTempDirectory("store-load");
    try (JdbcAgendaStore store = JdbcAgendaStore.open(StoreSettings.sqlite(dir));
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(StoreSettings.SQLITE_FILE))) {
      fill(c, "ANALYZE", "PRAGMA wal_checkpoint(TRUNCATE)");
      explain(c, "EXPLAIN QUERY PLAN " + AGENDA_QUERY);
      run("sqlite", store, rate, seconds, warmup);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Stores 20 talks for each of 10,000 users, in batches, behind the store's back (it is set-up, not
   * the measure), then runs {@code settle} so the bulk load's statistics and checkpoint are not measured.
   */
  private static void fill(Connection c, String... settle) throws Exception {
    long start = System.nanoTime();
    c.setAutoCommit(false);
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO saved_talk (user_id, conference_id, session_id, saved_at) VALUES (?, ?, ?, ?)")) {
      for (int u = 0; u < USERS; u++) {
        for (int t = 0; t < TALKS_PER_USER; t++) {
          insert.setString(1, user(u));
          insert.setString(2, CONFERENCE);
          insert.setString(3, "s" + t);
          insert.setLong(4, T0.plusSeconds(t).toEpochMilli());
          insert.addBatch();
        }
        if (u % 500 == 499) {
          insert.executeBatch();
          c.commit();
        }
      }
    }
    c.commit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      for (String sql : settle) {
        s.execute(sql);
      }
    }
    System.out.printf(Locale.ROOT, "filled %d users x %d talks in %.1f s%n", USERS, TALKS_PER_USER, (System.nanoTime() - start) / 1e9);
  }

  /** Prints the database's plan for the agenda query: it must read the primary key's index, not the table. */
  private static void explain(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet plan = s.executeQuery(sql)) {
      int columns = plan.getMetaData().getColumnCount();
      while (plan.next()) {
        System.out.println("  plan: " + plan.getString(columns));
      }
    }
  }

  private static void run(String name, JdbcAgendaStore store, int rate, int seconds, int warmup) throws Exception {
    AtomicInteger saved = new AtomicInteger();
    IntConsumer save = i -> {
      // A talk the user has not saved yet, so every call writes a row.
      if (store.save(new AgendaEntry(user(i % USERS), CONFERENCE, "new-" + name + "-" + i, T0))) {
        saved.incrementAndGet();
      }
    };
    SplittableRandom random = new SplittableRandom(42);
    int[] users = random.ints(rate * (seconds + warmup), 0, USERS).toArray();
    IntConsumer list = i -> {
      if (store.list(user(users[i])).size() < TALKS_PER_USER) {
        throw new IllegalStateException("user " + users[i] + " lost talks");
      }
    };
    // The same schedule with nothing to call: what the machine itself adds (waking a thread on time).
    print(name, "no call", rate, fixedRate(name, "no call", rate, seconds, 0, i -> { }));
    fixedRate(name, "save (warm-up)", rate, warmup, 0, save);
    print(name, "save", rate, fixedRate(name, "save", rate, seconds, rate * warmup, save));
    fixedRate(name, "agenda query (warm-up)", rate, warmup, 0, list);
    print(name, "agenda query", rate, fixedRate(name, "agenda query", rate, seconds, rate * warmup, list));
    System.out.printf(Locale.ROOT, "%s: %d saves wrote a row%n", name, saved.get());
  }

  /** Calls {@code call(offset + i)} for i in [0, rate * seconds) at the rate; returns each call's latency from when it was due. */
  private static long[] fixedRate(String name, String what, int rate, int seconds, int offset, IntConsumer call)
      throws InterruptedException {
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    // More callers than the pool has connections, so a slow call delays the next ones only as a real queue would.
    ExecutorService callers = Executors.newFixedThreadPool(16);
    for (int w = 0; w < 16; w++) {
      callers.execute(() -> {
        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
          long due = start + i * interval;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          try {
            call.accept(offset + i);
          } catch (RuntimeException e) {
            errors.incrementAndGet();
          }
          latencies[i] = System.nanoTime() - due;
        }
      });
    }
    callers.shutdown();
    callers.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    if (errors.get() > 0) {
      throw new IllegalStateException(name + " " + what + ": " + errors.get() + " calls failed");
    }
    return latencies;
  }

  private static void print(String name, String what, int rate, long[] latencies) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%-10s %-13s %d/s n=%d  p50=%.2f ms  p90=%.2f ms  p99=%.2f ms  max=%.2f ms%n", name, what,
        rate, sorted.length, pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static String user(int u) {
    return String.format(Locale.ROOT, "U%08d", u);
  }
}
