package io.istiocon.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.agenda.AgendaEntry;
import io.istiocon.bot.agenda.Cancellation;
import io.istiocon.bot.agenda.Reminder;
import io.istiocon.bot.agenda.ReminderSetting;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.agenda.TalkRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What the store does for reminders and change notices, on each database through
 * {@link AgendaStoreContract}: settings, one reminder per saved talk, claims that one replica wins,
 * deletes owed to Slack, and talk records that one replica advances per change.
 */
interface ReminderStoreContract {
  Instant T0 = Instant.parse("2021-02-22T16:00:00Z");
  TalkId E7P = new TalkId("istiocon-2021", "e7p");
  TalkId A4P = new TalkId("istiocon-2021", "a4p");

  /** Returns this test's store. */
  JdbcAgendaStore store();

  /** Opens another store on this test's database, as another replica would. */
  JdbcAgendaStore replica() throws Exception;

  private static TalkRecord record(TalkId talk, Instant start, String title) {
    return new TalkRecord(talk, start, start.plus(Duration.ofMinutes(40)), title, null, false);
  }

  @Test
  default void reminderSetting_noneChosen_isEmpty_thenTheLastOneStored() {
    assertEquals(Optional.empty(), store().reminderSetting("U1"));

    store().setReminderSetting("U1", new ReminderSetting(true, 5));
    store().setReminderSetting("U1", new ReminderSetting(false, 5));

    assertEquals(Optional.of(new ReminderSetting(false, 5)), store().reminderSetting("U1"));
    assertEquals(Optional.empty(), store().reminderSetting("U2"));
  }

  @Test
  default void addReminder_twice_addsOne() {
    assertTrue(store().addReminder(Reminder.pending("U1", E7P, T0)));
    assertFalse(store().addReminder(Reminder.pending("U1", E7P, T0.plusSeconds(60))));

    assertEquals(List.of(Reminder.pending("U1", E7P, T0)), store().reminders("U1"));
  }

  @Test
  default void claimReminder_leasedOnce_thenFreeWhenTheLeaseRunsOut() {
    store().addReminder(Reminder.pending("U1", E7P, T0));

    assertTrue(store().claimReminder("U1", E7P, T0, T0.plusSeconds(60)).isPresent());
    assertTrue(store().claimReminder("U1", E7P, T0.plusSeconds(30), T0.plusSeconds(90)).isEmpty(), "leased");
    assertTrue(store().claimReminder("U1", E7P, T0.plusSeconds(60), T0.plusSeconds(120)).isPresent(), "lease over");
  }

  @Test
  default void scheduled_isNotClaimedAgain_andKeepsItsIdAndChannel() {
    store().addReminder(Reminder.pending("U1", E7P, T0));
    Reminder claimed = store().claimReminder("U1", E7P, T0, T0.plusSeconds(60)).orElseThrow();

    assertTrue(store().reminderScheduled(claimed.scheduled("D1", "Q1")));

    assertEquals(List.of(claimed.scheduled("D1", "Q1")), store().reminders("U1"));
    assertTrue(store().claimReminder("U1", E7P, T0.plusSeconds(600), T0.plusSeconds(700)).isEmpty());
    assertTrue(store().claimReminders(T0.plusSeconds(600), T0.plusSeconds(6000), T0.plusSeconds(700), 10).isEmpty());
  }

  @Test
  default void claimReminders_dueWithinTheHorizonAndNotLeased_soonestFirst_upToTheLimit() {
    store().addReminder(Reminder.pending("U1", E7P, T0.plus(Duration.ofDays(200))));
    store().addReminder(Reminder.pending("U2", E7P, T0.plus(Duration.ofDays(2))));
    store().addReminder(Reminder.pending("U3", E7P, T0.plus(Duration.ofDays(1))));
    store().addReminder(Reminder.pending("U4", A4P, T0.plus(Duration.ofDays(3))));
    store().reminderPending("U4", A4P, T0.plus(Duration.ofDays(3)), T0.plusSeconds(30)); // rate limited: not before +30 s

    List<Reminder> claimed = store().claimReminders(T0, T0.plus(Duration.ofDays(120)), T0.plusSeconds(60), 10);

    assertEquals(List.of("U3", "U2"), claimed.stream().map(Reminder::userId).toList());
    assertEquals(List.of("U4"), store().claimReminders(T0.plusSeconds(30), T0.plus(Duration.ofDays(120)),
        T0.plusSeconds(90), 1).stream().map(Reminder::userId).toList());
  }

  @Test
  default void claimReminders_twoReplicasAtOnce_eachReminderGoesToOne() throws Exception {
    JdbcAgendaStore other = replica();
    for (int u = 0; u < 50; u++) {
      store().addReminder(Reminder.pending("U" + u, E7P, T0.plusSeconds(u)));
    }
    List<Callable<List<Reminder>>> sweeps = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sweeps.add(() -> store().claimReminders(T0, T0.plus(Duration.ofDays(1)), T0.plusSeconds(60), 7));
      sweeps.add(() -> other.claimReminders(T0, T0.plus(Duration.ofDays(1)), T0.plusSeconds(60), 7));
    }

