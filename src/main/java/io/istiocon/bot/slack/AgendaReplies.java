package io.istiocon.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.view.View;
import io.istiocon.bot.agenda.ReminderSetting;
import io.istiocon.bot.agenda.StoreUnavailableException;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.service.AgendaService;
import io.istiocon.bot.service.AgendaService.MyAgenda;
import io.istiocon.bot.service.AnswerService;
import io.istiocon.bot.service.Reminders;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agenda in Slack: "my agenda" and "forget me" asked in words, the ⭐ Save and Remove buttons,
 * and the Home tab that shows the agenda. A store that cannot be reached becomes a message saying
 * to try again in a minute; nothing is half-done.
 */
final class AgendaReplies {
  private static final Logger log = LoggerFactory.getLogger(AgendaReplies.class);
  /** The longest question that can be an agenda command; anything longer goes to the search engine at once. */
  private static final int LONGEST_COMMAND = 40;

  /** What an agenda command asks for. */
  enum Kind {
    /** List the saved talks. */
    AGENDA,
    /** Delete everything stored about the asker. */
    FORGET_ME,
    /** Set the reminders' lead time ({@code minutes}), and switch them on. */
    REMIND_ME,
    /** Switch reminders off. */
    REMINDERS_OFF,
    /** Switch reminders on. */
    REMINDERS_ON,
    /** Show the calendar feed link if the asker has none yet, else say how to replace it. */
    CALENDAR_LINK,
    /** Issue a new calendar feed link, revoking the old one. */
    NEW_CALENDAR_LINK
  }

  /** An agenda command; {@code minutes} only for {@link Kind#REMIND_ME} (0 when out of range). */
  record Command(Kind kind, int minutes) {
    static final Command AGENDA = new Command(Kind.AGENDA, 0);
    static final Command FORGET_ME = new Command(Kind.FORGET_ME, 0);
    static final Command REMINDERS_OFF = new Command(Kind.REMINDERS_OFF, 0);
    static final Command REMINDERS_ON = new Command(Kind.REMINDERS_ON, 0);
    static final Command CALENDAR_LINK = new Command(Kind.CALENDAR_LINK, 0);
    static final Command NEW_CALENDAR_LINK = new Command(Kind.NEW_CALENDAR_LINK, 0);
  }

  /** "remind me 5 minutes before", "remind me 5 min", "remind me 15 minutes before each talk". */
  private static final Pattern REMIND_ME = Pattern.compile(
      "remind me (\\d{1,5}) ?(minutes?|mins?|m)( before( (each|every|the|my) (talk|session)s?)?)?");
  private static final Pattern SWITCH = Pattern.compile(
      "(?:(?:turn|switch) )?(?:reminders?|notifications?) (off|on)|(?:turn|switch) (off|on) (?:reminders?|notifications?)");

  private static final Map<String, Command> COMMANDS = Map.ofEntries(
      Map.entry("agenda", Command.AGENDA), Map.entry("my agenda", Command.AGENDA), Map.entry("my talks", Command.AGENDA),
      Map.entry("my schedule", Command.AGENDA), Map.entry("my saved talks", Command.AGENDA),
      Map.entry("show my agenda", Command.AGENDA), Map.entry("show my talks", Command.AGENDA),
      Map.entry("show my schedule", Command.AGENDA), Map.entry("forget me", Command.FORGET_ME),
      Map.entry("calendar link", Command.CALENDAR_LINK), Map.entry("calendar feed", Command.CALENDAR_LINK),
      Map.entry("my calendar", Command.CALENDAR_LINK), Map.entry("my calendar link", Command.CALENDAR_LINK),
      Map.entry("my calendar feed", Command.CALENDAR_LINK), Map.entry("ical", Command.CALENDAR_LINK),
      Map.entry("ics", Command.CALENDAR_LINK), Map.entry("subscribe", Command.CALENDAR_LINK),
      Map.entry("new calendar link", Command.NEW_CALENDAR_LINK), Map.entry("new calendar feed", Command.NEW_CALENDAR_LINK),
      Map.entry("new calendar", Command.NEW_CALENDAR_LINK), Map.entry("reset calendar link", Command.NEW_CALENDAR_LINK),
      Map.entry("new ical link", Command.NEW_CALENDAR_LINK));

