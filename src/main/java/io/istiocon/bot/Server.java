package io.istiocon.bot;

import com.github.benmanes.caffeine.cache.Ticker;
import io.istiocon.bot.agenda.CalendarLinks;
import io.istiocon.bot.calendar.CalendarServlet;
import io.istiocon.bot.catalog.Problem;
import io.istiocon.bot.docs.DocLinks;
import io.istiocon.bot.files.CatalogReader;
import io.istiocon.bot.files.LiveCatalog;
import io.istiocon.bot.ops.LogEncoder;
import io.istiocon.bot.ops.Metrics;
import io.istiocon.bot.search.QueryEngine;
import io.istiocon.bot.service.AgendaService;
import io.istiocon.bot.service.AnswerService;
import io.istiocon.bot.service.CatalogSnapshot;
import io.istiocon.bot.service.ChangeNotices;
import io.istiocon.bot.service.Pacer;
import io.istiocon.bot.service.ReminderSender;
import io.istiocon.bot.service.Reminders;
import io.istiocon.bot.slack.Settings;
import io.istiocon.bot.slack.SlackBot;
import io.istiocon.bot.slack.Sleeper;
import io.istiocon.bot.slack.StartException;
import io.istiocon.bot.store.JdbcAgendaStore;
import io.istiocon.bot.store.StoreSettings;
import io.istiocon.bot.store.StoreSettingsException;
import io.istiocon.bot.web.HttpServer;
import io.istiocon.bot.web.MetricsServlet;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code serve}: wires the live catalog, the answer service, the agenda store, the metrics, the
 * HTTP server and the Slack app together, and takes them apart in order. Slack's requests come to
 * {@code /slack/events} or over Socket Mode (the HTTP server then serves only the health endpoints
 * and {@code /metrics}); with {@code PUBLIC_URL} set, it also serves calendar feeds at
 * {@code /calendar/<token>.ics}. On SIGTERM (or Ctrl-C) it stops taking requests, lets the ones in progress
 * and the answers being posted finish for at most {@link #DRAIN}, and exits 0 (1 if it had to cut
 * some off).
 */
