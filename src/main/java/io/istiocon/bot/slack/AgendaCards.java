package io.istiocon.bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.istiocon.bot.agenda.Forgotten;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.service.AgendaService.FeedLink;
import io.istiocon.bot.service.AgendaService.FeedState;
import io.istiocon.bot.service.AgendaService.MyAgenda;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Renders the agenda as Block Kit with the SDK's builders: the ⭐ Save and Remove buttons every card
 * carries, "my agenda", its part of the Home tab, and the answers to saving, removing and "forget
 * me". Escaped and kept within Block Kit's limits like {@link TalkCards}.
 */
final class AgendaCards {
  static final String ADD = "agenda_add";
  static final String REMOVE = "agenda_remove";
  static final Pattern ADD_ACTION = Pattern.compile("agenda_add(:.*)?");
  static final Pattern REMOVE_ACTION = Pattern.compile("agenda_remove(:.*)?");
  /** What to ask to see the agenda, as the buttons and hints say it. */
  static final String MY_AGENDA = "my agenda";
  /** What to ask for a new calendar feed link. */
  static final String NEW_CALENDAR_LINK = "new calendar link";
  /** Agenda lines on the Home tab, at most; "my agenda" shows them all. */
  static final int HOME_LINES = 15;
  /** Marks a card whose talk the reader saved. */
  static final String SAVED_MARK = " \u00b7 \u2b50 In your agenda";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final String HOW_TO_SAVE = "Click *\u2b50 Save* on any talk card to keep it here: try `/istiocon what's next`.";

  private AgendaCards() {}

  // ---- buttons ----------------------------------------------------------------------------

  /** Returns the ⭐ Save button of a card; {@code id} keeps action ids unique in the message. */
  static BlockElement saveButton(String id, AgendaAction action) {
    String value = action.encode();
    return button(b -> b.actionId(ADD + ":" + id).text(plainText("\u2b50 Save")).value(value));
  }

  /** Returns the Remove button of a saved talk. */
  static BlockElement removeButton(String id, AgendaAction action) {
    String value = action.encode();
    return button(b -> b.actionId(REMOVE + ":" + id).text(plainText("Remove from agenda")).value(value));
  }

  // ---- my agenda --------------------------------------------------------------------------

  /**
   * Renders the user's agenda: saved talks in program order, under a heading per day in their
   * conference's zone, times as Slack date tokens, each with Remove, the next one marked; then what
   * {@code feed} says about their calendar feed (nothing when empty).
   */
  static TalkCards.Message agenda(MyAgenda agenda, Instant now, Optional<FeedLink> feed) {
    if (agenda.isEmpty()) {
      String text = "Your agenda is empty. " + HOW_TO_SAVE;
      return new TalkCards.Message(text, List.of(section(s -> s.text(markdownText(text)))));
    }
    List<Session> talks = agenda.talks();
    for (int shown = Math.min(talks.size(), TalkCards.MAX_BLOCKS / 2); ; shown--) {
      List<LayoutBlock> blocks = agendaBlocks(agenda, now, shown, feed);
      if (shown == 0 || TalkCards.fits(blocks, TalkCards.MAX_BLOCKS, TalkCards.MAX_JSON)) {
        String fallback = count(talks.size()) + " in your agenda: " + String.join("; ",
            talks.stream().limit(10).map(s -> TalkCards.fit(s.title(), 80, 400)).toList());
        return new TalkCards.Message(TalkCards.fit(fallback, 2000, TalkCards.MAX_TEXT), blocks);
      }
    }
  }

