package io.istiocon.bot.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import io.istiocon.bot.agenda.AgendaEntry;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.files.CatalogReader;
import io.istiocon.bot.files.LiveCatalog;
import io.istiocon.bot.service.ChangeNotices;
import io.istiocon.bot.service.Pacer;
import io.istiocon.bot.service.ReminderSender;
import io.istiocon.bot.service.Reminders;
import io.istiocon.bot.store.JdbcAgendaStore;
import io.istiocon.bot.store.StoreSettings;
import io.istiocon.bot.testing.FakeClock;
import io.istiocon.bot.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two measures, on SQLite and PostgreSQL: 1,000 users saving the same keynote (every
 * reminder scheduled within Slack's rate limits, none lost, none doubled), and a catalog change
 * moving that keynote (every notice sent once, every reminder moved). Slack is a fake behind the
 * {@link ReminderSender} port that enforces the limits on a simulated clock: Tier 3 (50 calls in any
 * minute) for {@code chat.scheduleMessage} and {@code chat.deleteScheduledMessage}, answered with
 * a 429 and {@code Retry-After}; 30 messages per 5 minutes per channel ({@code restricted_too_many});
 * and {@code chat.postMessage} at 1 per second per channel and, as an assumption (Slack does not
 * publish it), 600 a minute per workspace, waited out as {@code SlackPoster} does. The bot's own
 * code runs for real (service, pacer, store). Reports simulated time (what the rate limits cost)
 * and wall time (what the bot and the store cost).
 *
 * <pre>mvn -B -q -P bench test-compile exec:exec@reminders [-Dreminders.args="USERS RUNS"]</pre>
 */
public final class ReminderLoad {
  private ReminderLoad() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String server = System.getenv().getOrDefault(TestPostgres.VARIABLE, "postgresql://postgres@127.0.0.1:5432/test");
    for (String kind : List.of("sqlite", "postgresql")) {
      List<double[]> results = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        Path dir = Files.createTempDirectory("reminder-load-");
        if (kind.equals("sqlite")) {
          try (JdbcAgendaStore store = JdbcAgendaStore.open(StoreSettings.sqlite(dir.resolve("data")))) {
            results.add(run(store, dir, users));
          }
        } else {
          try (TestPostgres.Database db = TestPostgres.createDatabase(server);
              JdbcAgendaStore store = JdbcAgendaStore.open(StoreSettings.fromEnv(Map.of("DATABASE_URL", db.url())))) {
            results.add(run(store, dir, users));
          }
        }
      }
      System.out.printf("%s, %d users, median of %d runs: save %.1f min simulated / %.2f s wall; change %.1f min simulated"
          + " / %.2f s wall%n", kind, users, runs, median(results, 0), median(results, 1), median(results, 2),
          median(results, 3));
    }
  }

  private static double[] run(JdbcAgendaStore store, Path dir, int users) throws Exception {
    Path catalogDir = Files.createDirectories(dir.resolve("catalog"));
    Files.copy(Path.of("catalog", "istiocon-2021.yaml"), catalogDir.resolve("istiocon-2021.yaml"));
    FakeClock clock = new FakeClock(Instant.parse("2021-02-20T00:00:00Z"));
    LiveCatalog catalog = new LiveCatalog(catalogDir, new CatalogReader(), clock, Ticker.systemTicker(), Runnable::run,
        Duration.ofDays(1), new LiveCatalog.Events() {});
    RateLimitedSlack slack = new RateLimitedSlack(clock);
    Reminders reminders = new Reminders(store, store, () -> catalog.current().catalog(), slack, clock,
        Reminders.DEFAULT_MINUTES, Pacer.tier3(clock), outcome -> { });
    ChangeNotices notices = new ChangeNotices(store, reminders, slack, Optional.of("C0ANNOUNCE"), change -> { });
    Session keynote = catalog.current().catalog().session("istiocon-2021", "a1k").orElseThrow();

    // 1. 1,000 users save the keynote, as fast as they click; the sweep schedules what had to wait.
    Instant simStart = clock.instant();
    long wallStart = System.nanoTime();
    for (int u = 0; u < users; u++) {
      String user = "U" + u;
      store.save(new AgendaEntry(user, keynote.conference(), keynote.id(), clock.instant()));
      reminders.saved(user, keynote);
    }
    drain(reminders, store, clock, users);
    double saveSim = Duration.between(simStart, clock.instant()).toSeconds() / 60.0;
    double saveWall = (System.nanoTime() - wallStart) / 1e9;
    check(slack.scheduled.size() == users && slack.scheduledUsers().size() == users,
        "every reminder scheduled once: " + slack.scheduled.size() + " calls for " + slack.scheduledUsers().size() + " users");
    System.out.printf("  save: %d scheduled, %d 429s from Slack, %.1f min simulated, %.2f s wall%n", slack.scheduled.size(),
        slack.rateLimited, saveSim, saveWall);

    // 2. The keynote moves by an hour: every user told once, every reminder deleted and scheduled again.
    Path file = catalogDir.resolve("istiocon-2021.yaml");
    String yaml = Files.readString(file);
    int at = yaml.indexOf("  - id: a1k\n");
    String block = yaml.substring(at, yaml.indexOf("\n  - id: ", at + 1));
    Files.writeString(file, yaml.replace(block, block.replace("2021-02-22T16:", "2021-02-22T17:")));
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now()));
    slack.scheduled.clear();
    int rateLimitedBefore = slack.rateLimited;
    simStart = clock.instant();
    wallStart = System.nanoTime();
    notices.check(catalog.reloadNow().catalog());
    drain(reminders, store, clock, users);
    double changeSim = Duration.between(simStart, clock.instant()).toSeconds() / 60.0;
    double changeWall = (System.nanoTime() - wallStart) / 1e9;
    check(slack.noticed.size() == users && new HashSet<>(slack.noticed).size() == users, "every user told once: "
        + slack.noticed.size());
    check(slack.deleted.size() == users && new HashSet<>(slack.deleted).size() == users, "every old reminder deleted once: "
        + slack.deleted.size());
    check(slack.scheduledUsers().size() == users && slack.scheduled.size() == users, "every reminder moved once");
    check(slack.announced == 1, "one summary: " + slack.announced);
    System.out.printf("  change: %d notices, %d deletes, %d scheduled again, %d 429s, %.1f min simulated, %.2f s wall%n",
        slack.noticed.size(), slack.deleted.size(), slack.scheduled.size(), slack.rateLimited - rateLimitedBefore, changeSim,
        changeWall);
    catalog.close();
    return new double[] {saveSim, saveWall, changeSim, changeWall};
  }

  /** Runs the sweep, moving the simulated clock a second at a time, until every user's reminder is with Slack. */
  private static void drain(Reminders reminders, JdbcAgendaStore store, FakeClock clock, int users) {
    for (int second = 0; second < 24 * 3600; second++) {
      reminders.sweep();
      if (second % 60 == 0 && scheduledCount(store, users) == users) {
        return;
      }
      clock.advance(Duration.ofSeconds(1));
    }
    throw new IllegalStateException("reminders still pending after a simulated day");
  }

  private static int scheduledCount(JdbcAgendaStore store, int users) {
    int n = 0;
    for (int u = 0; u < users; u++) {
      n += (int) store.reminders("U" + u).stream().filter(r -> r.isScheduled()).count();
    }
    return n;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("failed: " + what);
    }
  }

  private static double median(List<double[]> results, int i) {
    double[] values = results.stream().mapToDouble(r -> r[i]).sorted().toArray();
    return values[values.length / 2];
  }

  /** A Slack that enforces its published limits on the simulated clock and counts every call. */
  private static final class RateLimitedSlack implements ReminderSender {
    private final FakeClock clock;
    private final Deque<Instant> schedules = new ArrayDeque<>();
    private final Deque<Instant> deletes = new ArrayDeque<>();
    private final Deque<Instant> posts = new ArrayDeque<>();
    private final Map<String, List<Instant>> postAtByChannel = new HashMap<>();
    private final Map<String, Instant> lastPostByChannel = new HashMap<>();
    final List<String> scheduled = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();
    final List<String> noticed = new ArrayList<>();
    int announced;
    int rateLimited;
    private int ids;

    RateLimitedSlack(FakeClock clock) {
      this.clock = clock;
    }

    Set<String> scheduledUsers() {
      return new HashSet<>(scheduled);
    }

    @Override
    public Result schedule(String userId, Session talk, Instant postAt) {
      Optional<Duration> wait = take(schedules, 50, Duration.ofMinutes(1));
      if (wait.isPresent()) {
        rateLimited++;
        return Result.rateLimited(wait.get());
      }
      List<Instant> window = postAtByChannel.computeIfAbsent(userId, u -> new ArrayList<>());
      if (window.stream().filter(t -> Duration.between(t, postAt).abs().compareTo(Duration.ofMinutes(5)) < 0).count() >= 30) {
        return Result.of(Kind.TOO_MANY, "restricted_too_many");
      }
      window.add(postAt);
      scheduled.add(userId);
      return Result.scheduled("D" + userId, "Q" + (++ids));
    }

    @Override
    public Result delete(String channel, String scheduledMessageId) {
      Optional<Duration> wait = take(deletes, 50, Duration.ofMinutes(1));
      if (wait.isPresent()) {
        rateLimited++;
        return Result.rateLimited(wait.get());
      }
      deleted.add(scheduledMessageId);
      return Result.of(Kind.OK, null);
    }

    @Override
    public boolean notice(String userId, Notice notice) {
      post(userId);
      noticed.add(userId);
      return true;
    }

    @Override
    public boolean refused(String userId, Session talk, Kind why) {
      post(userId);
      return true;
    }

    @Override
    public boolean announce(String channel, List<Notice> notices) {
      post(channel);
      announced++;
      return true;
    }

    /** chat.postMessage as SlackPoster sends it: a 429 is waited out (the clock moves) and tried again. */
    private void post(String channel) {
      while (true) {
        Instant last = lastPostByChannel.get(channel);
        Optional<Duration> wait = last != null && Duration.between(last, clock.instant()).compareTo(Duration.ofSeconds(1)) < 0
            ? Optional.of(Duration.ofSeconds(1)) : take(posts, 600, Duration.ofMinutes(1));
        if (wait.isEmpty()) {
          lastPostByChannel.put(channel, clock.instant());
          return;
        }
        rateLimited++;
        clock.advance(wait.get());
      }
    }

    /** Takes one call in a sliding window; when full, returns how long until a slot frees (whole seconds, as Retry-After). */
    private Optional<Duration> take(Deque<Instant> calls, int limit, Duration window) {
      Instant now = clock.instant();
      while (!calls.isEmpty() && !calls.peekFirst().plus(window).isAfter(now)) {
        calls.removeFirst();
      }
      if (calls.size() < limit) {
        calls.addLast(now);
        return Optional.empty();
      }
      long seconds = Math.max(1, (Duration.between(now, calls.peekFirst().plus(window)).toMillis() + 999) / 1000);
      return Optional.of(Duration.ofSeconds(seconds));
    }
  }

  static TalkId id(Session s) {
    return new TalkId(s.conference(), s.id());
  }
}
