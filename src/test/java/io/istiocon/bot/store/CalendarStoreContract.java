package io.istiocon.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.agenda.Forgotten;
import io.istiocon.bot.agenda.TalkVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What the store does for the calendar feed, on each database through {@link AgendaStoreContract}:
 * links kept by token hash, and talk sequence numbers that rise once per change.
 */
interface CalendarStoreContract {
  Instant T0 = Instant.parse("2021-02-22T16:00:00Z");

  /** Returns this test's store. */
  JdbcAgendaStore store();

  /** Opens another store on this test's database, as another replica would. */
  JdbcAgendaStore replica() throws Exception;

  private static TalkVersion talk(String session, String fingerprint) {
    return new TalkVersion("istiocon-2021", session, fingerprint);
  }

  private int sequence(TalkVersion talk) {
    return store().sequences(List.of(talk)).get(talk);
  }

  @Test
  default void addCalendarLink_first_isStoredAndItsHashFindsTheUser() {
    assertTrue(store().addCalendarLink("U1", "hash-1", T0));

    assertEquals(Optional.of("U1"), store().calendarUser("hash-1"));
  }

  @Test
  default void addCalendarLink_userHasOne_returnsFalseAndKeepsTheFirst() {
    store().addCalendarLink("U1", "hash-1", T0);

    assertFalse(store().addCalendarLink("U1", "hash-2", T0.plusSeconds(1)));

    assertEquals(Optional.of("U1"), store().calendarUser("hash-1"));
    assertEquals(Optional.empty(), store().calendarUser("hash-2"));
  }

  @Test
  default void replaceCalendarLink_oldHashFindsNobody_newOneFindsTheUser_othersUntouched() {
    store().addCalendarLink("U1", "hash-1", T0);
    store().addCalendarLink("U2", "hash-2", T0);

    store().replaceCalendarLink("U1", "hash-3", T0.plusSeconds(1));

    assertEquals(Optional.empty(), store().calendarUser("hash-1"));
    assertEquals(Optional.of("U1"), store().calendarUser("hash-3"));
    assertEquals(Optional.of("U2"), store().calendarUser("hash-2"));
  }

  @Test
  default void replaceCalendarLink_userWithoutOne_storesIt() {
    store().replaceCalendarLink("U1", "hash-1", T0);

    assertEquals(Optional.of("U1"), store().calendarUser("hash-1"));
    assertFalse(store().addCalendarLink("U1", "hash-2", T0));
  }

  @Test
  default void calendarUser_unknownHash_isEmpty() {
    store().addCalendarLink("U1", "hash-1", T0);

    assertEquals(Optional.empty(), store().calendarUser("hash-9"));
    assertEquals(Optional.empty(), store().calendarUser("' OR '1'='1"));
  }

  @Test
  default void forget_revokesTheCalendarLinkToo_andCountsIt() {
    store().save(AgendaStoreContract.entry("U1", "a1", T0));
    store().save(AgendaStoreContract.entry("U1", "b2", T0));
    store().addCalendarLink("U1", "hash-1", T0);
    store().addCalendarLink("U2", "hash-2", T0);

    assertEquals(new Forgotten(2, 1), store().forget("U1"));

    assertEquals(Optional.empty(), store().calendarUser("hash-1"));
    assertEquals(Optional.of("U2"), store().calendarUser("hash-2"));
    assertTrue(store().forget("U1").isEmpty());
    assertTrue(store().addCalendarLink("U1", "hash-3", T0), "a forgotten user starts afresh");
  }

  @Test
  default void forget_userWithOnlyALink_isNotEmpty() {
    store().addCalendarLink("U1", "hash-1", T0);

    Forgotten forgotten = store().forget("U1");

    assertEquals(new Forgotten(0, 1), forgotten);
    assertFalse(forgotten.isEmpty());
  }

  @Test
  default void sequences_firstSight_isZero_andStaysSoWhileTheTalkIsUnchanged() {
    TalkVersion v1 = talk("e7p", "fp-1");

    assertEquals(0, sequence(v1));
    assertEquals(0, sequence(v1));
  }

  @Test
  default void sequences_eachChange_risesByOne_andAChangeBackStillRises() {
    assertEquals(0, sequence(talk("e7p", "fp-1")));

    assertEquals(1, sequence(talk("e7p", "fp-2")));
    assertEquals(1, sequence(talk("e7p", "fp-2")));
    assertEquals(2, sequence(talk("e7p", "fp-1")), "calendar apps drop an event whose SEQUENCE goes down");
  }

  @Test
  default void sequences_manyTalks_eachCountedApart_conferencesToo() {
    store().sequences(List.of(talk("a1", "x"), talk("b2", "x"), new TalkVersion("istiocon-2022", "a1", "x")));

    TalkVersion a1 = talk("a1", "y");
    TalkVersion b2 = talk("b2", "x");
    TalkVersion other = new TalkVersion("istiocon-2022", "a1", "x");
    TalkVersion c3 = talk("c3", "x");

    assertEquals(Map.of(a1, 1, b2, 0, other, 0, c3, 0), store().sequences(List.of(a1, b2, other, c3)));
  }

  @Test
  default void sequences_noTalks_isEmpty() {
    assertEquals(Map.of(), store().sequences(List.of()));
  }

  @Test
  default void sequences_keptAcrossAReopen() throws Exception {
    sequence(talk("e7p", "fp-1"));
    sequence(talk("e7p", "fp-2"));

    TalkVersion v2 = talk("e7p", "fp-2");
    assertEquals(1, replica().sequences(List.of(v2)).get(v2));
  }

  @Test
  default void sequences_oneChangeRenderedAtOnceThroughTwoReplicas_risesByExactlyOne() throws Exception {
    JdbcAgendaStore other = replica();
    TalkVersion unchanged = talk("a1", "same");
    store().sequences(List.of(talk("e7p", "before"), unchanged));
    TalkVersion moved = talk("e7p", "after");
    List<Callable<Map<TalkVersion, Integer>>> renders = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // Feeds of many users render on both replicas right after the catalog moved the talk.
      renders.add(() -> store().sequences(List.of(moved, unchanged)));
      renders.add(() -> other.sequences(List.of(unchanged, moved)));
    }

    List<Map<TalkVersion, Integer>> results = AgendaStoreContract.allAtOnce(renders);

    for (Map<TalkVersion, Integer> result : results) {
      assertEquals(Map.of(moved, 1, unchanged, 0), result);
    }
    assertEquals(1, sequence(moved));
  }

  @Test
  default void sequences_newTalkSeenAtOnceThroughTwoReplicas_isZeroForAll() throws Exception {
    JdbcAgendaStore other = replica();
    TalkVersion fresh = talk("n1", "fp");
    List<Callable<Integer>> renders = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      renders.add(() -> store().sequences(List.of(fresh)).get(fresh));
      renders.add(() -> other.sequences(List.of(fresh)).get(fresh));
    }

    assertEquals(List.of(0), AgendaStoreContract.allAtOnce(renders).stream().distinct().toList());
  }
}
