package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.UrlVerificationRequest;
import com.slack.api.bolt.response.Response;
import io.istiocon.bot.files.CatalogReader;
import io.istiocon.bot.files.LiveCatalog;
import io.istiocon.bot.ops.Metrics;
import io.istiocon.bot.search.QueryEngine;
import io.istiocon.bot.service.AgendaService;
import io.istiocon.bot.service.AnswerService;
import io.istiocon.bot.service.Pacer;
import io.istiocon.bot.service.Reminders;
import io.istiocon.bot.store.JdbcAgendaStore;
import io.istiocon.bot.store.StoreSettings;
import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.FakeTicker;
import io.istiocon.bot.testing.Fixtures;
import io.istiocon.bot.testing.RecordingSleeper;
import io.istiocon.bot.testing.RunningBot;
import io.istiocon.bot.testing.SlackSigner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bolt app run in-process with {@code app.run(...)} on signed requests, answering events on the
 * calling thread ({@code Runnable::run}), so every effect has happened when {@code run} returns.
 */
class InProcessTest {
  private final FakeSlack fake = new FakeSlack();
  private final FakeTicker ticker = new FakeTicker();
  private final Clock clock = Clock.fixed(RunningBot.NOW, ZoneOffset.UTC);
  private final SlackSigner signer = new SlackSigner(RunningBot.SECRET, clock);
  /** Answers on the calling thread, or refuses like a full answer queue while {@link #queueFull} is set. */
  private final AtomicBoolean queueFull = new AtomicBoolean();
  private final Executor answering = work -> {
    if (queueFull.get()) {
      throw new RejectedExecutionException("answer queue full");
    }
    work.run();
  };
  private App app;
  private JdbcAgendaStore store;
  @TempDir
  Path data;

