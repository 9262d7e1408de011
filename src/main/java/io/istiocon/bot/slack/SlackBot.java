package io.istiocon.bot.slack;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.http.SlackHttpClient;
import io.istiocon.bot.ops.Metrics;
import io.istiocon.bot.service.AgendaService;
import io.istiocon.bot.service.AnswerService;
import io.istiocon.bot.service.ReminderSender;
import io.istiocon.bot.service.Reminders;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.servlet.http.HttpServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of {@code serve}: signs in with the tokens, runs the Bolt app with our handlers, and
 * takes Slack's requests either over HTTP ({@link #events()}, for the caller to mount) or over a
 * Socket Mode connection ({@link #connectSocketMode()}).
 */
public final class SlackBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackBot.class);
  /** Threads that answer events and button clicks after Bolt has acknowledged them. */
  static final int ANSWER_THREADS = 4;
  /**
   * Answers waiting for a thread, at most. Slack sends an app at most about 30,000 events an hour,
   * so this is minutes of work; a flood beyond it is refused (logged, counted, and answered 503 so
   * that Slack delivers it again) instead of growing the heap until the process dies.
   */
  static final int ANSWER_BACKLOG = 5_000;

  private final Settings settings;
  private final Slack slack;
  private final AuthTestResponse bot;
  private final Metrics metrics;
  private App app;
  private SocketModeApp socket;
  /** Asks Slack for askers' zones ({@code users.info}); its own threads, so a slow answer is left behind, not waited on. */
  private final ExecutorService zoneLookups = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "slack-user-zone");
    t.setDaemon(true);
    return t;
  });

  private SlackBot(Settings settings, Slack slack, AuthTestResponse bot, Metrics metrics) {
    this.settings = settings;
    this.slack = slack;
    this.bot = bot;
    this.metrics = metrics;
  }

  /** Returns the pool {@code serve} answers events and clicks on: a few threads and a bounded queue. */
  public static ExecutorService answeringPool() {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(ANSWER_THREADS, ANSWER_THREADS, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(ANSWER_BACKLOG), r -> {
          Thread t = new Thread(r, "slack-answer-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Checks the bot token (and in Socket Mode the app token) with Slack; the exception says which to
   * fix, and nothing else has started.
   */
  public static SlackBot signIn(Settings settings, Metrics metrics) throws StartException {
    Slack slack = slack(slackConfig(settings));
    try {
      AuthTestResponse bot = authTest(slack, settings, metrics);
      if (settings.socketMode()) {
        checkAppToken(slack, settings, metrics);
      }
      return new SlackBot(settings, slack, bot, metrics);
    } catch (StartException | RuntimeException e) {
      closeQuietly(slack);
      throw e;
    }
  }

  /**
   * Builds and starts the Bolt app: questions answered by {@code answers}, agendas kept by
   * {@code agenda} and their reminders by {@code reminders}, events and clicks answered on {@code answering} after the acknowledgement.
   *
   * @param clock the time questions are asked at, and signatures are checked against
   * @param ticker the caches' clock and the answer-latency measure (a fake one in tests)
   * @param sleeper waits between Web API retries
   */
  public void start(AnswerService answers, AgendaService agenda, Reminders reminders, Clock clock, Ticker ticker,
      Sleeper sleeper, Executor answering) {
    SlackPoster poster = new SlackPoster(slack, settings.botToken(), sleeper, metrics);
    UserZones zones = new UserZones(poster::userZone, zoneLookups, ticker);
    SlackApp handlers = new SlackApp(answers, agenda, reminders, poster, zones, new SeenEvents(ticker, SeenEvents.REMEMBER), clock,
        answering, bot.getUserId(), metrics, ticker);
    app = handlers.build(slack, settings, bot);
    app.start();
  }

  /**
   * Returns reminders and change notices on Slack's Web API with the bot token: scheduled DMs, their
   * deletes, and notices posted with the same retries as answers (waiting with {@code sleeper}).
   */
  public ReminderSender reminderSender(Sleeper sleeper) {
    return new SlackReminders(slack.methods(settings.botToken()), new SlackPoster(slack, settings.botToken(), sleeper,
        metrics), metrics);
  }

  /** Returns the servlet for {@code POST /slack/events} in HTTP mode. */
  public HttpServlet events() {
    return new EventsServlet(app);
  }

  /** Opens the Socket Mode connection; Slack's requests come over it from then on. */
  public void connectSocketMode() throws StartException {
    try {
      socket = new SocketModeApp(settings.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
      socket.startAsync();
    } catch (Exception e) {
      throw new StartException("Socket Mode did not connect (" + e.getMessage() + "); " + Settings.SEE);
    }
  }

  /** Returns who the bot is, for the start-up log: {@code @name (user id) in team}. */
  public String identity() {
    return "@" + bot.getUser() + " (" + bot.getUserId() + ") in " + bot.getTeam();
  }

  /** Closes the Socket Mode connection, if any, so no new request arrives; answers in progress go on. */
  public void disconnect() {
    if (socket != null) {
      try {
        socket.close();
      } catch (Exception e) {
        log.warn("closing the Socket Mode connection failed: {}", e.toString());
      }
    }
  }

  /** Stops the Bolt app and closes the Slack client; call once the answers being posted are done. */
  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
    zoneLookups.shutdownNow();
    closeQuietly(slack);
  }

  /**
   * Returns the Slack client for {@code config}. OkHttp by default silently re-sends a request whose
   * connection broke, even after Slack may already have taken it; here it does not, and
   * {@link SlackPoster} alone decides what is retried, so an answer is never posted twice. What
   * OkHttp's re-send was good for, a pooled connection the server had closed, is caught before
   * the request goes out by {@link StaleConnections}, and retried by {@link SlackPoster}.
   */
  static Slack slack(SlackConfig config) {
    return Slack.getInstance(config, new SlackHttpClient(SlackHttpClient.buildOkHttpClient(config).newBuilder()
        .retryOnConnectionFailure(false).addNetworkInterceptor(new StaleConnections()).build()));
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

  private static void closeQuietly(Slack slack) {
    try {
      slack.close();
    } catch (Exception e) {
      log.debug("closing the Slack client failed: {}", e.toString());
    }
  }
}