  /** A reply and whether the store took part in it as asked ({@code false}: it could not be reached). */
  record Reply(TalkCards.Message message, boolean ok) {}

  private final AgendaService agenda;
  private final Reminders reminders;
  private final AnswerService answers;
  private final SlackPoster poster;
  private final UserZones zones;
  private final Clock clock;

  AgendaReplies(AgendaService agenda, Reminders reminders, AnswerService answers, SlackPoster poster, UserZones zones,
      Clock clock) {
    this.agenda = agenda;
    this.reminders = reminders;
    this.answers = answers;
    this.poster = poster;
    this.zones = zones;
    this.clock = clock;
  }

  /**
   * Returns the agenda command a question is ("my agenda", "agenda", "my talks", "my schedule",
   * "forget me", "calendar link", "new calendar link", in any case and with any punctuation), or
   * empty for a question for the search engine.
   */
  static Optional<Command> command(String question) {
    if (question == null || question.length() > LONGEST_COMMAND) {
      return Optional.empty();
    }
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < question.length(); i++) {
      char c = question.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        words.append(Character.toLowerCase(c));
      } else if (!words.isEmpty() && words.charAt(words.length() - 1) != ' ') {
        words.append(' ');
      }
    }
    String asked = words.toString().strip();
    Matcher remind = REMIND_ME.matcher(asked);
    if (remind.matches()) {
      int minutes = Integer.parseInt(remind.group(1));
      return Optional.of(new Command(Kind.REMIND_ME, minutes >= 1 && minutes <= ReminderSetting.MAX_MINUTES ? minutes : 0));
    }
    Matcher onOff = SWITCH.matcher(asked);
    if (onOff.matches()) {
      String which = onOff.group(1) != null ? onOff.group(1) : onOff.group(2);
      return Optional.of(which.equals("on") ? Command.REMINDERS_ON : Command.REMINDERS_OFF);
    }
    return Optional.ofNullable(COMMANDS.get(asked));
  }

  /** Returns the answer to a command asked where only the asker sees the reply. */
  Reply answer(Command command, String user) {
    try {
      return switch (command.kind()) {
        case AGENDA -> new Reply(myAgenda(user), true);
        case FORGET_ME -> {
          reminders.forget(user); // Slack's copies first: the store forgets their ids next
          yield new Reply(AgendaCards.forgotten(agenda.forget(user)), true);
        }
        case REMIND_ME -> command.minutes() == 0 ? new Reply(ReminderCards.badMinutes(), true)
            : reminderSetting(user, reminders.remindMe(user, command.minutes()));
        case REMINDERS_OFF -> reminderSetting(user, reminders.switchTo(user, false));
        case REMINDERS_ON -> reminderSetting(user, reminders.switchTo(user, true));
        case CALENDAR_LINK -> new Reply(AgendaCards.feedLink(agenda.feedLink(user)), true);
        case NEW_CALENDAR_LINK -> new Reply(AgendaCards.feedLink(agenda.newFeedLink(user)), true);
      };
    } catch (StoreUnavailableException e) {
      log.warn("could not answer {} for {}: {}", command.kind(), user, e.getMessage());
      return new Reply(AgendaCards.unreachable(switch (command.kind()) {
        case AGENDA -> "I can't show your agenda";
        case FORGET_ME -> "nothing was deleted";
        case CALENDAR_LINK, NEW_CALENDAR_LINK -> "I can't give you a calendar link";
        default -> "your reminder setting may not have changed";
      }), false);
    }
  }

  private Reply reminderSetting(String user, int set) {
    return new Reply(ReminderCards.setting(reminders.setting(user), set), true);
  }

  /**
   * Returns "my agenda": the saved talks, and the calendar feed link the first time there are some
   * (it is shown once; the store keeps only its hash).
   */
  private TalkCards.Message myAgenda(String user) {
    MyAgenda mine = agenda.agenda(user);
    Optional<AgendaService.FeedLink> feed = Optional.empty();
    if (!mine.talks().isEmpty()) {
      try {
        feed = Optional.of(agenda.feedLink(user));
      } catch (StoreUnavailableException e) {
        log.warn("showing the agenda of {} without its calendar link: {}", user, e.getMessage());
      }
    }
    return AgendaCards.agenda(mine, clock.instant(), feed);
  }

  /** Returns the answer to a command asked where others would see the reply: ask me privately. */
  static Reply askPrivately(Command command) {
    return new Reply(AgendaCards.askPrivately(switch (command.kind()) {
      case AGENDA -> AgendaCards.MY_AGENDA;
      case FORGET_ME -> "forget me";
      case REMIND_ME -> "remind me " + Math.max(1, command.minutes()) + " minutes before";
      case REMINDERS_OFF -> "reminders off";
      case REMINDERS_ON -> "reminders on";
      case CALENDAR_LINK -> "calendar link";
      case NEW_CALENDAR_LINK -> AgendaCards.NEW_CALENDAR_LINK;
    }), true);
  }

  /** Returns the user's Home tab: the conferences, their agenda, what is on now and next, the most watched. */
  View home(String user) {
    Instant now = clock.instant();
    Answer on = answers.ask("what's on now", now);
    Answer next = answers.ask("what's next", now);
    Answer popular = answers.ask("most watched sessions", now);
    Optional<MyAgenda> mine;
    Optional<ReminderSetting> setting;
    try {
      mine = Optional.of(agenda.agenda(user));
      setting = Optional.of(reminders.setting(user));
    } catch (StoreUnavailableException e) {
      log.warn("drawing the Home tab of {} without the agenda: {}", user, e.getMessage());
      mine = Optional.empty();
      setting = Optional.empty();
    }
    return HomeTab.of(on.catalog(), on, next, popular, mine, setting, now);
  }

  /**
   * Handles a ⭐ Save or Remove click: changes the agenda and answers where the button sits (the
   * page or the agenda drawn again in place, a message only the clicker sees, or the Home tab
   * published again). Returns whether it worked: the store took the change and Slack the answer.
   */
  boolean click(BlockActionPayload p, boolean add) {
    String user = p.getUser() == null ? null : p.getUser().getId();
    Optional<AgendaAction> read = AgendaAction.decode(p.getActions().get(0).getValue());
    if (read.isEmpty() || user == null) {
      respond(p, false, TalkCards.sorry("read that button (it may be from an older version of me)"));
      return false;
    }
    AgendaAction action = read.get();
    AgendaService.Saved saved = null;
    boolean removed = false;
    try {
      if (add) {
        saved = agenda.save(user, action.talk());
      } else {
        removed = agenda.remove(user, action.talk());
      }
    } catch (StoreUnavailableException e) {
      log.warn("could not {} {} for {}: {}", add ? "save" : "remove", action.talk(), user, e.getMessage());
      if (action.place() == AgendaAction.Place.HOME) {
        poster.publishHome(user, home(user)); // it says the store is out of reach
      } else {
        respond(p, false, AgendaCards.unreachable(add ? "nothing was saved" : "nothing was removed"));
      }
      return false;
    }
    if (saved == AgendaService.Saved.NOT_IN_PROGRAM) {
      return action.place() == AgendaAction.Place.HOME ? poster.publishHome(user, home(user))
          : respond(p, false, AgendaCards.notInProgram());
    }
    Optional<String> note = add ? reminderOf(user, action.talk()) : Optional.empty();
    if (!add) {
      forgetReminder(user, action.talk());
    }
    return switch (action.place()) {
      case PAGE -> respond(p, true, ReminderCards.withNote(page(action.page(), user, savedAfter(user, action.talk(), add)),
          note));
      case AGENDA -> respond(p, true, agendaAfter(user, action.talk(), removed));
      case HOME -> poster.publishHome(user, home(user));
      case CARD -> respond(p, isEphemeral(p), add ? ReminderCards.withNote(confirmSaved(action.talk(), saved), note)
          : AgendaCards.removed(session(action.talk()), removed));
    };
  }

  /** Makes the reminder of a talk just saved; returns what to tell about it. The save stands if this fails. */
  private Optional<String> reminderOf(String user, TalkId talk) {
    Optional<Session> session = session(talk);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    try {
      return ReminderCards.note(reminders.saved(user, session.get()), session.get());
    } catch (StoreUnavailableException e) {
      log.warn("saved {} for {} without a reminder: {}", talk, user, e.getMessage());
      return Optional.of("I couldn't reach the agenda store to set its reminder; save it again in a minute for one.");
    }
  }

  /** Deletes the reminder of a talk just removed; one that fails is deleted by the next change to the agenda. */
  private void forgetReminder(String user, TalkId talk) {
    try {
      reminders.removed(user, talk);
    } catch (StoreUnavailableException e) {
      log.warn("removed {} for {} but could not delete its reminder: {}", talk, user, e.getMessage());
    }
  }

  /** Returns the user's saved talks after a change that went through; if they cannot be read now, that one alone. */
  private Set<TalkId> savedAfter(String user, TalkId talk, boolean add) {
    try {
      return agenda.saved(user);
    } catch (StoreUnavailableException e) {
      return add ? Set.of(talk) : Set.of();
    }
  }

  /** Returns the agenda after a removal that went through; if it cannot be read now, says what was removed. */
  private TalkCards.Message agendaAfter(String user, TalkId talk, boolean removed) {
    try {
      return AgendaCards.agenda(agenda.agenda(user), clock.instant(), Optional.empty());
    } catch (StoreUnavailableException e) {
      return AgendaCards.removed(session(talk), removed);
    }
  }

  /** Returns a page of an answer drawn again for the asker, as of the minute it was first asked. */
  private TalkCards.Message page(PageToken page, String user, Set<TalkId> saved) {
    Answer answer = answers.ask(page.question(), page.asked(), () -> zones.of(user));
    return Pages.draw(answer, page, TalkCards.Surface.EPHEMERAL, () -> saved);
  }

  private TalkCards.Message confirmSaved(TalkId talk, AgendaService.Saved saved) {
    // Saved a moment ago from the catalog being served; a reload since may have removed it.
    return session(talk).map(s -> AgendaCards.saved(s, saved == AgendaService.Saved.ALREADY_SAVED))
        .orElseGet(AgendaCards::notInProgram);
  }

  private Optional<Session> session(TalkId talk) {
    return answers.snapshot().catalog().session(talk.conference(), talk.session());
  }

  /** Answers through the click's response_url: in place, or as a new message only the clicker sees. */
  private boolean respond(BlockActionPayload p, boolean replace, TalkCards.Message m) {
    if (p.getResponseUrl() == null) {
      log.warn("a {} click came without a response_url; nothing to answer", p.getActions().get(0).getActionId());
      return false;
    }
    ActionResponse response = ActionResponse.builder().replaceOriginal(replace).responseType(replace ? null : "ephemeral")
        .text(m.text()).blocks(m.blocks()).build();
    return poster.respond(p.getResponseUrl(), response);
  }

  private static boolean isEphemeral(BlockActionPayload p) {
    return p.getContainer() != null && p.getContainer().isEphemeral();
  }

  /** Returns how a click is logged: what it did to which talk. */
  static String describe(BlockActionPayload p, boolean add) {
    String talk = AgendaAction.decode(p.getActions().get(0).getValue())
        .map(a -> a.talk().conference() + "/" + a.talk().session()).orElse("an unreadable button");
    return (add ? "save " : "remove ") + talk;
  }
}