  @BeforeEach
  void build() throws Exception {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.apiUrl());
    config.setStatsEnabled(false);
    config.setProxyUrl(null);
    Slack slack = Slack.getInstance(config);
    LiveCatalog live = new LiveCatalog(Path.of("catalog"), new CatalogReader(), clock, ticker, Runnable::run,
        Duration.ofSeconds(1), new LiveCatalog.Events() {});
    AnswerService answers = new AnswerService(live::current, new QueryEngine(), ticker, 100);
    Settings settings = Settings.fromEnv(RunningBot.env(fake, Path.of("catalog")));
    var bot = slack.methods().authTest(r -> r.token(settings.botToken()));
    SlackPoster poster = new SlackPoster(slack, settings.botToken(), new RecordingSleeper(), Metrics.create());
    store = JdbcAgendaStore.open(StoreSettings.sqlite(data));
    AgendaService agenda = new AgendaService(store, () -> live.current().catalog(), clock, ticker, Runnable::run, op -> { });
    Metrics metrics = Metrics.create();
    Reminders reminders = new Reminders(store, store, () -> live.current().catalog(),
        new SlackReminders(slack.methods(settings.botToken()), poster, metrics), clock, Reminders.DEFAULT_MINUTES,
        Pacer.tier3(clock), metrics::reminder);
    app = new SlackApp(answers, agenda, reminders, poster, new UserZones(poster::userZone, Runnable::run, ticker),
        new SeenEvents(ticker, SeenEvents.REMEMBER), clock, answering, bot.getUserId(), Metrics.create(), ticker)
        .build(slack, settings, bot);
  }

  @AfterEach
  void stop() throws IOException {
    store.close();
    fake.close();
  }

  @Test
  void run_signedSlashCommand_acksWithCards() throws Exception {
    String body = Fixtures.form("command.form", Map.of("text", "ebpf talks", "response_url", fake.responseUrl("c")));

    Response response = app.run(new SlashCommandRequest(body, signed(body, Map.of())));

    assertEquals(200, response.getStatusCode());
    assertTrue(BlockKit.allText(BlockKit.parse(response.getBody())).contains("Accelerate istio-cni with ebpf"));
  }

  @Test
  void run_unsignedSlashCommand_is401() throws Exception {
    String body = Fixtures.form("command.form", Map.of("text", "ebpf talks", "response_url", fake.responseUrl("c")));

    Response response = app.run(new SlashCommandRequest(body, new RequestHeaders(Map.of())));

    assertEquals(401, response.getStatusCode());
  }

  @Test
  void run_urlVerification_returnsTheChallenge() throws Exception {
    String body = Fixtures.raw("url_verification.json");

    Response response = app.run(new UrlVerificationRequest(body, signed(body, Map.of())));

    assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", response.getBody());
  }

  @Test
  void run_mention_isPostedOnceEvenWhenSlackRetries() throws Exception {
    String body = Fixtures.json("app_mention.json", Map.of("text", "<@U0BOT> wasm", "user", "U0USER1",
        "ts", "1614015900.000100", "event_id", "Ev0INPROC1"));

    assertEquals(200, app.run(new EventRequest(body, signed(body, Map.of()))).getStatusCode());
    assertEquals(200, app.run(new EventRequest(body, signed(body, Map.of("X-Slack-Retry-Num", "1",
        "X-Slack-Retry-Reason", "http_timeout")))).getStatusCode());

    assertEquals(1, fake.drain("/api/chat.postMessage").size());
  }

  @Test
  void run_mentionWhileTheAnswerQueueIsFull_is503AndSlacksRetryIsAnswered() throws Exception {
    String body = Fixtures.json("app_mention.json", Map.of("text", "<@U0BOT> wasm", "user", "U0USER1",
        "ts", "1614015900.000100", "event_id", "Ev0FULL1"));
    queueFull.set(true);

    Response refused = app.run(new EventRequest(body, signed(body, Map.of())));

    assertEquals(503, refused.getStatusCode(), "a non-2xx makes Slack deliver the event again");
    assertEquals(List.of(), fake.drain("/api/chat.postMessage"));
    queueFull.set(false);
    Response retried = app.run(new EventRequest(body, signed(body, Map.of("X-Slack-Retry-Num", "1",
        "X-Slack-Retry-Reason", "http_error"))));
    assertEquals(200, retried.getStatusCode());
    assertEquals(1, fake.drain("/api/chat.postMessage").size(), "the retry is answered, not ignored as a repeat");
  }

  @Test
  void run_sameEventIdOnceThisReplicaForgotIt_isStillAnsweredOnce_theStoreRemembersIt() throws Exception {
    String body = Fixtures.json("app_mention.json", Map.of("text", "<@U0BOT> wasm", "user", "U0USER1",
        "ts", "1614015900.000100", "event_id", "Ev0INPROC2"));
    app.run(new EventRequest(body, signed(body, Map.of())));
    ticker.advance(SeenEvents.REMEMBER.plusSeconds(1));

    assertEquals(200, app.run(new EventRequest(body, signed(body, Map.of()))).getStatusCode());

    assertEquals(1, fake.drain("/api/chat.postMessage").size());
  }

  @Test
  void run_mentionByAnotherBot_isIgnored() throws Exception {
    String body = Fixtures.json("app_mention.json", Map.of("text", "<@U0BOT> wasm", "user", "U0BOT",
        "ts", "1614015900.000100", "event_id", "Ev0INPROC3"));

    assertEquals(200, app.run(new EventRequest(body, signed(body, Map.of()))).getStatusCode());

    assertEquals(List.of(), fake.drain("/api/chat.postMessage"));
  }

  @Test
  void run_manyRequests_neverCallAuthTestAgain() throws Exception {
    for (int i = 0; i < 3; i++) {
      String body = Fixtures.json("app_mention.json", Map.of("text", "<@U0BOT> grpc", "user", "U0USER1",
          "ts", "1614015900.00010" + i, "event_id", "Ev0AUTH" + i));
      app.run(new EventRequest(body, signed(body, Map.of())));
      String command = Fixtures.form("command.form", Map.of("text", "grpc", "response_url", fake.responseUrl("c")));
      app.run(new SlashCommandRequest(command, signed(command, Map.of())));
    }

    assertEquals(1, fake.drain("/api/auth.test").size(), "only the start-up auth.test");
  }

  private RequestHeaders signed(String body, Map<String, String> extra) {
    Map<String, List<String>> headers = new HashMap<>();
    signer.headers(body).forEach((k, v) -> headers.put(k, List.of(v)));
    extra.forEach((k, v) -> headers.put(k, List.of(v)));
    return new RequestHeaders(headers);
  }
}
