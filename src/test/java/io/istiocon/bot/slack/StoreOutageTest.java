package io.istiocon.bot.slack;

import static io.istiocon.bot.testing.BlockKit.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.RunningBot;
import io.istiocon.bot.testing.TcpProxy;
import io.istiocon.bot.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot while its PostgreSQL database goes down and comes back (a {@link TcpProxy} cut and
 * restored, so the shared server keeps running): questions are answered throughout, agenda actions
 * say to try again in a minute and leave nothing half-written, and they work again by themselves.
 * Needs TEST_DATABASE_URL (.ci/run sets it); skipped with the reason printed without it.
 */
class StoreOutageTest {
  private static final String CONFERENCE = "istiocon-2021";
  private static final String USER = "U0OUTAGE";
  private final AtomicInteger clicks = new AtomicInteger();
  private TestPostgres.Database database;
  private TcpProxy proxy;
  private RunningBot bot;

  @BeforeEach
  void start() throws Exception {
    database = TestPostgres.createDatabase();
    URI server = URI.create(database.url());
    proxy = new TcpProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
    bot = RunningBot.start(Path.of("catalog"), Map.of("DATABASE_URL", TestPostgres.withPort(database.url(), proxy.port())));
  }

  @AfterEach
  void stop() throws Exception {
    if (database == null) {
      return; // skipped: no TEST_DATABASE_URL
    }
    if (bot != null) {
      bot.close();
    }
    proxy.close();
    database.close();
  }

  @Test
  void databaseDown_questionsAreStillAnswered_agendaActionsSaySo_thenWorkAgainWhenItIsBack() throws Exception {
    assertTrue(save("e7p").startsWith("\u2b50 Saved"));

    proxy.cut();

    HttpResponse<String> question = bot.command(USER, "ebpf talks", "q");
    assertEquals(200, question.statusCode());
    assertTrue(BlockKit.allText(parse(question.body())).contains("Accelerate istio-cni with ebpf"), "the card, without the store");
    bot.event("app_mention.json", Map.of("text", "<@U0BOT> grpc", "user", USER, "ts", "1614015900.000100",
        "event_id", "Ev0OUTAGE1"), Map.of());
    assertEquals("1614015900.000100", bot.slack.take("/api/chat.postMessage").form().get("thread_ts"),
        "a mention is answered though its id cannot be claimed");
    assertEquals("Sorry, I couldn't reach the agenda store, so nothing was saved. Please try again in a minute.", save("a4p"));
    bot.command(USER, "my agenda", "agenda-down");
    assertEquals("Sorry, I couldn't reach the agenda store, so I can't show your agenda. Please try again in a minute.",
        bot.slack.take("/respond/agenda-down").json().path("text").asText());
    String metrics = bot.get("/metrics").body();
    assertTrue(metrics.contains("istiocon_store_errors_total{operation=\"save\"} 1.0"), metrics);
    assertTrue(metrics.contains("istiocon_store_errors_total{operation=\"claim\"}"), metrics);

    proxy.restore();

    assertEquals(List.of("e7p"), savedInTheDatabase(), "nothing half-written");
    assertTrue(eventually(() -> save("a4p")).startsWith("\u2b50 Saved"), "works again without a restart");
    String agenda = eventually(() -> {
      String name = "agenda-" + clicks.incrementAndGet();
      bot.command(USER, "my agenda", name);
      return bot.slack.take("/respond/" + name).json().path("text").asText();
    });
    assertTrue(agenda.startsWith("2 saved talks in your agenda"), agenda);
  }

  /** Clicks ⭐ Save on a card in a thread and returns the answer's text. */
  private String save(String session) throws InterruptedException {
    String name = "save-" + clicks.incrementAndGet();
    String value = AgendaAction.at(AgendaAction.Place.CARD, new TalkId(CONFERENCE, session)).encode();
    bot.click(USER, "agenda_add:0", value, false, name, name);
    return bot.slack.take("/respond/" + name).json().path("text").asText();
  }

  private List<String> savedInTheDatabase() throws Exception {
    try (Connection c = TestPostgres.connect(database.url());
        PreparedStatement s = c.prepareStatement("SELECT session_id FROM saved_talk WHERE user_id = ? ORDER BY session_id")) {
      s.setString(1, USER);
      List<String> sessions = new ArrayList<>();
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          sessions.add(rows.getString(1));
        }
      }
      return sessions;
    }
  }

  /** A click that may meet a pooled connection broken by the outage: one failure per connection at most. */
  private interface Click {
    String run() throws InterruptedException;
  }

  private static String eventually(Click click) throws InterruptedException {
    String answer = "";
    for (int attempt = 0; attempt < 9; attempt++) {
      answer = click.run();
      if (!answer.startsWith("Sorry, I couldn't reach the agenda store")) {
        return answer;
      }
    }
    return answer;
  }
}
