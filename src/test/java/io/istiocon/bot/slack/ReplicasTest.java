package io.istiocon.bot.slack;

import static io.istiocon.bot.testing.BlockKit.button;
import static io.istiocon.bot.testing.BlockKit.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.FakeClock;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.RunningBot;
import io.istiocon.bot.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bots on one PostgreSQL database, as two replicas behind one Service: Slack's retry of an
 * event lands on the other one, a talk saved on one is listed by the other, and many users save at
 * once on both. Needs TEST_DATABASE_URL (.ci/run sets it); skipped with the reason printed without it.
 */
class ReplicasTest {
  private static final String POST = "/api/chat.postMessage";
  private static final String CONFERENCE = "istiocon-2021";
  private TestPostgres.Database database;
  private final List<RunningBot> bots = new ArrayList<>();

  @BeforeEach
  void createDatabase() throws Exception {
    database = TestPostgres.createDatabase();
  }

  @AfterEach
  void stop() throws Exception {
    bots.forEach(RunningBot::close);
    if (database != null) { // null when skipped
      database.close();
    }
  }

  private RunningBot replica(int answeringThreads) throws Exception {
    RunningBot bot = RunningBot.start(new FakeSlack(), Path.of("catalog"), Map.of("DATABASE_URL", database.url()),
        answeringThreads);
    bots.add(bot);
    return bot;
  }

  @Test
  void slacksRetryOnTheOtherReplica_isAcknowledged_andNotAnsweredAgain() throws Exception {
    RunningBot first = replica(1);
    RunningBot second = replica(1);
    Map<String, String> mention = Map.of("text", "<@U0BOT> grpc", "user", "U0USER1", "ts", "1614015900.000100",
        "event_id", "Ev0REPLICA1");
    assertEquals(200, first.event("app_mention.json", mention, Map.of()).statusCode());
    assertEquals("1614015900.000100", first.slack.take(POST).form().get("thread_ts"));

    assertEquals(200, second.event("app_mention.json", mention,
        Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")).statusCode());

    second.event("app_mention.json", Map.of("text", "<@U0BOT> barrier", "user", "U0USER1", "ts", "1614015900.000200",
        "event_id", "Ev0REPLICA2"), Map.of());
    assertEquals("1614015900.000200", second.slack.take(POST).form().get("thread_ts"), "the retry was not answered");
    assertTrue(second.get("/metrics").body().contains(
        "istiocon_requests_total{kind=\"app_mention\",outcome=\"duplicate\"} 1.0"), "counted as a duplicate");
  }

  @Test
  void savedOnOneReplica_isListedByTheOther_andShownSavedOnItsCards() throws Exception {
    RunningBot first = replica(1);
    RunningBot second = replica(1);
    String value = AgendaAction.at(AgendaAction.Place.CARD, new TalkId(CONFERENCE, "e7p")).encode();
    first.click("U0BOTH", "agenda_add:0", value, false, "saved", "1614015950.1.both");
    first.slack.take("/respond/saved");

    second.command("U0BOTH", "my agenda", "agenda");

    String agenda = BlockKit.allText(second.slack.take("/respond/agenda").json());
    assertTrue(agenda.contains("Accelerate istio-cni with ebpf"), agenda);
    assertTrue(button(parse(second.command("U0BOTH", "ebpf talks", "q").body()).path("blocks"), "agenda_remove:0").isPresent());
  }

  @Test
  void talkMovedInTheCatalogBothReplicasWatch_isToldAndRescheduledExactlyOnce(@TempDir Path temp) throws Exception {
    Path catalog = RemindersTest.catalogCopy(temp);
    FakeClock clock = new FakeClock(RunningBot.NOW);
    List<RunningBot> replicas = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      RunningBot bot = RunningBot.start(new FakeSlack(), catalog, Map.of("DATABASE_URL", database.url()), 1, clock);
      bots.add(bot);
      replicas.add(bot);
    }
    RemindersTest.save(replicas.get(0), "U0MOVE1", "e7p");
    RemindersTest.save(replicas.get(1), "U0MOVE2", "e7p");
    replicas.get(0).slack.take(RemindersTest.SCHEDULE);
    replicas.get(1).slack.take(RemindersTest.SCHEDULE);

    RemindersTest.moveEbpf(temp, "2021-02-25T06:40:00Z", "2021-02-25T07:20:00Z");
    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> reloads = new ArrayList<>();
      for (RunningBot bot : replicas) {
        reloads.add(both.submit(() -> bot.server.reloadCatalog()));
      }
      for (Future<?> reload : reloads) {
        reload.get();
      }
    } finally {
      both.shutdown();
    }

    Map<String, Integer> calls = new HashMap<>();
    List<String> dms = new ArrayList<>();
    for (RunningBot bot : replicas) {
      for (String path : List.of(RemindersTest.DELETE, RemindersTest.SCHEDULE)) {
        calls.merge(path, bot.slack.drain(path).size(), Integer::sum);
      }
      bot.slack.drain(POST).forEach(p -> dms.add(p.form().get("channel")));
    }
    assertEquals(Map.of(RemindersTest.DELETE, 2, RemindersTest.SCHEDULE, 2), calls, "one delete and one new schedule per user");
    assertEquals(List.of("U0MOVE1", "U0MOVE2"), dms.stream().sorted().toList(), "one DM per user, from one replica");
  }

