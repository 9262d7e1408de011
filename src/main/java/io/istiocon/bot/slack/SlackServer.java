package io.istiocon.bot.slack;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import io.istiocon.bot.files.CatalogReader;
import io.istiocon.bot.files.LiveCatalog;
import io.istiocon.bot.files.Problem;
import io.istiocon.bot.ops.Metrics;
import io.istiocon.bot.search.QueryEngine;
import io.istiocon.bot.service.AnswerService;
import io.istiocon.bot.web.HttpServer;
import io.istiocon.bot.web.MetricsServlet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Slack app: the live catalog and the answer service, the Bolt app, and either the
 * HTTP server with {@code /slack/events} or a Socket Mode connection (the HTTP server then serves
 * only the health endpoints and {@code /metrics}). {@link #shutdown(Duration)} stops it gracefully.
 */
public final class SlackServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackServer.class);
  /** How often the catalog files are checked for changes. */
  static final Duration POLL = Duration.ofSeconds(1);
  /** Threads that answer events and button clicks after Bolt has acknowledged them. */
  static final int ANSWER_THREADS = 4;
  /**
   * Answers waiting for a thread, at most. Slack sends an app at most about 30,000 events an hour,
   * so this is minutes of work; a flood beyond it is refused (logged and counted) instead of
   * growing the heap until the process dies.
   */
  static final int ANSWER_BACKLOG = 5_000;
  /** How long a shutdown waits for requests in progress and answers being posted before it gives up on them. */
  public static final Duration DRAIN = Duration.ofSeconds(10);

  /**
   * The seams tests replace: where to listen, the clock, the cache ticker, how to wait between Web
   * API retries, and the threads that answer events and clicks (the server shuts them down on close).
   */
  public record Options(String host, Clock clock, Ticker ticker, Sleeper sleeper, ExecutorService answering) {
    /** Returns the real ones: every interface, the system clock and ticker, real sleeping, a small pool. */
    public static Options production() {
      return new Options("0.0.0.0", Clock.systemUTC(), Ticker.systemTicker(), Sleeper.REAL,
          answeringPool());
    }
  }

  private static ExecutorService answeringPool() {
    return new java.util.concurrent.ThreadPoolExecutor(ANSWER_THREADS, ANSWER_THREADS, 0, TimeUnit.MILLISECONDS,
        new java.util.concurrent.ArrayBlockingQueue<>(ANSWER_BACKLOG), daemon("slack-answer"));
  }

  private final Slack slack;
  private final Metrics metrics;
  private final ScheduledExecutorService scheduler;
  private final LiveCatalog catalog;
  private final ExecutorService answering;
  private final App app;
  private final HttpServer http;
  private final SocketModeApp socket;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private SlackServer(Slack slack, Metrics metrics, ScheduledExecutorService scheduler, LiveCatalog catalog,
      ExecutorService answering, App app, HttpServer http, SocketModeApp socket) {
    this.slack = slack;
    this.metrics = metrics;
    this.scheduler = scheduler;
    this.catalog = catalog;
    this.answering = answering;
    this.app = app;
    this.http = http;
    this.socket = socket;
  }

  /** Checks the tokens with Slack, loads the catalog and starts serving; the exception says what to fix. */
  public static SlackServer start(Settings settings, Options options) throws StartException {
    if (!Files.isDirectory(settings.catalogDir()) && !Files.isRegularFile(settings.catalogDir())) {
      throw new StartException("CATALOG_DIR " + settings.catalogDir() + " does not exist: point it at the folder "
          + "with the catalog files (default ./catalog); " + Settings.SEE);
    }
    Metrics metrics = Metrics.create();
    Slack slack = null;
    ScheduledExecutorService scheduler = null;
    LiveCatalog catalog = null;
    ExecutorService answering = options.answering();
    App app = null;
    HttpServer http = null;
    try {
      scheduler = Executors.newSingleThreadScheduledExecutor(daemon("catalog-poll"));
      AtomicReference<AnswerService> answers = new AtomicReference<>();
      catalog = new LiveCatalog(settings.catalogDir(), new CatalogReader(), options.clock(), options.ticker(), scheduler,
          POLL, new LiveCatalog.Events() {
            @Override
            public void loaded(LiveCatalog.Snapshot snapshot, Duration took) {
              AnswerService service = answers.get();
              if (service != null) {
                service.invalidate();
              }
              metrics.catalogLoaded(snapshot.catalog().version(), snapshot.catalog().conferences().size(),
                  snapshot.catalog().size(), snapshot.problems().size());
            }

            @Override
            public void rejected(String file, List<Problem> problems) {
              metrics.catalogRejected();
            }
          });
      slack = slack(slackConfig(settings));
      AuthTestResponse bot = authTest(slack, settings, metrics);
      if (settings.socketMode()) {
        checkAppToken(slack, settings, metrics);
      }
      // The first load runs while the app and the HTTP server are built, which takes a few hundred
      // milliseconds off the start-up on two cores. Not before the tokens are checked: a refused
      // token must stop serve with its one line and nothing else.
      scheduler.execute(catalog::current);
      answers.set(new AnswerService(catalog::current, new QueryEngine(), options.ticker(), 10_000));
      metrics.cache("answers", answers.get(), AnswerService::cacheHits, AnswerService::cacheMisses);
      SlackPoster poster = new SlackPoster(slack, settings.botToken(), options.sleeper(), metrics);
      SlackApp handlers = new SlackApp(answers.get(), poster, new SeenEvents(options.ticker(), SeenEvents.REMEMBER),
          options.clock(), answering, bot.getUserId(), metrics, options.ticker());
      app = handlers.build(slack, settings, bot);
      app.start();
      LiveCatalog live = catalog;
      http = new HttpServer(options.host(), settings.port(), () -> readiness(live.current()));
      http.mount("/metrics", new MetricsServlet(metrics::scrape));
      if (!settings.socketMode()) {
        http.mount("/slack/events", new EventsServlet(app));
      }
      try {
        http.start();
      } catch (IOException e) {
        throw new StartException("PORT " + settings.port() + ": " + e.getMessage() + "; set PORT to a free port; " + Settings.SEE);
      }
      LiveCatalog.Snapshot first = catalog.current(); // waits for the first load if it is still running
      if (!first.ready()) {
        log.warn("no catalog loaded from {} yet ({} problem(s) above); /readyz says 503 until one loads",
            settings.catalogDir(), first.problems().size());
      }
      catalog.start(scheduler);
      SocketModeApp socket = null;
      if (settings.socketMode()) {
        socket = connect(settings, app);
      }
      log.info("serving {} mode as @{} ({}) in {}; health on port {}", settings.socketMode() ? "Socket Mode" : "HTTP",
          bot.getUser(), bot.getUserId(), bot.getTeam(), http.port());
      metrics.bindJvm();
      return new SlackServer(slack, metrics, scheduler, catalog, answering, app, http, socket);
    } catch (StartException | RuntimeException e) {
      new SlackServer(slack, metrics, scheduler, catalog, answering, app, http, null).shutdown(Duration.ZERO);
      throw e;
    }
  }

  /** Returns the HTTP port (the chosen one when {@code PORT} is 0). */
  public int port() {
    return http.port();
  }

  /** Blocks until the HTTP server stops. */
  public void join() throws InterruptedException {
    http.join();
  }

  /** Rescans the catalog now, on the calling thread, and returns what is served afterwards. */
  public LiveCatalog.Snapshot reloadCatalog() {
    return catalog.reloadNow();
  }

  /**
   * Stops gracefully: stops taking events (closes the port, or the Socket Mode connection), lets
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
    if (socket != null) {
      try {
        socket.close();
      } catch (Exception e) {
        log.warn("closing the Socket Mode connection failed: {}", e.toString());
      }
    }
    if (http != null) {
      drained &= http.stop(remaining(deadline));
    }
    if (app != null) {
      app.stop();
    }
    if (answering != null) {
      answering.shutdown();
      try {
        if (!answering.awaitTermination(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS)) {
          drained = false;
          int abandoned = answering.shutdownNow().size();
          log.warn("stopped waiting after {} s: cut off the answers still running and {} not started", grace.toSeconds(),
              abandoned);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answering.shutdownNow();
        drained = false;
      }
    }
    if (catalog != null) {
      catalog.close();
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (slack != null) {
      try {
        slack.close();
      } catch (Exception e) {
        log.debug("closing the Slack client failed: {}", e.toString());
      }
    }
    metrics.close();
    return drained;
  }

  /** Shuts down gracefully, waiting at most {@link #DRAIN}. */
  @Override
  public void close() {
    shutdown(DRAIN);
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  // ---- start-up checks --------------------------------------------------------------------

  /**
   * Returns the Slack client for {@code config}. OkHttp by default silently re-sends a request whose
   * pooled connection broke, even when Slack may already have taken it; here it does not, and
   * {@link SlackPoster} alone decides what is retried, so an answer is never posted twice.
   */
  static Slack slack(SlackConfig config) {
    return Slack.getInstance(config, new SlackHttpClient(
        SlackHttpClient.buildOkHttpClient(config).newBuilder().retryOnConnectionFailure(false).build()));
  }

  private static SlackConfig slackConfig(Settings settings) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    // Stats resolve each token's team with an extra auth.test and keep background threads; we need neither.
    config.setStatsEnabled(false);
    if (loopback(settings.apiUrl())) {
      config.setProxyUrl(null); // a proxy cannot reach this machine's own loopback
    }
    return config;
  }

  private static boolean loopback(String url) {
    try {
      String host = URI.create(url).getHost();
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (IllegalArgumentException | UnknownHostException e) {
      return false;
    }
  }

  private static AuthTestResponse authTest(Slack slack, Settings settings, Metrics metrics) throws StartException {
    try {
      AuthTestResponse response = slack.methods().authTest(r -> r.token(settings.botToken()));
      metrics.slackCall("auth.test", response.isOk() ? null : "refused");
      if (!response.isOk()) {
        throw new StartException("SLACK_BOT_TOKEN was refused by Slack (" + response.getError() + "): copy the Bot User "
            + "OAuth Token again from the app's OAuth & Permissions page; " + Settings.SEE);
      }
      return response;
    } catch (IOException e) {
      metrics.slackCall("auth.test", "network");
      throw new StartException("could not reach the Slack Web API at " + settings.apiUrl() + " (" + e.getMessage()
          + "); check SLACK_API_URL and the network; " + Settings.SEE);
    } catch (SlackApiException e) {
      metrics.slackCall("auth.test", e.getResponse().code() >= 500 ? "server_error" : "refused");
      throw new StartException("the Slack Web API at " + settings.apiUrl() + " answered auth.test with HTTP "
          + e.getResponse().code() + "; check SLACK_API_URL; " + Settings.SEE);
    }
  }

  /** Asks for a connection once ourselves, so a refused app token gets a clear message rather than Bolt's stack trace. */
  private static void checkAppToken(Slack slack, Settings settings, Metrics metrics) throws StartException {
    try {
      AppsConnectionsOpenResponse response = slack.methods().appsConnectionsOpen(r -> r.token(settings.appToken()));
      metrics.slackCall("apps.connections.open", response.isOk() ? null : "refused");
      if (!response.isOk()) {
        throw new StartException("SLACK_APP_TOKEN was refused by Slack (" + response.getError() + "): create an app-level "
            + "token with the connections:write scope on the app's Basic Information page; " + Settings.SEE);
      }
    } catch (IOException e) {
      throw new StartException("could not reach the Slack Web API at " + settings.apiUrl() + " (" + e.getMessage()
          + "); check SLACK_API_URL and the network; " + Settings.SEE);
    } catch (SlackApiException e) {
      throw new StartException("the Slack Web API at " + settings.apiUrl() + " answered apps.connections.open with HTTP "
          + e.getResponse().code() + "; check SLACK_API_URL; " + Settings.SEE);
    }
  }

  private static SocketModeApp connect(Settings settings, App app) throws StartException {
    try {
      SocketModeApp socket = new SocketModeApp(settings.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
      socket.startAsync();
      return socket;
    } catch (Exception e) {
      throw new StartException("Socket Mode did not connect (" + e.getMessage() + "); " + Settings.SEE);
    }
  }

  private static HttpServer.Readiness readiness(LiveCatalog.Snapshot snapshot) {
    if (snapshot.ready()) {
      return new HttpServer.Readiness(true, "ready: catalog v" + snapshot.catalog().version() + " ("
          + snapshot.catalog().digest() + "), " + snapshot.catalog().size() + " sessions");
    }
    return new HttpServer.Readiness(false, "not ready: no catalog loaded (" + snapshot.problems().size()
        + " problem(s); see the logs)");
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
