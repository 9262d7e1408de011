package io.istiocon.bot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.agenda.ClaimKind;
import io.istiocon.bot.agenda.Forgotten;
import io.istiocon.bot.agenda.StoreUnavailableException;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.TestCatalogs;
import io.istiocon.bot.store.JdbcAgendaStore;
import io.istiocon.bot.store.StoreSettings;
import io.istiocon.bot.testing.FakeClock;
import io.istiocon.bot.testing.FakeTicker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agenda on a real SQLite store: what can be saved, program order, the cache, claims, and a store that fails. */
class AgendaServiceTest {
  private static final String CON = TestCatalogs.CONFERENCE;
  private static final Duration QUICK = Duration.ofMillis(200);
  private final FakeClock clock = new FakeClock(Instant.parse("2021-02-22T15:00:00Z"));
  private final FakeTicker ticker = new FakeTicker();
  private final List<String> failures = new ArrayList<>();
  private final AtomicReference<Catalog> catalog = new AtomicReference<>(TestCatalogs.catalogOf(
      TestCatalogs.session("late").at("2021-02-23T18:00:00Z"),
      TestCatalogs.session("early").at("2021-02-22T16:00:00Z"),
      TestCatalogs.session("mid").at("2021-02-22T17:00:00Z")));
  @TempDir
  Path data;
  private JdbcAgendaStore store;
  private AgendaService agenda;

