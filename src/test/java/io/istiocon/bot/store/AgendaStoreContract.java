package io.istiocon.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.agenda.AgendaEntry;
import io.istiocon.bot.agenda.ClaimKind;
import io.istiocon.bot.agenda.Forgotten;
import io.istiocon.bot.agenda.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every agenda store does, run against each database: a subclass makes an empty database for
 * each test and says how to reach it. Two stores opened on one database stand for two replicas.
 * The calendar feed's part of the contract is in {@link CalendarStoreContract}.
 */
abstract class AgendaStoreContract implements CalendarStoreContract, ReminderStoreContract {
  static final Instant T0 = Instant.parse("2021-02-22T16:00:00Z");
  private final List<JdbcAgendaStore> opened = new ArrayList<>();
  JdbcAgendaStore store;

  /** Makes this test's empty database. */
  abstract void createDatabase() throws Exception;

  /** Returns the settings that reach this test's database. */
  abstract StoreSettings settings() throws Exception;

  /** Drops this test's database, after every store on it is closed. */
  abstract void dropDatabase() throws Exception;

  @BeforeEach
  final void setUp() throws Exception {
    createDatabase();
    store = open();
  }

  @AfterEach
  final void tearDown() throws Exception {
    opened.forEach(JdbcAgendaStore::close);
    dropDatabase();
  }

  /** Opens one more store on this test's database, as another replica would; it is closed after the test. */
  final JdbcAgendaStore open() throws Exception {
    JdbcAgendaStore s = JdbcAgendaStore.open(settings());
    opened.add(s);
    return s;
  }

  @Override
  public final JdbcAgendaStore store() {
    return store;
  }

  @Override
  public final JdbcAgendaStore replica() throws Exception {
    return open();
  }

  static AgendaEntry entry(String user, String session, Instant savedAt) {
    return new AgendaEntry(user, "istiocon-2021", session, savedAt);
  }

  @Test
  void save_newTalk_returnsTrueAndListsIt() {
    assertTrue(store.save(entry("U1", "e7p", T0)));

    assertEquals(List.of(entry("U1", "e7p", T0)), store.list("U1"));
  }

  @Test
  void save_sameTalkAgain_returnsFalseAndKeepsTheFirstSaveTime() {
    store.save(entry("U1", "e7p", T0));

    assertFalse(store.save(entry("U1", "e7p", T0.plusSeconds(60))));
    assertEquals(List.of(entry("U1", "e7p", T0)), store.list("U1"));
  }

  @Test
  void save_keepsTheSaveTimeToTheMillisecond() {
    store.save(entry("U1", "e7p", T0.plusNanos(123_456_789)));

    assertEquals(T0.plusMillis(123), store.list("U1").get(0).savedAt());
  }

  @Test
  void list_unknownUser_isEmpty() {
    store.save(entry("U1", "e7p", T0));

    assertEquals(List.of(), store.list("U2"));
  }

  @Test
  void list_oldestSaveFirst_thenByConferenceAndSession() {
    store.save(entry("U1", "zz9", T0.plusSeconds(2)));
    store.save(entry("U1", "b2", T0));
    store.save(entry("U1", "a1", T0));
    store.save(new AgendaEntry("U1", "istiocon-2020", "c3", T0.plusSeconds(1)));
    store.save(entry("U2", "a0", T0.minusSeconds(1)));

    assertEquals(List.of(entry("U1", "a1", T0), entry("U1", "b2", T0), new AgendaEntry("U1", "istiocon-2020", "c3",
        T0.plusSeconds(1)), entry("U1", "zz9", T0.plusSeconds(2))), store.list("U1"));
  }

  @Test
  void save_sameSessionIdInAnotherConference_isAnotherTalk() {
    store.save(entry("U1", "k1", T0));

    assertTrue(store.save(new AgendaEntry("U1", "istiocon-2022", "k1", T0)));
    assertEquals(2, store.list("U1").size());
  }

  @Test
  void remove_savedTalk_returnsTrueAndLeavesTheOthers() {
    store.save(entry("U1", "e7p", T0));
    store.save(entry("U1", "k1", T0));
    store.save(entry("U2", "e7p", T0));

    assertTrue(store.remove("U1", "istiocon-2021", "e7p"));

    assertEquals(List.of(entry("U1", "k1", T0)), store.list("U1"));
    assertEquals(List.of(entry("U2", "e7p", T0)), store.list("U2"));
  }

  @Test
  void remove_talkNotSaved_returnsFalse() {
    store.save(entry("U1", "e7p", T0));

    assertFalse(store.remove("U1", "istiocon-2021", "k1"));
    assertFalse(store.remove("U2", "istiocon-2021", "e7p"));
    assertEquals(1, store.list("U1").size());
  }

  @Test
  void remove_thenSaveAgain_isNewAgain() {
    store.save(entry("U1", "e7p", T0));
    store.remove("U1", "istiocon-2021", "e7p");

    assertTrue(store.save(entry("U1", "e7p", T0.plusSeconds(5))));
    assertEquals(T0.plusSeconds(5), store.list("U1").get(0).savedAt());
  }

  @Test
  void forget_deletesEveryTalkOfThatUserOnly_andCountsThem() {
    store.save(entry("U1", "a1", T0));
    store.save(entry("U1", "b2", T0));
    store.save(entry("U1", "c3", T0));
    store.save(entry("U2", "a1", T0));

    assertEquals(new Forgotten(3, 0), store.forget("U1"));

    assertEquals(List.of(), store.list("U1"));
    assertEquals(1, store.list("U2").size());
  }

