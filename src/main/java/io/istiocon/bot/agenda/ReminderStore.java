package io.istiocon.bot.agenda;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where reminders and change notices keep what must survive a restart and be shared by replicas:
 * each user's reminder setting, each saved talk's reminder and whether Slack holds it, deletes
 * still owed to Slack, and each saved talk as notices last saw it. Every method may throw
 * {@link StoreUnavailableException}; implementations are safe for many threads and replicas, as
 * {@link AgendaStore}'s are. {@link AgendaStore#forget} deletes the user's rows here too (after
 * the caller has taken their reminders with {@link #removeReminders}, to delete them in Slack).
 */
public interface ReminderStore {
  /** Returns the user's setting; empty when they never chose one (the default applies). */
  Optional<ReminderSetting> reminderSetting(String userId);

  /** Stores the user's setting in place of any other. */
  void setReminderSetting(String userId, ReminderSetting setting);

  /** Adds a pending reminder; returns {@code false}, changing nothing, when the user has one for that talk. */
  boolean addReminder(Reminder pending);

  /**
   * Claims the user's pending reminder of a talk, if it is not leased at {@code now}: leases it until
   * {@code leaseUntil} and returns it. One caller across replicas gets it.
   */
  Optional<Reminder> claimReminder(String userId, TalkId talk, Instant now, Instant leaseUntil);

  /**
   * Claims at most {@code limit} pending reminders due at or before {@code horizon} and not leased at
   * {@code now}, soonest first, leasing each until {@code leaseUntil}. Each goes to one caller.
   */
  List<Reminder> claimReminders(Instant now, Instant horizon, Instant leaseUntil, int limit);

  /** Records that Slack holds the reminder (its lease ends); false when the row is gone (removed meanwhile). */
  boolean reminderScheduled(Reminder scheduled);

  /**
   * Puts the reminder back to pending at {@code postAt}, not to be claimed before {@code notBefore};
   * any scheduled message id it had is dropped (the caller deleted it). False when the row is gone.
   */
  boolean reminderPending(String userId, TalkId talk, Instant postAt, Instant notBefore);

  /** Deletes the user's reminder of a talk and returns it; empty when there was none. */
  Optional<Reminder> removeReminder(String userId, TalkId talk);

  /** Deletes all the user's reminders and returns them. */
  List<Reminder> removeReminders(String userId);

  /** Returns the user's reminders. */
  List<Reminder> reminders(String userId);

  /** Returns every user's reminder of a talk. */
  List<Reminder> remindersOf(TalkId talk);

  /** Keeps a scheduled message to delete later; a second one with the same id changes nothing. */
  void addCancellation(Cancellation cancellation, Instant notBefore);

  /** Claims at most {@code limit} deletes owed that are not leased at {@code now}, leasing them until {@code leaseUntil}. */
  List<Cancellation> claimCancellations(Instant now, Instant leaseUntil, int limit);

  /** Forgets a delete owed: done, or the message was gone already. */
  void cancellationDone(Cancellation cancellation);

  /** Returns every talk someone saved, each once. */
  List<TalkId> savedTalks();

  /** Returns the users who saved a talk. */
  List<String> savers(TalkId talk);

  /** Returns the talks as last recorded; talks never recorded are left out. */
  Map<TalkId, TalkRecord> talkRecords(Collection<TalkId> talks);

  /** Records a talk seen for the first time; false, changing nothing, when it was recorded already. */
  boolean recordTalk(TalkRecord talk);

  /**
   * Claims a change: replaces the record {@code seen} with {@code now} only if the store still holds
   * {@code seen}; returns whether it did. Of replicas passing one change, exactly one gets {@code true}.
   */
  boolean advanceTalk(TalkRecord seen, TalkRecord now);
}