public final class Server implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Server.class);
  /** How long a shutdown waits for requests in progress and answers being posted before it gives up on them. */
  public static final Duration DRAIN = Duration.ofSeconds(10);
  /** How often the catalog files are checked for changes. */
  static final Duration POLL = Duration.ofSeconds(1);
  /** Answers kept for repeated questions. */
  static final int CACHED_ANSWERS = 10_000;
  /** How often expired claims are deleted; each is kept {@link AgendaService#CLAIMS_KEPT}, so at most this longer. */
  static final Duration PRUNE = Duration.ofMinutes(10);
  private static final int OK = 0;
  private static final int CUT_OFF = 1;
  private static final int BAD_SETTINGS = 2;

  /**
   * The seams tests replace: where to listen, the clock, the cache ticker, how to wait between Web
   * API retries, and the threads that answer events and clicks (the server shuts them down).
   */
  public record Options(String host, Clock clock, Ticker ticker, Sleeper sleeper, ExecutorService answering) {
    /** Returns the real ones: every interface, the system clock and ticker, real sleeping, a small pool. */
    public static Options production() {
      return new Options("0.0.0.0", Clock.systemUTC(), Ticker.systemTicker(), Sleeper.REAL, SlackBot.answeringPool());
    }
  }

  private final Metrics metrics = Metrics.create();
  private final ExecutorService answering;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private ScheduledExecutorService scheduler;
  /** Where reminders are swept and catalog changes told, one at a time, off the catalog's and Slack's threads. */
  private ScheduledExecutorService reminderWork;
  private Reminders reminders;
  private volatile ChangeNotices notices;
  private ExecutorService lookups;
  private JdbcAgendaStore store;
  private CalendarLinks calendarLinks;
  private LiveCatalog catalog;
  private SlackBot slack;
  private HttpServer http;

  private Server(ExecutorService answering) {
    this.answering = answering;
  }

  /**
   * Checks the tokens with Slack, opens the agenda store, loads the catalog and starts serving; the
   * exception says what to fix.
   */
  public static Server start(Settings settings, StoreSettings stored, Options options) throws StartException {
    return start(settings, stored, Optional.empty(), options);
  }

  /** Starts as {@link #start(Settings, StoreSettings, Options)} does, and serves calendar feeds when {@code publicUrl} is present. */
  public static Server start(Settings settings, StoreSettings stored, Optional<URI> publicUrl, Options options)
      throws StartException {
    return start(settings, stored, publicUrl, Reminding.DEFAULTS, options);
  }

  /** Starts as {@link #start(Settings, StoreSettings, Optional, Options)} does, with these reminder settings. */
  public static Server start(Settings settings, StoreSettings stored, Optional<URI> publicUrl, Reminding reminding,
      Options options) throws StartException {
    Server server = new Server(options.answering());
    try {
      server.run(settings, stored, publicUrl, reminding, options);
      return server;
    } catch (StartException | RuntimeException e) {
      server.shutdown(Duration.ZERO);
      throw e;
    }
  }

  private void run(Settings settings, StoreSettings stored, Optional<URI> publicUrl, Reminding reminding, Options options)
      throws StartException {
    if (!Files.isDirectory(settings.catalogDir()) && !Files.isRegularFile(settings.catalogDir())) {
      throw new StartException("CATALOG_DIR " + settings.catalogDir() + " does not exist: point it at the folder "
          + "with the catalog files (default ./catalog); " + Settings.SEE);
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "catalog-poll");
      t.setDaemon(true);
      return t;
    });
    AnswerService answers = new AnswerService(() -> catalog.current(), new QueryEngine(), options.ticker(), CACHED_ANSWERS);
    metrics.cache("answers", answers, AnswerService::cacheHits, AnswerService::cacheMisses);
    catalog = new LiveCatalog(settings.catalogDir(), new CatalogReader(), options.clock(), options.ticker(), scheduler,
        POLL, new LiveCatalog.Events() {
          @Override
          public void loaded(CatalogSnapshot snapshot, Duration took) {
            answers.invalidate();
            checkChanges(snapshot);
            metrics.catalogLoaded(snapshot.catalog().version(), snapshot.catalog().conferences().size(),
                snapshot.catalog().size(), snapshot.problems().size());
          }

          @Override
          public void rejected(String file, List<Problem> problems) {
            metrics.catalogRejected();
          }
        });
    // The agenda store opens while Slack checks the token: SQLite's native library and Flyway's
    // migrations take most of a second of a cold start. It is waited for even when the token is
    // refused (it logs nothing, so that stays serve's one line), which is what puts its classes in
    // the image's class archive: the training step stops at that refusal (see the Dockerfile).
    FutureTask<JdbcAgendaStore> opening = new FutureTask<>(() -> open(stored));
    Thread opener = new Thread(opening, "store-open");
    opener.setDaemon(true);
    opener.start();
    try {
      slack = SlackBot.signIn(settings, metrics);
    } catch (StartException | RuntimeException e) {
      try {
        store = opened(opening); // closed by the shutdown that follows
      } catch (StartException | RuntimeException alsoFailed) {
        log.debug("the agenda store did not open either: {}", alsoFailed.getMessage()); // the token's error is shown
      }
      throw e;
    }
    // The first load runs while the app and the HTTP server are built, which takes a few hundred
    // milliseconds off the start-up on two cores. Not before the tokens are checked: a refused
    // token must stop serve with its one line and nothing else.
    scheduler.execute(catalog::current);
    store = opened(opening);
    calendarLinks = publicUrl.map(url -> new CalendarLinks(store, url, new SecureRandom(), options.clock())).orElse(null);
    lookups = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "agenda-lookup");
      t.setDaemon(true);
      return t;
    });
    AgendaService agenda = new AgendaService(store, Optional.ofNullable(calendarLinks), () -> catalog.current().catalog(),
        options.clock(), options.ticker(), lookups, metrics::storeError);
    ReminderSender sender = slack.reminderSender(options.sleeper());
    reminders = new Reminders(store, store, () -> catalog.current().catalog(), sender, options.clock(), reminding.minutes(),
        Pacer.tier3(options.clock()), metrics::reminder);
    reminderWork = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "reminders");
      t.setDaemon(true);
      return t;
    });
    notices = new ChangeNotices(store, reminders, sender, reminding.announceChannel(), metrics::notice);
    slack.start(answers, agenda, reminders, options.clock(), options.ticker(), options.sleeper(), answering);
    http = new HttpServer(options.host(), settings.port(), () -> readiness(catalog.current()));
    http.mount("/metrics", new MetricsServlet(metrics::scrape));
    if (!settings.socketMode()) {
      http.mount("/slack/events", slack.events());
    }
    if (calendarLinks != null) {
      http.mountUnder(CalendarLinks.FEED_FOLDER,
          new CalendarServlet(calendarLinks, agenda, store, options.clock()));
      log.info("calendar feeds at {}{}/<token>.ics", publicUrl.get(), CalendarLinks.FEED_FOLDER);
    }
    try {
      http.start();
    } catch (IOException e) {
      throw new StartException("PORT " + settings.port() + ": " + e.getMessage() + "; set PORT to a free port; " + Settings.SEE);
    }
    CatalogSnapshot first = catalog.current(); // waits for the first load if it is still running
    if (!first.ready()) {
      log.warn("no catalog loaded from {} yet ({} problem(s) above); /readyz says 503 until one loads",
          settings.catalogDir(), first.problems().size());
    }
    catalog.start(scheduler);
    scheduler.scheduleWithFixedDelay(agenda::pruneClaims, PRUNE.toMillis(), PRUNE.toMillis(), TimeUnit.MILLISECONDS);
    checkChanges(first); // a change made while the bot was down, against what the store last recorded
    reminderWork.scheduleWithFixedDelay(() -> guarded("sweep reminders", reminders::sweep), Reminders.SWEEP.toMillis(),
        Reminders.SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    if (settings.socketMode()) {
      slack.connectSocketMode();
    }
    log.info("serving {} mode as {}; health on port {}; agenda in {}", settings.socketMode() ? "Socket Mode" : "HTTP",
        slack.identity(), http.port(), store);
    metrics.bindJvm();
  }

  /** Returns the calendar feed links, which "my agenda" shows; empty when {@code PUBLIC_URL} is not set. */
  public Optional<CalendarLinks> calendarLinks() {
    return Optional.ofNullable(calendarLinks);
  }

  /** Returns the HTTP port (the chosen one when {@code PORT} is 0). */
  public int port() {
    return http.port();
  }

  /** Blocks until the HTTP server stops. */
  public void join() throws InterruptedException {
    http.join();
  }

  /**
   * Rescans the catalog now, on the calling thread, and returns what is served afterwards, once the
   * changes to saved talks it brought have been told and their reminders moved.
   */
  public CatalogSnapshot reloadCatalog() {
    CatalogSnapshot snapshot = catalog.reloadNow();
    await(reminderWork.submit(() -> guarded("tell catalog changes", () -> notices.check(snapshot.catalog()))));
    return snapshot;
  }

  /** Runs a reminder sweep now (it also runs every {@link Reminders#SWEEP}); returns how many Slack took. */
  public int sweepReminders() {
    return await(reminderWork.submit(reminders::sweep));
  }

  private void checkChanges(CatalogSnapshot snapshot) {
    ChangeNotices told = notices;
    if (told != null && snapshot.ready()) {
      reminderWork.execute(() -> guarded("tell catalog changes", () -> told.check(snapshot.catalog())));
    }
  }

  private static void guarded(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      log.error("could not {}: {}; the next run tries again", what, e.toString(), e);
    }
  }

  private static <T> T await(Future<T> work) {
    try {
      return work.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Stops gracefully: stops taking requests (closes the port, or the Socket Mode connection), lets
   * the requests in progress and the answers being computed or posted finish for at most
   * {@code grace} in all, then releases everything. Returns false if some work was cut off. Only
   * the first call does anything.
   */
  public boolean shutdown(Duration grace) {
    if (!stopped.compareAndSet(false, true)) {
      return true;
    }
    long deadline = System.nanoTime() + grace.toNanos();
    boolean drained = true;
    if (slack != null) {
      slack.disconnect();
    }
    if (http != null) {
      drained &= http.stop(remaining(deadline));
    }
    drained &= drainAnswers(remaining(deadline));
    if (slack != null) {
      slack.close();
    }
    if (lookups != null) {
      lookups.shutdownNow();
    }
    if (reminderWork != null) {
      reminderWork.shutdownNow();
    }
    if (store != null) {
      store.close();
    }
    if (catalog != null) {
      catalog.close();
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    metrics.close();
    return drained;
  }

  /** Shuts down gracefully, waiting at most {@link #DRAIN}. */
  @Override
  public void close() {
    shutdown(DRAIN);
  }

  /** Lets the answers being computed or posted finish for at most {@code grace}; returns false if some were cut off. */
  private boolean drainAnswers(Duration grace) {
    answering.shutdown();
    try {
      if (answering.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
        return true;
      }
      int abandoned = answering.shutdownNow().size();
      log.warn("stopped waiting: cut off the answers still running and {} not started", abandoned);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answering.shutdownNow();
    }
    return false;
  }

  /** Waits for the store that {@code opening} opens; its failure is rethrown as it was thrown. */
  private static JdbcAgendaStore opened(FutureTask<JdbcAgendaStore> opening) throws StartException {
    try {
      return opening.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartException("interrupted while opening the agenda store");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StartException refused) {
        throw refused;
      }
      if (e.getCause() instanceof RuntimeException failed) {
        throw failed;
      }
      throw new IllegalStateException("opening the agenda store failed", e.getCause());
    }
  }

  private static JdbcAgendaStore open(StoreSettings stored) throws StartException {
    try {
      return JdbcAgendaStore.open(stored);
    } catch (StoreSettingsException e) {
      throw new StartException(e.getMessage());
    }
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  private static HttpServer.Readiness readiness(CatalogSnapshot snapshot) {
    if (snapshot.ready()) {
      return new HttpServer.Readiness(true, "ready: catalog v" + snapshot.catalog().version() + " ("
          + snapshot.catalog().digest() + "), " + snapshot.catalog().size() + " sessions");
    }
    return new HttpServer.Readiness(false, "not ready: no catalog loaded (" + snapshot.problems().size()
        + " problem(s); see the logs)");
  }

  // ---- the serve command ------------------------------------------------------------------

  /** Serves until the server stops; returns 2 with one message on {@code err} when it cannot start. */
  static int serve(Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      checkLogFormat(env);
      Settings settings = Settings.fromEnv(env);
      StoreSettings stored = StoreSettings.fromEnv(env);
      Optional<URI> publicUrl = PublicUrl.fromEnv(env);
      Reminding reminding = Reminding.fromEnv(env);
      Optional<Imports.Polling> feeds = Imports.feeds(env, settings.catalogDir());
      try (Server server = start(settings, stored, publicUrl, reminding, Options.production())) {
        feeds.ifPresent(Imports.Polling::start);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "shutdown"));
        out.println("istiocon-bot: " + (settings.socketMode()
            ? "connected over Socket Mode; health checks on http://0.0.0.0:" + server.port() + "/healthz"
            : "listening on http://0.0.0.0:" + server.port() + "/slack/events"));
        out.flush();
        server.join();
        return OK;
      }
    } catch (StartException | StoreSettingsException e) {
      err.println("istiocon-bot: " + e.getMessage());
      return BAD_SETTINGS;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OK;
    }
  }

  /**
   * Runs in the JVM's shutdown hook: drains, then halts with 0 (or 1 when work was cut off), since a
   * JVM stopped by a signal would otherwise exit with 128 + the signal's number.
   */
  private static void stop(Server server) {
    log.info("stopping: no new requests; waiting up to {} s for the ones in progress and the answers being posted",
        DRAIN.toSeconds());
    boolean drained = server.shutdown(DRAIN);
    log.info("stopped{}", drained ? " after finishing all work" : "; some work was cut off");
    Runtime.getRuntime().halt(drained ? OK : CUT_OFF);
  }

  private static void checkLogFormat(Map<String, String> env) throws StartException {
    String format = env.get("LOG_FORMAT");
    if (format != null && !LogEncoder.FORMATS.contains(format.strip().toLowerCase(Locale.ROOT))) {
      throw new StartException("LOG_FORMAT must be one of " + String.join(", ", LogEncoder.FORMATS) + ", got \""
          + format + "\"; unset it for text; " + DocLinks.see(DocLinks.LOGS));
    }
  }
}
