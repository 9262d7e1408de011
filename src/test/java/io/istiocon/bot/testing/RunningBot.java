package io.istiocon.bot.testing;

import io.istiocon.bot.Reminding;
import io.istiocon.bot.Server;
import io.istiocon.bot.agenda.CalendarLinks;
import io.istiocon.bot.slack.Settings;
import io.istiocon.bot.slack.StartException;
import io.istiocon.bot.store.StoreSettings;
import io.istiocon.bot.store.StoreSettingsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The whole bot as {@code serve} runs it, on 127.0.0.1 and a free port, with the Web API pointed at
 * a {@link FakeSlack}, a fixed clock, a fake ticker, a recording sleeper, one answering thread (so
 * answers come in the order their events arrived) and, unless the test names a store, the agenda in
 * a SQLite file in a temporary DATA_DIR of its own. Sends signed requests shaped like Slack's.
 */
public final class RunningBot implements AutoCloseable {
  public static final String SECRET = "test-signing-secret";
  /** Monday of IstioCon 2021, 17:45 UTC: "I want to sketch a mesh for you" is on. */
  public static final Instant NOW = Instant.parse("2021-02-22T17:45:00Z");
  public static final String FORM = "application/x-www-form-urlencoded";
  public static final String JSON = "application/json";

  public final FakeSlack slack;
  public final Server server;
  public final RecordingSleeper sleeper = new RecordingSleeper();
  public final FakeTicker ticker = new FakeTicker();
  public final Clock clock;
  public final SlackSigner signer;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicInteger clicks = new AtomicInteger();
  /** The temporary DATA_DIR this bot made, deleted when it closes; null when the test chose the store. */
  private final Path dataDir;

  private RunningBot(FakeSlack slack, Map<String, String> env, int answeringThreads, Clock clock) throws StartException {
    this.slack = slack;
    this.clock = clock;
    this.signer = new SlackSigner(SECRET, clock);
    Map<String, String> all = new HashMap<>(env);
    this.dataDir = env.containsKey("DATA_DIR") || env.containsKey("DATABASE_URL") ? null : temporaryFolder();
    if (dataDir != null) {
      all.put("DATA_DIR", dataDir.toString());
    }
    try {
      Optional<URI> publicUrl = Optional.ofNullable(all.get("PUBLIC_URL")).map(CalendarLinks::publicUrl);
      this.server = Server.start(Settings.fromEnv(all), StoreSettings.fromEnv(all), publicUrl, Reminding.fromEnv(all),
          new Server.Options("127.0.0.1", clock, ticker, sleeper, Executors.newFixedThreadPool(answeringThreads)));
    } catch (StoreSettingsException e) {
      delete(dataDir);
      throw new StartException(e.getMessage());
    } catch (StartException | RuntimeException e) {
      delete(dataDir);
      throw e;
    }
  }

  /** Starts the bot in HTTP mode over the real catalog. */
  public static RunningBot start() throws StartException {
    return start(Path.of("catalog"), Map.of());
  }

  /** Starts the bot over a catalog folder, with extra or replaced variables. */
  public static RunningBot start(Path catalog, Map<String, String> extra) throws StartException {
    FakeSlack slack = new FakeSlack();
    try {
      return start(slack, catalog, extra);
    } catch (StartException | RuntimeException e) {
      closeQuietly(slack);
      throw e;
    }
  }

  /** Starts the bot against an existing fake. */
  public static RunningBot start(FakeSlack slack, Path catalog, Map<String, String> extra) throws StartException {
    return start(slack, catalog, extra, 1);
  }

  /** Starts the bot against an existing fake, answering events and clicks on this many threads. */
  public static RunningBot start(FakeSlack slack, Path catalog, Map<String, String> extra, int answeringThreads)
      throws StartException {
    return start(slack, catalog, extra, answeringThreads, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** Starts the bot against an existing fake, with its time from {@code clock} (a {@link FakeClock} to move it). */
  public static RunningBot start(FakeSlack slack, Path catalog, Map<String, String> extra, int answeringThreads, Clock clock)
      throws StartException {
    Map<String, String> env = new HashMap<>(env(slack, catalog));
    env.putAll(extra);
    return new RunningBot(slack, env, answeringThreads, clock);
  }

  /** Returns the variables a test server runs with. */
  public static Map<String, String> env(FakeSlack slack, Path catalog) {
    return Map.of("SLACK_BOT_TOKEN", "xoxb-test-token", "SLACK_SIGNING_SECRET", SECRET, "PORT", "0",
        "CATALOG_DIR", catalog.toString(), "SLACK_API_URL", slack.apiUrl());
  }

  /** Returns a URL on the bot, such as {@code /healthz}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  /** Sends {@code /istiocon text} as Slack does, with its response_url pointing at the fake. */
  public HttpResponse<String> command(String text) {
    String body = Fixtures.form("command.form", Map.of("text", text, "response_url", slack.responseUrl("command")));
    return signed(body, FORM, Map.of());
  }

  /** Sends a button click by U0USER1: a {@code block_actions} payload from the fixture, with a trigger id of its own. */
  public HttpResponse<String> click(String actionId, String value, boolean ephemeral, String responseUrlName) {
    return click("U0USER1", actionId, value, ephemeral, responseUrlName, "1614015950." + clicks.incrementAndGet() + ".abcdef");
  }

  /** Sends a button click by {@code user} with this trigger id (a retried click repeats it). */
  public HttpResponse<String> click(String user, String actionId, String value, boolean ephemeral, String responseUrlName,
      String triggerId) {
    String body = Fixtures.interactive("block_actions.json", Map.of("user", user, "action_id", actionId, "value", value,
        "is_ephemeral", Boolean.toString(ephemeral), "response_url", slack.responseUrl(responseUrlName),
        "trigger_id", triggerId));
    return signed(body, FORM, Map.of());
  }

  /** Sends {@code /istiocon text} as {@code user}. */
  public HttpResponse<String> command(String user, String text, String responseUrlName) {
    String body = Fixtures.form("command.form", Map.of("text", text, "response_url", slack.responseUrl(responseUrlName)))
        .replace("user_id=U0USER1", "user_id=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
    return signed(body, FORM, Map.of());
  }

  /** Sends an Events API fixture. */
  public HttpResponse<String> event(String fixture, Map<String, String> values, Map<String, String> headers) {
    return signed(Fixtures.json(fixture, values), JSON, headers);
  }

  /** Sends a body signed now. */
  public HttpResponse<String> signed(String body, String contentType, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(signer.headers(body));
    all.putAll(headers);
    return post(body, contentType, all);
  }

  /** Sends a body to /slack/events with exactly these headers. */
  public HttpResponse<String> post(String body, String contentType, Map<String, String> headers) {
    return post(HttpRequest.BodyPublishers.ofString(body), contentType, headers);
  }

  /** Sends a body signed now in chunks, without a Content-Length (as a streaming proxy may). */
  public HttpResponse<String> signedChunked(String body, String contentType) {
    // A publisher of unknown length: the JDK client sends it chunked.
    return post(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(body)), contentType,
        signer.headers(body));
  }

  private HttpResponse<String> post(HttpRequest.BodyPublisher body, String contentType, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/slack/events")).timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType).POST(body);
    headers.forEach(request::header);
    return send(request.build());
  }

  /** Sends a GET. */
  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    closeQuietly(slack);
    delete(dataDir);
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("istiocon-bot-data-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary folder; the machine cleans it up in the end
    }
  }

  private static void closeQuietly(FakeSlack slack) {
    try {
      slack.close();
    } catch (IOException e) {
      // the test is over; nothing else listens on that port
    }
  }
}