  private static List<LayoutBlock> agendaBlocks(MyAgenda agenda, Instant now, int shown, Optional<FeedLink> feed) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<Session> talks = agenda.talks();
    String head = "*Your agenda* \u00b7 " + count(talks.size())
        + agenda.next(now).map(talk -> (talk.isOn(now) ? "\nOn now: " : "\nNext: ") + brief(talk)).orElse("");
    blocks.add(section(s -> s.text(markdownText(head))));
    Session next = agenda.next(now).orElse(null);
    LocalDate day = null;
    for (int i = 0; i < shown; i++) {
      Session talk = talks.get(i);
      Conference conference = agenda.catalog().conferenceOf(talk);
      LocalDate on = conference.dayOf(talk.start());
      if (!on.equals(day)) {
        day = on;
        String heading = "*" + on.format(DAY) + "*";
        blocks.add(context(List.of(markdownText(heading))));
      }
      String line = (talk == next ? marker(talk, now) : "") + line(talk, agenda.catalog());
      BlockElement remove = removeButton("a" + i, AgendaAction.at(AgendaAction.Place.AGENDA, id(talk)));
      blocks.add(section(s -> s.text(markdownText(line)).accessory(remove)));
    }
    List<String> notes = new ArrayList<>();
    if (shown < talks.size()) {
      notes.add((talks.size() - shown) + " more not shown: remove the ones you no longer need.");
    }
    if (agenda.missing() > 0) {
      notes.add(agenda.missing() == 1 ? "1 saved talk is no longer in the programme, so it is not shown."
          : agenda.missing() + " saved talks are no longer in the programme, so they are not shown.");
    }
    feed.filter(f -> f.state() == FeedState.ISSUED_BEFORE).ifPresent(f -> notes.add("Your calendar app follows this agenda "
        + "through the link I gave you; `/istiocon " + NEW_CALENDAR_LINK + "` replaces a lost one."));
    notes.add("`/istiocon forget me` deletes your whole agenda.");
    feed.flatMap(FeedLink::url).ifPresent(url -> blocks.add(section(s -> s.text(markdownText(issued(url, false))))));
    blocks.add(context(List.of(markdownText(String.join(" ", notes)))));
    return blocks;
  }

  /** Renders the answer to "calendar link" or "new calendar link". */
  static TalkCards.Message feedLink(FeedLink feed) {
    String text = switch (feed.state()) {
      case ISSUED -> issued(feed.url().orElseThrow(), true);
      case ISSUED_BEFORE -> "\ud83d\udcc5 You already have a calendar feed link: I showed it when I made it, and I keep only a "
          + "fingerprint of it, so I can't show it again. `/istiocon " + NEW_CALENDAR_LINK + "` makes a new one and turns "
          + "the old one off.";
      case OFF -> "\ud83d\udcc5 Calendar feeds are not switched on here (whoever runs me sets `PUBLIC_URL` for them). "
          + "Each talk card's *Add to calendar* button still adds that talk to your calendar.";
    };
    return new TalkCards.Message(text, List.of(section(s -> s.text(markdownText(text)))));
  }

  /** Returns what a link issued now says: where it goes, how to use it, that it is private and shown once. */
  private static String issued(URI url, boolean asked) {
    String link = SlackText.escape(url.toString());
    return "\ud83d\udcc5 *Your agenda as a calendar feed:* <" + link + ">\n"
        + "Subscribe to it in your calendar app (Google Calendar: _Other calendars \u2192 From URL_; Apple Calendar: "
        + "_File \u2192 New Calendar Subscription_; Outlook: _Add calendar \u2192 Subscribe from web_). It follows what you "
        + "save and remove, and talks that move. Keep it to yourself: anyone with the link sees your agenda. I show it "
        + "only now" + (asked ? "; any link I gave you before no longer works." : "; `/istiocon " + NEW_CALENDAR_LINK
        + "` makes a new one and turns this one off.");
  }

  /** Returns one saved talk as a line: title, times, conference when several are loaded, room. */
  private static String line(Session talk, Catalog catalog) {
    StringBuilder out = new StringBuilder();
    out.append('*').append(TalkCards.fit(talk.title(), 150, 750)).append("*\n").append(ContextLine.times(talk));
    String conference = catalog.nameIfSeveral(talk);
    if (conference != null) {
      out.append(" \u00b7 ").append(TalkCards.fit(conference, 60, 300));
    }
    talk.roomName().ifPresent(room -> out.append(" \u00b7 Room: ").append(TalkCards.fit(room, 60, 300)));
    return out.toString();
  }

  private static String marker(Session talk, Instant now) {
    return talk.isOn(now) ? "\ud83d\udd34 *On now* \u00b7 " : "\u27a1\ufe0f *Next* \u00b7 ";
  }

  /** Returns a talk's title and when it is, in one line. */
  private static String brief(Session talk) {
    return "*" + TalkCards.fit(talk.title(), 150, 750) + "*, " + ContextLine.when(talk);
  }

  // ---- the Home tab's part ----------------------------------------------------------------

  /**
   * Renders the agenda's part of the Home tab: the next saved talk and up to {@code lines} saved
   * talks with Remove; {@code agenda} is empty when the store could not be reached.
   */
  static List<LayoutBlock> home(Optional<MyAgenda> agenda, Instant now, int lines) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Your agenda"))));
    if (agenda.isEmpty()) {
      blocks.add(context(List.of(markdownText("I couldn't reach the agenda store just now; your saved talks show here "
          + "again in a minute."))));
      return blocks;
    }
    MyAgenda mine = agenda.get();
    if (mine.talks().isEmpty()) {
      blocks.add(context(List.of(markdownText(HOW_TO_SAVE))));
      return blocks;
    }
    mine.next(now).ifPresent(talk -> blocks.add(section(s -> s.text(markdownText((talk.isOn(now)
        ? "\ud83d\udd34 Your saved talk on now: " : "\u27a1\ufe0f Your next saved talk: ") + brief(talk))))));
    List<Session> talks = mine.talks();
    int shown = Math.min(lines, talks.size());
    for (int i = 0; i < shown; i++) {
      Session talk = talks.get(i);
      String line = TalkCards.fit(mine.catalog().conferenceOf(talk).dayOf(talk.start()).format(DAY), 60, 120) + " \u00b7 "
          + line(talk, mine.catalog());
      BlockElement remove = removeButton("h" + i, AgendaAction.at(AgendaAction.Place.HOME, id(talk)));
      blocks.add(section(s -> s.text(markdownText(line)).accessory(remove)));
    }
    if (shown < talks.size()) {
      blocks.add(context(List.of(markdownText((talks.size() - shown) + " more: `/istiocon " + MY_AGENDA + "`"))));
    }
    return blocks;
  }

  // ---- answers to clicks and commands -----------------------------------------------------

  /** Renders the answer to ⭐ Save on a card others see too: only the clicker sees it, with Remove. */
  static TalkCards.Message saved(Session talk, boolean already) {
    String text = (already ? "\u2b50 *" + TalkCards.fit(talk.title(), 150, 750) + "* was already in your agenda"
        : "\u2b50 Saved *" + TalkCards.fit(talk.title(), 150, 750) + "* to your agenda") + " (" + ContextLine.when(talk) + ").";
    List<BlockElement> buttons = List.of(removeButton("c0", AgendaAction.at(AgendaAction.Place.CARD, id(talk))),
        TalkCards.askButton(0, MY_AGENDA, "My agenda"));
    return new TalkCards.Message(text, List.of(section(s -> s.text(markdownText(text))), actions(buttons)));
  }

  /** Renders the answer to Remove on a confirmation: what was removed, and a button to save it again. */
  static TalkCards.Message removed(Optional<Session> talk, boolean wasSaved) {
    String title = talk.map(s -> "*" + TalkCards.fit(s.title(), 150, 750) + "*").orElse("That talk");
    String text = wasSaved ? "Removed " + title + " from your agenda." : title + " was not in your agenda.";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(text))));
    talk.ifPresent(s -> blocks.add(actions(List.of(saveButton("c0", AgendaAction.at(AgendaAction.Place.CARD, id(s)))))));
    return new TalkCards.Message(text, blocks);
  }

  /** Renders the answer to saving a talk the catalog being served does not have. */
  static TalkCards.Message notInProgram() {
    String text = "That talk is not in the programme any more (it may have been removed or renamed), so nothing was saved. "
        + "Ask me again to see the current programme.";
    return new TalkCards.Message(text, List.of(section(s -> s.text(markdownText(text)))));
  }

  /** Renders an apology for an agenda action the store could not take; {@code what} says what did not happen. */
  static TalkCards.Message unreachable(String what) {
    String text = "Sorry, I couldn't reach the agenda store, so " + what + ". Please try again in a minute.";
    return new TalkCards.Message(text, List.of(section(s -> s.text(markdownText(text)))));
  }

  /** Renders what "forget me" deleted. */
  static TalkCards.Message forgotten(Forgotten forgotten) {
    List<String> deleted = new ArrayList<>();
    if (forgotten.savedTalks() > 0) {
      deleted.add(count(forgotten.savedTalks()));
    }
    if (forgotten.calendarLinks() > 0) {
      deleted.add("your calendar feed link (it no longer works)");
    }
    String text = forgotten.isEmpty() ? "I had nothing stored about you, so there was nothing to delete."
        : "Deleted " + String.join(" and ", deleted) + ". I keep nothing else about you.";
    return new TalkCards.Message(text, List.of(section(s -> s.text(markdownText(text)))));
  }

  /** Renders the answer to an agenda command asked where others would see the reply; {@code words} is the command. */
  static TalkCards.Message askPrivately(String words) {
    String text = "Your agenda is yours alone: ask me that in a direct message, or with `/istiocon " + words + "`.";
    return new TalkCards.Message(text, List.of(section(s -> s.text(markdownText(text)))));
  }

  // ---- pieces -----------------------------------------------------------------------------

  /** Returns the id a session is saved under. */
  static TalkId id(Session session) {
    return new TalkId(session.conference(), session.id());
  }

  private static String count(int n) {
    return n == 1 ? "1 saved talk" : n + " saved talks";
  }
}
