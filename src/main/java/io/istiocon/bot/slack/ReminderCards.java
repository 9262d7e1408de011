package io.istiocon.bot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.istiocon.bot.agenda.ReminderSetting;
import io.istiocon.bot.agenda.TalkRecord;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.search.Query;
import io.istiocon.bot.service.AgendaService.MyAgenda;
import io.istiocon.bot.service.ReminderSender;
import io.istiocon.bot.service.ReminderSender.Notice;
import io.istiocon.bot.service.Reminders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Renders reminders and change notices: the reminder DM with the talk card, the line a save's
 * answer gets about its reminder, the answers to the reminder commands, the notices of moved,
 * cancelled and changed talks, the announce channel's summary, and the Home tab's line. Times are
 * Slack date tokens, which every reader sees in their own zone.
 */
final class ReminderCards {
  private static final DateTimeFormatter FALLBACK = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH);
  private static final String ON = "`/istiocon reminders on`";
  private static final String OFF = "`/istiocon reminders off`";

  private ReminderCards() {}

  /** Renders the reminder Slack posts: when the talk starts, and its card with its links. */
  static TalkCards.Message reminder(Session talk, Duration before) {
    String head = "\u23f0 *Starting in " + minutes(before.toMinutes()) + ":* " + TalkCards.fit(talk.title(), 150, 750);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(head))));
    blocks.addAll(TalkCards.card(talk, null, Query.Lead.NONE, 0, true,
        new TalkCards.Saving(AgendaAction.Place.CARD, null, Set.of(AgendaCards.id(talk)))));
    return new TalkCards.Message(TalkCards.fit("Starting in " + minutes(before.toMinutes()) + ": " + talk.title(), 300, 1000),
        blocks);
  }

  /** Returns the line a save's answer gets about the talk's reminder; empty when there is nothing to say. */
  static Optional<String> note(Reminders.Note note, Session talk) {
    String lead = minutes(note.setting().minutes()) + " before";
    return Optional.ofNullable(switch (note.outcome()) {
      case SCHEDULED -> "\u23f0 I'll remind you in a DM " + lead + " it starts (" + OFF + " stops that).";
      case LATER -> "\u23f0 It is more than 120 days away, beyond what Slack can schedule: I'll set its reminder ("
          + lead + ") once it comes within range.";
      case QUEUED -> "\u23f0 Slack is busy right now, so your reminder (" + lead + ") is queued: I'll set it within a few "
          + "minutes.";
      case OVER -> talk.videoLink().map(u -> "This talk is over, so there is no reminder: \u25b6 *<" + SlackText.escape(
          u.toString()) + "|Watch the recording>*").orElse("This talk is over, so there is no reminder, and no recording "
          + "was published for it.");
      case TOO_SOON -> "It starts within " + minutes(note.setting().minutes()) + " (or has started), so there is no reminder.";
      case OFF -> "Your reminders are off; " + ON + " turns them back on.";
      case TIME_IN_PAST -> "Slack says that reminder time has already passed, so no reminder was set.";
      case TOO_MANY -> "Slack allows at most 30 scheduled messages within 5 minutes in one conversation, and your "
          + "reminders around that time fill it, so no reminder was set for this talk.";
      case REFUSED -> "Slack did not accept the reminder, so none was set; the talk is saved all the same.";
      case ALREADY -> null;
    });
  }

  /** Adds a line under a message; the message as it was when the line would not fit. */
  static TalkCards.Message withNote(TalkCards.Message m, Optional<String> note) {
    if (note.isEmpty()) {
      return m;
    }
    List<LayoutBlock> blocks = new ArrayList<>(m.blocks());
    blocks.add(context(List.of(markdownText(note.get()))));
    if (!TalkCards.fits(blocks, TalkCards.MAX_BLOCKS, TalkCards.MAX_JSON)) {
      return m;
    }
    String text = m.text() + " " + note.get();
    return new TalkCards.Message(text.length() <= TalkCards.MAX_TEXT ? text : m.text(), blocks);
  }

  /** Renders the DM telling the user their reminder of a talk could not be set after all (found by a sweep). */
  static TalkCards.Message refusedLater(Session talk, ReminderSender.Kind why) {
    String reason = switch (why) {
      case TIME_IN_PAST -> "its time passed before Slack could take it";
      case TOO_MANY -> "Slack allows at most 30 scheduled messages within 5 minutes in one conversation";
      default -> "Slack did not accept it";
    };
    return text("\u26a0\ufe0f I couldn't set the reminder for *" + TalkCards.fit(talk.title(), 150, 750) + "*: " + reason
        + ". The talk stays in your agenda.");
  }

  /** Renders a notice: "Moved: <title> is now <date>, was <date>", "Cancelled: <title>", "Changed: ...". */
  static TalkCards.Message notice(Notice notice) {
    return text(line(notice));
  }

  /** Renders the announce channel's summary of changes to saved talks. */
  static TalkCards.Message announcement(List<Notice> notices) {
    StringBuilder out = new StringBuilder("\ud83d\udce3 Programme changes to talks people saved:");
    int shown = 0;
    for (Notice n : notices) {
      String line = "\n\u2022 " + line(n);
      if (out.length() + line.length() > TalkCards.MAX_TEXT - 40) {
        out.append("\n\u2026 and ").append(notices.size() - shown).append(" more.");
        break;
      }
      out.append(line);
      shown++;
    }
    return text(out.toString());
  }

  /** Renders the answer to a reminder command: the setting now and how many reminders it left set. */
  static TalkCards.Message setting(ReminderSetting setting, int set) {
    if (!setting.enabled()) {
      return text("Reminders are off: I deleted the ones I had scheduled, and I won't schedule new ones. " + ON
          + " turns them back on.");
    }
    return text("\u23f0 Reminders are on: I'll remind you in a DM " + minutes(setting.minutes()) + " before each talk you "
        + "save (" + (set == 1 ? "1 reminder" : set + " reminders") + " set for your agenda now). " + OFF + " stops them.");
  }

  /** Renders the answer to "remind me N minutes before" with a number out of range. */
  static TalkCards.Message badMinutes() {
    return text("I can remind you 1 to " + ReminderSetting.MAX_MINUTES + " minutes before a talk: try "
        + "`/istiocon remind me 5 minutes before`.");
  }

  /** Returns the Home tab's line: when the next saved talk starts, and the reminder setting. */
  static Optional<LayoutBlock> homeLine(MyAgenda agenda, ReminderSetting setting, Instant now) {
    return agenda.next(now).filter(talk -> talk.start().isAfter(now)).map(talk -> context(List.of(markdownText(
        "Your next saved talk starts " + date(talk.start()) + " \u00b7 " + (setting.enabled()
            ? "reminder " + minutes(setting.minutes()) + " before" : "reminders off")))));
  }

  private static String line(Notice n) {
    TalkRecord was = n.was();
    String title = "*" + TalkCards.fit(was.title(), 150, 750) + "*";
    return switch (n.change()) {
      case CANCELLED -> "Cancelled: " + title + " (was " + date(was.start()) + ")";
      case MOVED -> "Moved: " + title + " is now " + date(n.now().start()) + ", was " + date(was.start());
      case CHANGED -> {
        List<String> what = new ArrayList<>();
        if (!was.title().equals(n.now().title())) {
          what.add("now titled *" + TalkCards.fit(n.now().title(), 150, 750) + "*");
        }
        String room = n.now().room();
        if (!java.util.Objects.equals(was.room(), room)) {
          what.add(room == null ? "no room given now" : "now in " + TalkCards.fit(room, 60, 300)
              + (was.room() == null ? "" : ", was " + TalkCards.fit(was.room(), 60, 300)));
        }
        yield "Changed: " + title + " (" + date(was.start()) + ") is " + String.join("; ", what);
      }
    };
  }

  /** Returns a Slack date token: the reader's own zone, UTC as the fallback. */
  static String date(Instant at) {
    return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + at.atZone(ZoneOffset.UTC).format(FALLBACK) + ">";
  }

  private static String minutes(long n) {
    return n == 1 ? "1 minute" : n + " minutes";
  }

  /** Returns a message of one section; {@code text} is mrkdwn already escaped, short by construction. */
  private static TalkCards.Message text(String text) {
    return new TalkCards.Message(text, List.of(section(s -> s.text(markdownText(text)))));
  }
}