  @Test
  void forget_userWithNothingStored_saysNothing() {
    assertTrue(store.forget("U1").isEmpty());
  }

  @Test
  void values_areStoredAsGiven_quotesAndNonAsciiIncluded() {
    AgendaEntry odd = new AgendaEntry("U'1\"; DROP TABLE saved_talk; --", "流量-2021", "sess'ion", T0);

    assertTrue(store.save(odd));
    assertTrue(store.claim(ClaimKind.SLACK_EVENT, "Ev'1;--", T0));

    assertEquals(List.of(odd), store.list(odd.userId()));
    assertFalse(store.claim(ClaimKind.SLACK_EVENT, "Ev'1;--", T0));
  }

  @Test
  void claim_firstCallerWins_laterOnesLose() {
    assertTrue(store.claim(ClaimKind.SLACK_EVENT, "Ev01", T0.plus(Duration.ofHours(1))));

    assertFalse(store.claim(ClaimKind.SLACK_EVENT, "Ev01", T0.plus(Duration.ofHours(2))));
  }

  @Test
  void claim_sameIdOfAnotherKind_isAnotherClaim() {
    store.claim(ClaimKind.SLACK_EVENT, "X1", T0);

    assertTrue(store.claim(ClaimKind.SLACK_INTERACTION, "X1", T0));
  }

  @Test
  void claim_blankOrTooLongId_isRefusedBeforeTheDatabase() {
    assertThrows(IllegalArgumentException.class, () -> store.claim(ClaimKind.SLACK_EVENT, " ", T0));
    assertThrows(IllegalArgumentException.class,
        () -> store.claim(ClaimKind.SLACK_EVENT, "x".repeat(ClaimKind.MAX_ID_LENGTH + 1), T0));
  }

  @Test
  void pruneClaims_deletesOnlyExpiredOnes_andAPrunedIdCanBeClaimedAgain() {
    store.claim(ClaimKind.SLACK_EVENT, "old", T0);
    store.claim(ClaimKind.SLACK_EVENT, "edge", T0.plusSeconds(60));
    store.claim(ClaimKind.SLACK_INTERACTION, "new", T0.plusSeconds(3600));

    assertEquals(1, store.pruneClaims(T0.plusSeconds(60)));

    assertTrue(store.claim(ClaimKind.SLACK_EVENT, "old", T0.plusSeconds(7200)));
    assertFalse(store.claim(ClaimKind.SLACK_EVENT, "edge", T0.plusSeconds(7200)));
    assertFalse(store.claim(ClaimKind.SLACK_INTERACTION, "new", T0.plusSeconds(7200)));
  }

  @Test
  void open_again_keepsWhatWasSaved_andMigratesNothingTwice() throws Exception {
    store.save(entry("U1", "e7p", T0));
    store.claim(ClaimKind.SLACK_EVENT, "Ev01", T0);
    store.close();

    JdbcAgendaStore reopened = open();

    assertEquals(List.of(entry("U1", "e7p", T0)), reopened.list("U1"));
    assertFalse(reopened.claim(ClaimKind.SLACK_EVENT, "Ev01", T0));
  }

  @Test
  void close_thenAnyCall_failsAsUnavailable() {
    store.close();

    StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> store.save(entry("U1", "e7p", T0)));
    assertTrue(e.getMessage().startsWith("could not save a talk in the agenda store"), e.getMessage());
  }

  @Test
  void save_100UsersAtOnceThroughTwoReplicas_noneLostNoneDoubled() throws Exception {
    JdbcAgendaStore other = open();
    List<String> talks = List.of("a1", "b2", "c3");
    List<Callable<Boolean>> saves = new ArrayList<>();
    for (int u = 0; u < 100; u++) {
      for (String talk : talks) {
        AgendaEntry e = entry("U" + u, talk, T0.plusMillis(u));
        // Both replicas get every click, as when Slack retries onto the other pod.
        saves.add(() -> store.save(e));
        saves.add(() -> other.save(e));
      }
    }

    List<Boolean> results = allAtOnce(saves);

    assertEquals(300, results.stream().filter(b -> b).count(), "each talk saved exactly once");
    for (int u = 0; u < 100; u++) {
      assertEquals(3, store.list("U" + u).size(), "user U" + u);
      assertEquals(store.list("U" + u), other.list("U" + u), "both replicas see the same agenda");
    }
  }

  @Test
  void claim_sameIdsAtOnceThroughTwoReplicas_eachWonExactlyOnce() throws Exception {
    JdbcAgendaStore other = open();
    List<Callable<Boolean>> claims = new ArrayList<>();
    for (int id = 0; id < 50; id++) {
      String eventId = "Ev" + id;
      for (int attempt = 0; attempt < 4; attempt++) {
        claims.add(() -> store.claim(ClaimKind.SLACK_EVENT, eventId, T0));
        claims.add(() -> other.claim(ClaimKind.SLACK_EVENT, eventId, T0));
      }
    }

    List<Boolean> results = allAtOnce(claims);

    Set<Integer> winners = new HashSet<>();
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i)) {
        assertTrue(winners.add(i / 8), "id Ev" + (i / 8) + " won twice");
      }
    }
    assertEquals(50, winners.size(), "every id won once");
  }

  /** Runs every task on its own thread, all released together; returns their results in order. */
  static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(100);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(threads.submit(() -> {
          go.await();
          return task.call();
        }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