  @Test
  void aHundredUsersSavingAtOnceOnBothReplicas_loseNoSave_andStoreNoneTwice() throws Exception {
    List<RunningBot> replicas = List.of(replica(4), replica(4));
    String ebpf = AgendaAction.at(AgendaAction.Place.CARD, new TalkId(CONFERENCE, "e7p")).encode();
    String sketch = AgendaAction.at(AgendaAction.Place.CARD, new TalkId(CONFERENCE, "a4p")).encode();
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> clicks = new ArrayList<>();
      for (int u = 0; u < 100; u++) {
        String user = "U0MANY" + u;
        // The same talk on both replicas at once, and another on one of them.
        for (int r = 0; r < 2; r++) {
          RunningBot bot = replicas.get(r);
          String name = user + "-ebpf-" + r;
          clicks.add(clients.submit(() -> bot.click(user, "agenda_add:0", ebpf, false, name, name).statusCode()));
        }
        RunningBot bot = replicas.get(u % 2);
        String name = user + "-sketch";
        clicks.add(clients.submit(() -> bot.click(user, "agenda_add:0", sketch, false, name, name).statusCode()));
      }
      for (Future<Integer> click : clicks) {
        assertEquals(200, click.get());
      }
    } finally {
      clients.shutdown();
    }

    Map<String, Integer> firstSaves = new HashMap<>();
    for (int u = 0; u < 100; u++) {
      String user = "U0MANY" + u;
      for (int r = 0; r < 2; r++) {
        String text = replicas.get(r).slack.take("/respond/" + user + "-ebpf-" + r).json().path("text").asText();
        firstSaves.merge(user, text.startsWith("\u2b50 Saved") ? 1 : 0, Integer::sum);
      }
      assertTrue(replicas.get(u % 2).slack.take("/respond/" + user + "-sketch").json().path("text").asText()
          .startsWith("\u2b50 Saved"));
      assertEquals(1, firstSaves.get(user), user + ": one replica saved it, the other found it saved");
    }
    try (Connection c = TestPostgres.connect(database.url()); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT count(*), count(DISTINCT (user_id, conference_id, session_id)),"
            + " count(DISTINCT user_id) FROM saved_talk WHERE user_id LIKE 'U0MANY%'")) {
      rows.next();
      assertEquals(200, rows.getInt(1), "no save lost");
      assertEquals(200, rows.getInt(2), "none stored twice");
      assertEquals(100, rows.getInt(3));
    }
  }
}