    List<String> users = new ArrayList<>(AgendaStoreContract.allAtOnce(sweeps).stream().flatMap(List::stream)
        .map(Reminder::userId).toList());
    // Sweeps that read the same candidates lose them to each other; the next sweep takes what is left.
    store().claimReminders(T0, T0.plus(Duration.ofDays(1)), T0.plusSeconds(60), 50).forEach(r -> users.add(r.userId()));

    assertEquals(50, users.size(), "every reminder claimed, none twice: " + users);
    assertEquals(50, users.stream().distinct().count(), "none twice");
  }

  @Test
  default void reminderPending_dropsTheScheduledIdAndMovesIt() {
    store().addReminder(Reminder.pending("U1", E7P, T0));
    store().reminderScheduled(Reminder.pending("U1", E7P, T0).scheduled("D1", "Q1"));

    assertTrue(store().reminderPending("U1", E7P, T0.plusSeconds(3600), T0));

    assertEquals(List.of(Reminder.pending("U1", E7P, T0.plusSeconds(3600))), store().reminders("U1"));
    assertFalse(store().reminderPending("U9", E7P, T0, T0), "no such reminder");
  }

  @Test
  default void removeReminder_returnsWhatWasThere_once() {
    store().addReminder(Reminder.pending("U1", E7P, T0));
    store().reminderScheduled(Reminder.pending("U1", E7P, T0).scheduled("D1", "Q1"));

    assertEquals(Optional.of(Reminder.pending("U1", E7P, T0).scheduled("D1", "Q1")), store().removeReminder("U1", E7P));
    assertEquals(Optional.empty(), store().removeReminder("U1", E7P));
  }

  @Test
  default void removeReminders_andForget_takeOnlyThatUsersRows() {
    store().addReminder(Reminder.pending("U1", E7P, T0));
    store().addReminder(Reminder.pending("U1", A4P, T0));
    store().addReminder(Reminder.pending("U2", A4P, T0));
    store().setReminderSetting("U1", new ReminderSetting(true, 3));

    assertEquals(2, store().removeReminders("U1").size());
    store().addReminder(Reminder.pending("U1", E7P, T0));
    store().save(new AgendaEntry("U1", "istiocon-2021", "e7p", T0));
    store().forget("U1");

    assertEquals(List.of(), store().reminders("U1"));
    assertEquals(Optional.empty(), store().reminderSetting("U1"));
    assertEquals(List.of(Reminder.pending("U2", A4P, T0)), store().remindersOf(A4P));
  }

  @Test
  default void cancellations_keptOnce_claimedWhenDue_andDone() {
    Cancellation cancel = new Cancellation("D1", "Q1");
    store().addCancellation(cancel, T0);
    store().addCancellation(cancel, T0);

    assertEquals(List.of(cancel), store().claimCancellations(T0, T0.plusSeconds(60), 10));
    assertEquals(List.of(), store().claimCancellations(T0.plusSeconds(1), T0.plusSeconds(61), 10), "leased");
    store().cancellationDone(cancel);
    assertEquals(List.of(), store().claimCancellations(T0.plusSeconds(120), T0.plusSeconds(180), 10));
  }

  @Test
  default void savedTalksAndSavers_eachOnce() {
    store().save(new AgendaEntry("U2", "istiocon-2021", "e7p", T0));
    store().save(new AgendaEntry("U1", "istiocon-2021", "e7p", T0));
    store().save(new AgendaEntry("U1", "istiocon-2021", "a4p", T0));

    assertEquals(List.of(A4P, E7P), store().savedTalks());
    assertEquals(List.of("U1", "U2"), store().savers(E7P));
  }

  @Test
  default void talkRecords_recordedOnce_advancedOnlyFromWhatIsStored() {
    TalkRecord first = record(E7P, T0, "eBPF");
    TalkRecord moved = record(E7P, T0.plusSeconds(3600), "eBPF");
    assertTrue(store().recordTalk(first));
    assertFalse(store().recordTalk(moved));
    assertEquals(Map.of(E7P, first), store().talkRecords(List.of(E7P, A4P)));

    assertTrue(store().advanceTalk(first, moved));
    assertFalse(store().advanceTalk(first, moved), "already advanced");
    assertTrue(store().advanceTalk(moved, moved.asRemoved()));

    assertEquals(Map.of(E7P, moved.asRemoved()), store().talkRecords(List.of(E7P)));
  }

  @Test
  default void advanceTalk_oneChangeThroughTwoReplicasAtOnce_isClaimedOnce() throws Exception {
    JdbcAgendaStore other = replica();
    TalkRecord first = new TalkRecord(E7P, T0, T0.plusSeconds(60), "eBPF", "Room 1", false);
    TalkRecord moved = new TalkRecord(E7P, T0.plusSeconds(600), T0.plusSeconds(660), "eBPF", "Room 1", false);
    store().recordTalk(first);
    List<Callable<Boolean>> claims = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      claims.add(() -> store().advanceTalk(first, moved));
      claims.add(() -> other.advanceTalk(first, moved));
    }

    assertEquals(1, AgendaStoreContract.allAtOnce(claims).stream().filter(b -> b).count());
  }
}
