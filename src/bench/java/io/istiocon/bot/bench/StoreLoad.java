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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
 * server) and on a SQLite file, with 10,000 users holding 20 saved talks each already stored.
 *
 * <p>Each kind of call (save, agenda query, per database) runs at a fixed rate, open loop: call i is
 * due at start + i/rate and timed from then, so a slow store cannot hide its delay by slowing the
 * sender. The kinds take turns in short rounds, so the shared machine's drift falls on all alike,
 * and one kind calls nothing at all: what the machine itself adds to waking a thread on time.
 *
 * <pre>mvn -B -q -P bench test-compile exec:exec@store [-Dstore.args="RATE SECONDS WARMUP"]</pre>
 *
 * RATE calls per second for each kind (200), SECONDS measured per kind in six rounds (30), WARMUP
 * seconds per kind before that (10).
 */
public final class StoreLoad {
  private static final int USERS = 10_000;
  private static final int TALKS_PER_USER = 20;
  private static final int ROUNDS = 6;
  private static final int CALLERS = 16;
  private static final String CONFERENCE = "istiocon-2021";
  private static final Instant T0 = Instant.parse("2021-02-22T16:00:00Z");
  /** The query {@code list} sends, for the plan; a user in the middle of the key range. */
  private static final String AGENDA_QUERY = "SELECT conference_id, session_id, saved_at FROM saved_talk"
      + " WHERE user_id = 'U00005000' ORDER BY saved_at, conference_id, session_id";

  private StoreLoad() {}

  /** One kind of call and the latencies measured for it. */
  private record Kind(String name, IntConsumer call, List<long[]> rounds) {
    Kind(String name, IntConsumer call) {
      this(name, call, new ArrayList<>());
    }
  }

  /** Fills both databases, runs every kind in turns, and prints one line per kind. */
  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    String server = System.getenv().getOrDefault(TestPostgres.VARIABLE, "postgresql://postgres@127.0.0.1:5432/test");
    Path dir = Files.createTempDirectory("store-load");
    try (TestPostgres.Database db = TestPostgres.createDatabase(server);
        JdbcAgendaStore postgres = JdbcAgendaStore.open(StoreSettings.fromEnv(Map.of("DATABASE_URL", db.url())));
        // For comparison: a commit that does not wait for its WAL to reach the disk (an operator's choice).
        JdbcAgendaStore async = JdbcAgendaStore.open(StoreSettings.fromEnv(
            Map.of("DATABASE_URL", db.url() + "?options=-c%20synchronous_commit%3Doff")));
        JdbcAgendaStore sqlite = JdbcAgendaStore.open(StoreSettings.sqlite(dir))) {
      try (Connection c = TestPostgres.connect(db.url())) {
        fill(c, "VACUUM ANALYZE saved_talk", "CHECKPOINT");
        explain(c, "EXPLAIN ANALYZE " + AGENDA_QUERY);
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(StoreSettings.SQLITE_FILE))) {
        fill(c, "ANALYZE", "PRAGMA wal_checkpoint(TRUNCATE)");
        explain(c, "EXPLAIN QUERY PLAN " + AGENDA_QUERY);
      }
      int[] users = new SplittableRandom(42).ints(rate * (seconds + warmup) + rate, 0, USERS).toArray();
      List<Kind> kinds = List.of(
          new Kind("no call", i -> { }),
          new Kind("postgresql save", save(postgres, "pg")),
          new Kind("postgresql save, synchronous_commit=off", save(async, "pg-async")),
          new Kind("postgresql agenda query", list(postgres, users)),
          new Kind("sqlite save", save(sqlite, "sqlite")),
          new Kind("sqlite agenda query", list(sqlite, users)));
      for (Kind kind : kinds) {
        fixedRate(kind, rate, warmup, 0);
      }
      int roundSeconds = Math.max(1, seconds / ROUNDS);
      for (int round = 0; round < ROUNDS; round++) {
        for (Kind kind : kinds) {
          kind.rounds().add(fixedRate(kind, rate, roundSeconds, rate * (warmup + round * roundSeconds)));
        }
      }
      for (Kind kind : kinds) {
        print(kind, rate);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Saves a talk the user has not saved yet, so every call writes a row. */
  private static IntConsumer save(JdbcAgendaStore store, String prefix) {
    return i -> {
      if (!store.save(new AgendaEntry(user(i % USERS), CONFERENCE, prefix + "-" + i, T0))) {
        throw new IllegalStateException("save " + i + " found its row already there");
      }
    };
  }

  private static IntConsumer list(JdbcAgendaStore store, int[] users) {
    return i -> {
      if (store.list(user(users[i])).size() < TALKS_PER_USER) {
        throw new IllegalStateException("user " + users[i] + " lost talks");
      }
    };
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

  /** Calls {@code offset + i} for i in [0, rate * seconds) at the rate; returns each call's latency from when it was due. */
  private static long[] fixedRate(Kind kind, int rate, int seconds, int offset) throws InterruptedException {
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    // More callers than a pool has connections: a slow call delays the next ones only as a real queue would.
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    for (int w = 0; w < CALLERS; w++) {
      callers.execute(() -> {
        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
          long due = start + i * interval;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          try {
            kind.call().accept(offset + i);
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
      throw new IllegalStateException(kind.name() + ": " + errors.get() + " calls failed");
    }
    return latencies;
  }

  private static void print(Kind kind, int rate) {
    long[] all = kind.rounds().stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double[] roundP99 = kind.rounds().stream().mapToDouble(r -> pct(r.clone(), 0.99)).sorted().toArray();
    System.out.printf(Locale.ROOT, "%-40s %d/s n=%d  p50=%.2f ms  p90=%.2f ms  p99=%.2f ms  max=%.2f ms  (p99 per round %.2f-%.2f ms)%n",
        kind.name(), rate, all.length, pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), all[all.length - 1] / 1e6,
        roundP99[0], roundP99[roundP99.length - 1]);
  }

  /** Returns the p-th percentile in milliseconds, sorting {@code latencies} in place. */
  private static double pct(long[] latencies, double p) {
    Arrays.sort(latencies);
    return latencies[Math.min(latencies.length - 1, (int) Math.ceil(p * latencies.length) - 1)] / 1e6;
  }

  private static String user(int u) {
    return String.format(Locale.ROOT, "U%08d", u);
  }
}
