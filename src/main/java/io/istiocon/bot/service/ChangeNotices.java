package io.istiocon.bot.service;

import io.istiocon.bot.agenda.Reminder;
import io.istiocon.bot.agenda.ReminderStore;
import io.istiocon.bot.agenda.StoreUnavailableException;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.agenda.TalkRecord;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.service.ReminderSender.Change;
import io.istiocon.bot.service.ReminderSender.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells users when a talk they saved moved, was cancelled or changed title or room, and moves or
 * deletes its reminders. Each saved talk is compared with what the store last recorded for it (not
 * with the previous catalog in memory), so a change made while the bot was down is noticed after
 * the restart. A change is claimed in the store by advancing the talk's record from the old
 * version to the new one ({@link ReminderStore#advanceTalk}): of replicas reloading the same
 * catalog, exactly one wins each change, and only it sends the notices and moves the reminders.
 */
public final class ChangeNotices {
  private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

  /** Hears each notice sent, by change ({@code moved}, {@code cancelled}, {@code changed}, {@code announced}). */
  @FunctionalInterface
  public interface Counts {
    void count(String change);
  }

  private final ReminderStore store;
  private final Reminders reminders;
  private final ReminderSender sender;
  private final Optional<String> announceChannel;
  private final Counts counts;

  public ChangeNotices(ReminderStore store, Reminders reminders, ReminderSender sender, Optional<String> announceChannel,
      Counts counts) {
    this.store = store;
    this.reminders = reminders;
    this.sender = sender;
    this.announceChannel = announceChannel;
    this.counts = counts;
  }

  /**
   * Compares every saved talk in {@code catalog} with its record, and for each change this replica
   * claims, tells the users who saved it (one DM each), moves or deletes their reminders, and
   * finally posts one summary to the announce channel. Returns the changes handled here.
   */
  public List<Notice> check(Catalog catalog) {
    if (catalog.isEmpty()) {
      return List.of(); // nothing loaded yet (or every file broken): not a cancellation of everything
    }
    List<Notice> handled = new ArrayList<>();
    try {
      List<TalkId> talks = store.savedTalks();
      Map<TalkId, TalkRecord> records = store.talkRecords(talks);
      for (TalkId talk : talks) {
        Optional<Session> now = catalog.session(talk.conference(), talk.session());
        TalkRecord was = records.get(talk);
        if (was == null) {
          now.ifPresent(s -> store.recordTalk(record(s))); // first sight: nothing to compare with
          continue;
        }
        TalkRecord seen = now.map(ChangeNotices::record).orElse(was.asRemoved());
        if (seen.equals(was) || !store.advanceTalk(was, seen)) {
          continue; // unchanged, or another replica claimed this change
        }
        Notice notice = new Notice(now.isEmpty() ? Change.CANCELLED : seen.movedFrom(was) ? Change.MOVED : Change.CHANGED,
            was, now.orElse(null));
        if (was.removed() && now.isPresent()) {
          notice = new Notice(Change.MOVED, was, now.get()); // back in the programme: its time is news
        }
        handle(talk, notice);
        handled.add(notice);
      }
    } catch (StoreUnavailableException e) {
      log.warn("could not compare saved talks with the catalog: {}; the next reload tries again", e.getMessage());
    }
    if (!handled.isEmpty() && announceChannel.isPresent() && sender.announce(announceChannel.get(), handled)) {
      counts.count("announced");
    }
    return handled;
  }

  private void handle(TalkId talk, Notice notice) {
    for (Reminder reminder : store.remindersOf(talk)) {
      switch (notice.change()) {
        // A new title or room: Slack's copy holds the card as it was saved, so it is replaced too.
        case MOVED, CHANGED -> reminders.moved(reminder, notice.now());
        case CANCELLED -> reminders.cancelled(reminder);
      }
    }
    List<String> users = store.savers(talk);
    for (String user : users) {
      if (sender.notice(user, notice)) {
        counts.count(notice.change().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    log.info("{} {}/{}: told {} user(s)", notice.change(), talk.conference(), talk.session(), users.size());
  }

  /** Returns what a notice tells about a talk. */
  public static TalkRecord record(Session s) {
    return new TalkRecord(new TalkId(s.conference(), s.id()), s.start(), s.end(), s.title(), s.room(), false);
  }
}