  @BeforeEach
  void open() throws Exception {
    store = JdbcAgendaStore.open(StoreSettings.sqlite(data));
    agenda = service(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private AgendaService service(JdbcAgendaStore on) {
    return new AgendaService(on, catalog::get, clock, ticker, Runnable::run, failures::add);
  }

  private static TalkId talk(String session) {
    return new TalkId(CON, session);
  }

  @Test
  void save_talkInTheCatalog_isSavedOnce() {
    assertEquals(AgendaService.Saved.SAVED, agenda.save("U1", talk("mid")));

    assertEquals(AgendaService.Saved.ALREADY_SAVED, agenda.save("U1", talk("mid")));
    assertEquals(Set.of(talk("mid")), agenda.saved("U1"));
  }

  @Test
  void save_talkNotInTheCatalog_storesNothing() {
    assertEquals(AgendaService.Saved.NOT_IN_PROGRAM, agenda.save("U1", talk("gone")));
    assertEquals(AgendaService.Saved.NOT_IN_PROGRAM, agenda.save("U1", new TalkId("othercon", "mid")));

    assertEquals(Set.of(), agenda.saved("U1"));
  }

  @Test
  void agenda_isInProgramOrder_andCountsTalksTheCatalogNoLongerHas() {
    agenda.save("U1", talk("late"));
    agenda.save("U1", talk("early"));
    agenda.save("U1", talk("mid"));
    catalog.set(TestCatalogs.catalogOf(TestCatalogs.session("late").at("2021-02-23T18:00:00Z"),
        TestCatalogs.session("early").at("2021-02-22T16:00:00Z")));

    AgendaService.MyAgenda mine = agenda.agenda("U1");

    assertEquals(List.of("early", "late"), mine.talks().stream().map(Session::id).toList());
    assertEquals(1, mine.missing());
    assertEquals("early", mine.next(clock.instant()).orElseThrow().id());
    assertEquals("late", mine.next(Instant.parse("2021-02-22T16:40:00Z")).orElseThrow().id(), "early ended at 16:40");
    assertTrue(mine.next(Instant.parse("2021-02-24T00:00:00Z")).isEmpty());
  }

  @Test
  void remove_talkNoLongerInTheCatalog_stillRemovesIt() {
    agenda.save("U1", talk("mid"));
    catalog.set(TestCatalogs.catalogOf(TestCatalogs.session("early")));

    assertTrue(agenda.remove("U1", talk("mid")));

    assertFalse(agenda.remove("U1", talk("mid")));
    assertTrue(agenda.agenda("U1").isEmpty());
  }

  @Test
  void forget_deletesEverything_andSaysHowMuch() {
    agenda.save("U1", talk("mid"));
    agenda.save("U1", talk("early"));

    assertEquals(new Forgotten(2, 0), agenda.forget("U1"));

    assertEquals(Optional.of(Set.of()), agenda.savedIfQuick("U1", QUICK));
    assertEquals(Set.of(), agenda.saved("U1"));
  }

  @Test
  void savedIfQuick_seesThisReplicasSavesAtOnce_andAnotherReplicasWithinTheCacheTime() throws Exception {
    assertEquals(Optional.of(Set.of()), agenda.savedIfQuick("U1", QUICK));
    agenda.save("U1", talk("mid"));
    assertEquals(Optional.of(Set.of(talk("mid"))), agenda.savedIfQuick("U1", QUICK), "this replica's own save");
    try (JdbcAgendaStore shared = JdbcAgendaStore.open(StoreSettings.sqlite(data))) {
      service(shared).save("U1", talk("early")); // another replica

      assertEquals(Optional.of(Set.of(talk("mid"))), agenda.savedIfQuick("U1", QUICK), "kept in memory for a while");
      ticker.advance(AgendaService.CACHED.plusSeconds(1));
      assertEquals(Optional.of(Set.of(talk("mid"), talk("early"))), agenda.savedIfQuick("U1", QUICK));
    }
  }

  @Test
  void claim_firstWins_andIsKeptAtLeastAnHourThroughPruning() {
    assertTrue(agenda.claim(ClaimKind.SLACK_EVENT, "Ev1"));
    assertFalse(agenda.claim(ClaimKind.SLACK_EVENT, "Ev1"));

    clock.advance(AgendaService.CLAIMS_KEPT.minusMinutes(1));
    agenda.pruneClaims();
    assertFalse(agenda.claim(ClaimKind.SLACK_EVENT, "Ev1"), "still claimed after 59 minutes and a prune");

    clock.advance(Duration.ofMinutes(2));
    agenda.pruneClaims();
    assertTrue(agenda.claim(ClaimKind.SLACK_EVENT, "Ev1"), "pruned after the hour");
  }

  @Test
  void claim_idTheStoreCannotHold_isAnswered() {
    assertTrue(agenda.claim(ClaimKind.SLACK_EVENT, null));
    assertTrue(agenda.claim(ClaimKind.SLACK_EVENT, "x".repeat(ClaimKind.MAX_ID_LENGTH + 1)));
    assertTrue(agenda.claim(ClaimKind.SLACK_EVENT, "x".repeat(ClaimKind.MAX_ID_LENGTH + 1)));
    assertEquals(List.of(), failures);
  }

  @Test
  void storeDown_personalCallsFail_claimsSayAnswer_andEachFailureIsCounted() {
    store.close();

    assertThrows(StoreUnavailableException.class, () -> agenda.save("U1", talk("mid")));
    assertThrows(StoreUnavailableException.class, () -> agenda.agenda("U1"));
    assertTrue(agenda.claim(ClaimKind.SLACK_EVENT, "Ev1"), "answering twice is better than never");
    assertTrue(agenda.claim(ClaimKind.SLACK_EVENT, "Ev1"));
    assertEquals(Optional.empty(), agenda.savedIfQuick("U1", QUICK));

    assertEquals(List.of("save", "list", "claim", "claim"), failures, "claims skipped while cooling down count too");
  }

  @Test
  void storeDown_drawingAndClaimsLeaveItAloneForTheCoolDown_thenTryAgain() {
    store.close();
    assertTrue(agenda.claim(ClaimKind.SLACK_EVENT, "Ev1"));

    assertEquals(Optional.empty(), agenda.savedIfQuick("U1", QUICK), "not even tried while cooling down");
    assertEquals(List.of("claim"), failures);
    ticker.advance(AgendaService.COOL_DOWN.plusSeconds(1));
    assertEquals(Optional.empty(), agenda.savedIfQuick("U1", QUICK), "tried, and failed again");
    assertEquals(List.of("claim", "list"), failures);
  }
}
