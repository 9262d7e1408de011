package io.istiocon.bot.service;

import io.istiocon.bot.agenda.AgendaEntry;
import io.istiocon.bot.agenda.AgendaStore;
import io.istiocon.bot.agenda.Cancellation;
import io.istiocon.bot.agenda.Reminder;
import io.istiocon.bot.agenda.ReminderSetting;
import io.istiocon.bot.agenda.ReminderStore;
import io.istiocon.bot.agenda.StoreUnavailableException;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders of saved talks, held by Slack: saving a talk schedules a DM {@code minutes} before it
 * starts ({@code chat.scheduleMessage}, through {@link ReminderSender}), removing it or "forget me"
 * deletes it, and a change of lead time or switching reminders off and on redoes the user's. The
 * store keeps each reminder and the id Slack gave it, so any replica can delete it and a restart
 * loses none. A reminder Slack cannot take yet (more than {@link #SLACK_HORIZON} ahead, a 429, the
 * rate {@link Pacer} full, Slack down) stays pending and {@link #sweep} schedules it later; rows are
 * leased, so one replica schedules each.
 */
public final class Reminders {
  private static final Logger log = LoggerFactory.getLogger(Reminders.class);
  /** How far ahead Slack schedules a message. */
  public static final Duration SLACK_HORIZON = Duration.ofDays(120);
  /** Kept off Slack's horizon, so clocks a little apart do not get {@code time_too_far}. */
  static final Duration HORIZON_MARGIN = Duration.ofHours(1);
  /** How long a replica holds a reminder it claimed before another may take it. */
  static final Duration LEASE = Duration.ofMinutes(2);
  /** How long a reminder waits after Slack failed (5xx, network) before it is tried again. */
  static final Duration AFTER_FAILURE = Duration.ofMinutes(1);
  /** How often {@link #sweep} should run. */
  public static final Duration SWEEP = Duration.ofSeconds(30);
  /** The lead time when REMINDER_MINUTES is not set. */
  public static final int DEFAULT_MINUTES = 10;
  /** Deletes owed taken per sweep. */
  static final int CANCELS_PER_SWEEP = 50;

  /** Hears what reminders did, for the metrics: {@code scheduled}, {@code deleted}, {@code refused_*}, ... */
  @FunctionalInterface
  public interface Counts {
    void count(String outcome);
  }

  /** What became of a talk's reminder, for the answer to the person who saved it. */
  public enum Outcome {
    /** Slack holds it. */
    SCHEDULED,
    /** More than 120 days ahead: it is scheduled when the talk comes within range. */
    LATER,
    /** Slack is busy (rate limited, or failing): it stays pending and is scheduled shortly. */
    QUEUED,
    /** The talk is over: no reminder; the recording instead. */
    OVER,
    /** The talk starts within the lead time, or is on: no reminder. */
    TOO_SOON,
    /** The user switched reminders off. */
    OFF,
    /** Slack: the time has passed ({@code time_in_past}). */
    TIME_IN_PAST,
    /** Slack: over 30 messages within 5 minutes in the DM ({@code restricted_too_many}). */
    TOO_MANY,
    /** Slack refused for another reason. */
    REFUSED,
    /** The talk was saved already: nothing more scheduled. */
    ALREADY
  }

  /** A reminder's outcome with the setting it was made with. */
  public record Note(Outcome outcome, ReminderSetting setting, Instant postAt) {}

  private final AgendaStore agenda;
  private final ReminderStore store;
  private final Supplier<Catalog> catalog;
  private final ReminderSender sender;
  private final Clock clock;
  private final int defaultMinutes;
  private final Pacer pacer;
  /** chat.deleteScheduledMessage is Tier 3 too, paced apart. */
  private final Pacer deletes;
  private final Counts counts;

  public Reminders(AgendaStore agenda, ReminderStore store, Supplier<Catalog> catalog, ReminderSender sender, Clock clock,
      int defaultMinutes, Pacer pacer, Counts counts) {
    this.agenda = Objects.requireNonNull(agenda, "agenda");
    this.store = Objects.requireNonNull(store, "store");
    this.catalog = catalog;
    this.sender = sender;
    this.clock = clock;
    this.defaultMinutes = new ReminderSetting(true, defaultMinutes).minutes();
    this.pacer = pacer;
    this.deletes = Pacer.tier3(clock);
    this.counts = counts;
  }

  /** Returns the user's setting, or the default: on, {@code REMINDER_MINUTES} before. */
  public ReminderSetting setting(String user) {
    return store.reminderSetting(user).orElse(new ReminderSetting(true, defaultMinutes));
  }

  /** Makes the reminder of a talk the user just saved (or saved again). */
  public Note saved(String user, Session talk) {
    store.recordTalk(ChangeNotices.record(talk)); // what a later change is compared with
    ReminderSetting setting = setting(user);
    Instant now = clock.instant();
    Instant postAt = talk.start().minus(Duration.ofMinutes(setting.minutes()));
    if (!setting.enabled()) {
      return new Note(Outcome.OFF, setting, postAt);
    }
    if (!talk.end().isAfter(now)) {
      return new Note(Outcome.OVER, setting, postAt);
    }
    if (!postAt.isAfter(now)) {
      return new Note(Outcome.TOO_SOON, setting, postAt);
    }
    if (!store.addReminder(Reminder.pending(user, id(talk), postAt))) {
      return new Note(Outcome.ALREADY, setting, postAt);
    }
    return new Note(scheduleNew(user, talk, postAt, now), setting, postAt);
  }

  /** Deletes the reminder of a talk the user removed. */
  public void removed(String user, TalkId talk) {
    store.removeReminder(user, talk).ifPresent(this::delete);
  }

  /** Deletes all the user's reminders; "forget me" calls it before the store forgets them. */
  public int forget(String user) {
    List<Reminder> gone = store.removeReminders(user);
    gone.forEach(this::delete);
    return gone.size();
  }

  /** Sets the user's lead time (reminders on) and redoes their reminders; returns how many Slack holds or will. */
  public int remindMe(String user, int minutes) {
    store.setReminderSetting(user, new ReminderSetting(true, minutes));
    return redo(user);
  }

  /** Switches the user's reminders on or off and redoes them; returns how many Slack holds or will. */
  public int switchTo(String user, boolean on) {
    store.setReminderSetting(user, new ReminderSetting(on, setting(user).minutes()));
    return redo(user);
  }

  /**
   * Replaces a user's reminder of a talk that moved or changed title or room: deletes Slack's copy,
   * schedules one with the talk as it is now, at its (new) time.
   */
  public void moved(Reminder reminder, Session talk) {
    delete(reminder);
    ReminderSetting setting = setting(reminder.userId());
    Instant now = clock.instant();
    Instant postAt = talk.start().minus(Duration.ofMinutes(setting.minutes()));
    if (!setting.enabled() || !postAt.isAfter(now)) {
      store.removeReminder(reminder.userId(), reminder.talk());
      return;
    }
    if (store.reminderPending(reminder.userId(), reminder.talk(), postAt, Instant.EPOCH)) {
      scheduleNew(reminder.userId(), talk, postAt, now);
    }
  }

  /** Deletes a user's reminder of a talk the catalog dropped. */
  public void cancelled(Reminder reminder) {
    store.removeReminder(reminder.userId(), reminder.talk()).ifPresent(this::delete);
  }

  /**
   * Schedules the pending reminders that are due (within Slack's horizon and not leased), as many as
   * the rate allows now, and retries the deletes owed. Runs on the scheduler every {@link #SWEEP};
   * a failure is logged and the next run tries again. Returns how many Slack took.
   */
  public int sweep() {
    try {
      retryDeletes();
      Instant now = clock.instant();
      int room = pacer.available();
      if (room <= 0) {
        return 0;
      }
      int scheduled = 0;
      for (Reminder r : store.claimReminders(now, horizon(now), now.plus(LEASE), room)) {
        Optional<Session> talk = catalog.get().session(r.talk().conference(), r.talk().session());
        ReminderSetting setting = setting(r.userId());
        if (talk.isEmpty() || !setting.enabled()) {
          store.removeReminder(r.userId(), r.talk()); // change notices deal with a dropped talk
          continue;
        }
        Instant postAt = talk.get().start().minus(Duration.ofMinutes(setting.minutes()));
        if (!postAt.isAfter(now)) {
          store.removeReminder(r.userId(), r.talk());
          counts.count("refused_time_in_past");
          sender.refused(r.userId(), talk.get(), ReminderSender.Kind.TIME_IN_PAST);
          continue;
        }
        Outcome outcome = attempt(r.userId(), talk.get(), postAt, now);
        if (outcome == Outcome.SCHEDULED) {
          scheduled++;
        } else if (outcome == Outcome.TIME_IN_PAST || outcome == Outcome.TOO_MANY || outcome == Outcome.REFUSED) {
          sender.refused(r.userId(), talk.get(), outcome == Outcome.TIME_IN_PAST ? ReminderSender.Kind.TIME_IN_PAST
              : outcome == Outcome.TOO_MANY ? ReminderSender.Kind.TOO_MANY : ReminderSender.Kind.REFUSED);
        }
      }
      return scheduled;
    } catch (StoreUnavailableException e) {
      log.warn("reminder sweep: {}; trying again in {} s", e.getMessage(), SWEEP.toSeconds());
      return 0;
    }
  }

  // ---- scheduling -------------------------------------------------------------------------

  private int redo(String user) {
    forget(user);
    ReminderSetting setting = setting(user);
    if (!setting.enabled()) {
      return 0;
    }
    Catalog served = catalog.get();
    int set = 0;
    for (AgendaEntry entry : agenda.list(user)) {
      Optional<Session> talk = served.session(entry.conference(), entry.session());
      if (talk.isPresent()) {
        Outcome outcome = saved(user, talk.get()).outcome();
        if (outcome == Outcome.SCHEDULED || outcome == Outcome.LATER || outcome == Outcome.QUEUED) {
          set++;
        }
      }
    }
    return set;
  }

  /** Schedules a pending reminder just written, unless Slack cannot take it yet; the sweep does the rest. */
  private Outcome scheduleNew(String user, Session talk, Instant postAt, Instant now) {
    if (postAt.isAfter(horizon(now))) {
      counts.count("later");
      return Outcome.LATER;
    }
    if (store.claimReminder(user, id(talk), now, now.plus(LEASE)).isEmpty()) {
      return Outcome.QUEUED; // another replica has it in hand
    }
    return attempt(user, talk, postAt, now);
  }

  /** Asks Slack to schedule a claimed reminder and records what it said. */
  private Outcome attempt(String user, Session talk, Instant postAt, Instant now) {
    TalkId id = id(talk);
    if (!pacer.tryAcquire()) {
      store.reminderPending(user, id, postAt, pacer.nextAt());
      counts.count("paced");
      return Outcome.QUEUED;
    }
    ReminderSender.Result result = sender.schedule(user, talk, postAt);
    switch (result.kind()) {
      case OK -> {
        Reminder scheduled = Reminder.pending(user, id, postAt).scheduled(result.channel() == null ? user : result.channel(),
            result.scheduledMessageId());
        if (!store.reminderScheduled(scheduled)) {
          delete(scheduled); // removed while Slack was scheduling it
        }
        counts.count("scheduled");
        return Outcome.SCHEDULED;
      }
      case RATE_LIMITED -> {
        Instant retry = now.plus(result.retryAfter());
        pacer.pauseUntil(retry);
        store.reminderPending(user, id, postAt, retry);
        counts.count("rate_limited");
        log.info("chat.scheduleMessage rate limited; {}'s reminder of {} waits {} s", user, id, result.retryAfter().toSeconds());
        return Outcome.QUEUED;
      }
      case TIME_TOO_FAR -> {
        store.reminderPending(user, id, postAt, now.plus(Duration.ofDays(1)));
        counts.count("refused_time_too_far");
        return Outcome.LATER;
      }
      case FAILED -> {
        store.reminderPending(user, id, postAt, now.plus(AFTER_FAILURE));
        counts.count("failed");
        return Outcome.QUEUED;
      }
      default -> {
        store.removeReminder(user, id);
        Outcome outcome = result.kind() == ReminderSender.Kind.TIME_IN_PAST ? Outcome.TIME_IN_PAST
            : result.kind() == ReminderSender.Kind.TOO_MANY ? Outcome.TOO_MANY : Outcome.REFUSED;
        counts.count("refused_" + result.kind().name().toLowerCase(java.util.Locale.ROOT));
        log.warn("Slack refused {}'s reminder of {}: {}", user, id, result.error());
        return outcome;
      }
    }
  }

  /** Deletes Slack's copy of a reminder; one it cannot delete now is kept and deleted by a later sweep. */
  private void delete(Reminder reminder) {
    if (reminder.isScheduled()) {
      delete(new Cancellation(reminder.channel(), reminder.scheduledMessageId()));
    }
  }

  private boolean delete(Cancellation cancel) {
    if (!deletes.tryAcquire()) {
      store.addCancellation(cancel, deletes.nextAt()); // kept: the sweep deletes it when the rate allows
      counts.count("delete_later");
      return false;
    }
    ReminderSender.Result result = sender.delete(cancel.channel(), cancel.scheduledMessageId());
    switch (result.kind()) {
      case OK, GONE, REFUSED -> {
        counts.count(result.kind() == ReminderSender.Kind.OK ? "deleted" : "delete_" + result.kind().name().toLowerCase(
            java.util.Locale.ROOT));
        return true;
      }
      default -> {
        Instant retry = clock.instant().plus(result.kind() == ReminderSender.Kind.RATE_LIMITED ? result.retryAfter()
            : AFTER_FAILURE);
        if (result.kind() == ReminderSender.Kind.RATE_LIMITED) {
          deletes.pauseUntil(retry);
        }
        store.addCancellation(cancel, retry);
        counts.count("delete_later");
        return false;
      }
    }
  }

  private void retryDeletes() {
    Instant now = clock.instant();
    int room = Math.min(CANCELS_PER_SWEEP, deletes.available());
    if (room <= 0) {
      return;
    }
    for (Cancellation cancel : store.claimCancellations(now, now.plus(LEASE), room)) {
      if (delete(cancel)) {
        store.cancellationDone(cancel);
      }
    }
  }

  private static Instant horizon(Instant now) {
    return now.plus(SLACK_HORIZON).minus(HORIZON_MARGIN);
  }

  static TalkId id(Session talk) {
    return new TalkId(talk.conference(), talk.id());
  }
}
