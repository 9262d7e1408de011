package io.istiocon.bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.util.json.GsonFactory;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.Speaker;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.Query;
import io.istiocon.bot.search.QueryParser;
import io.istiocon.bot.search.Snippets;
import io.istiocon.bot.search.Text;
import io.istiocon.bot.service.AddToCalendar;
import io.istiocon.bot.service.Help;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders answers as Block Kit with the SDK's typed builders: talk cards, help and about. With
 * {@link AgendaCards} (the agenda) and {@link HomeTab}, the only classes that build blocks. Every catalog and user text is mrkdwn-escaped, and every
 * message keeps within Block Kit's limits whatever the catalog or the question holds.
 */
final class TalkCards {
  /** Blocks in one message. */
  static final int MAX_BLOCKS = 50;
  /** Blocks in the Home tab. */
  static final int MAX_HOME_BLOCKS = 100;
  /** Our budget for a message's blocks, as serialized JSON. */
  static final int MAX_JSON = 12_000;
  /** Our budget for the Home tab's blocks, as serialized JSON. */
  static final int MAX_HOME_JSON = 60_000;
  /** Characters in a header block. */
  static final int MAX_HEADER = 150;
  /** Characters in a section's text. */
  static final int MAX_TEXT = 3000;
  /** Characters in a button's label. */
  static final int MAX_BUTTON = 75;
  /** Links longer than this are left out rather than risk Block Kit's 3,000-character URL limit. */
  static final int MAX_LINK = 1000;
  /** Characters in a card's Add to calendar link: its details are cut first (see {@link AddToCalendar}). */
  static final int CALENDAR_LINK = 800;
  /** Closest sessions shown beside an empty answer, at most. */
  static final int CLOSEST = 3;
  /** Cards on one page of an answer. */
  static final int PAGE = 5;
  /** About how long a card's abstract may be. */
  static final int ABSTRACT = 300;

  static final String MORE = "more";
  static final String SHARE = "share";
  static final String ASK = "ask:";
  static final String LINK = "link:";
  static final Pattern ASK_ACTION = Pattern.compile("ask:\\d+");
  static final Pattern LINK_ACTION = Pattern.compile("link:.*");

  private static final Gson GSON = GsonFactory.createSnakeCase();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  /** Where a message is shown, which decides its buttons. */
  enum Surface {
    /** Only the asker sees it: Share, More, and on each card Save or Remove as the asker saved it. */
    EPHEMERAL,
    /** A visible reply to a mention or a DM: More, and Save on each card (answered to the clicker alone). */
    THREAD,
    /** An answer someone shared in a channel: the links and Save on each card. */
    SHARED
  }

  /**
   * How the cards of one message offer saving: where they sit, the page they are on (only for an
   * answer the asker alone sees) and which of their talks the reader saved (only known there).
   */
  record Saving(AgendaAction.Place place, PageToken page, Set<TalkId> saved) {
    Saving {
      saved = Set.copyOf(saved);
    }

    /** Returns how cards on a surface offer saving; {@code saved} counts only where the asker alone sees them. */
    static Saving on(Surface surface, PageToken page, Set<TalkId> saved) {
      return surface == Surface.EPHEMERAL ? new Saving(AgendaAction.Place.PAGE, page, saved)
          : new Saving(AgendaAction.Place.CARD, null, Set.of());
    }

    AgendaAction action(TalkId talk) {
      return new AgendaAction(place, talk, page);
    }
  }

  /** A message: the plain-text fallback and the blocks. */
  record Message(String text, List<LayoutBlock> blocks) {
    Message {
      Objects.requireNonNull(text, "text");
      blocks = List.copyOf(blocks);
    }
  }

  private TalkCards() {}

  // ---- answers ----------------------------------------------------------------------------

  /**
   * Renders one page of an answer: at most {@link #PAGE} cards, best first, fewer when the blocks
   * would outgrow Block Kit's limits.
   *
   * @param page the question as the asker wrote it, the first hit to show and the minute it was asked
   * @param saved the talks on this page the asker saved, marked on an answer only they see
   */
  static Message answer(Answer answer, PageToken page, Surface surface, Set<TalkId> saved) {
    Saving saving = Saving.on(surface, page, saved);
    switch (answer.intent()) {
      case HELP -> {
        return help(answer.catalog(), answer.notes());
      }
      case ABOUT -> {
        return about(answer.catalog(), answer.notes());
      }
      default -> { }
    }
    if (answer.isEmpty()) {
      return empty(answer, page.question(), saving);
    }
    List<Answer.Hit> hits = answer.page(page.offset(), PAGE);
    if (hits.isEmpty()) {
      String text = "That was all: " + count(answer.total()) + " for \u201c" + question(page.question()) + "\u201d.";
      return new Message(text, List.of(section(s -> s.text(markdownText(text)))));
    }
    Query.Lead lead = answer.query().lead();
    for (int n = hits.size(); n >= 1; n--) {
      List<LayoutBlock> blocks = answerHead(answer, page, n);
      for (int i = 0; i < n; i++) {
        Session session = hits.get(i).session();
        blocks.addAll(card(session, answer.catalog().nameIfSeveral(session), lead, i, false, saving));
      }
      blocks.addAll(answerFoot(answer, page, n, surface));
      if (fits(blocks, MAX_BLOCKS, MAX_JSON)) {
        return new Message(fallback(answer, page, hits.subList(0, n)), blocks);
      }
    }
    // Even one card is too big (a catalog with huge links and text): show it without its abstract
    // and its Add to calendar link.
    List<LayoutBlock> blocks = answerHead(answer, page, 1);
    blocks.addAll(card(hits.get(0).session(), answer.catalog().nameIfSeveral(hits.get(0).session()), lead, 0, true,
        saving));
    blocks.addAll(answerFoot(answer, page, 1, surface));
    return new Message(fallback(answer, page, hits.subList(0, 1)), blocks);
  }

  private static List<LayoutBlock> answerHead(Answer answer, PageToken page, int shown) {
    List<LayoutBlock> blocks = new ArrayList<>();
    int total = answer.total();
    StringBuilder text = new StringBuilder();
    text.append('*').append(count(total)).append("* for \u201c").append(question(page.question())).append('\u201d');
    if (page.offset() > 0 || shown < total) {
      text.append(" \u00b7 ").append(page.offset() + 1).append('\u2013').append(page.offset() + shown).append(" of ").append(total);
    }
    for (String note : answer.notes().stream().limit(3).toList()) {
      text.append('\n').append(fit(note, 300, 600));
    }
    blocks.add(section(s -> s.text(markdownText(text.toString()))));
    Session first = answer.hits().get(page.offset()).session();
    if (answer.query().lead() == Query.Lead.SPEAKERS && !answer.set() && page.offset() == 0 && !first.speakers().isEmpty()) {
      String sentence = fit(Snippets.speakerSentence(first), 600, MAX_TEXT);
      blocks.add(section(s -> s.text(markdownText(sentence))));
    }
    return blocks;
  }

  private static List<LayoutBlock> answerFoot(Answer answer, PageToken page, int shown, Surface surface) {
    int next = page.offset() + shown;
    int total = answer.total();
    int shownUpTo = answer.hits().size(); // an answer holds at most Answer.MAX_HITS sessions to page through
    List<BlockElement> buttons = new ArrayList<>();
    if (surface == Surface.EPHEMERAL) {
      String value = page.encode();
      buttons.add(button(b -> b.actionId(SHARE).text(plainText("Share in channel")).value(value)));
    }
    if (surface != Surface.SHARED && next < shownUpTo) {
      String label = "More (" + (next + 1) + "\u2013" + Math.min(shownUpTo, next + PAGE) + " of " + total + ")";
      String value = new PageToken(page.question(), next, page.minute()).encode();
      buttons.add(button(b -> b.actionId(MORE).text(plainText(label)).value(value)));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    if (surface == Surface.SHARED && next < total) {
      String hint = (total - next) + " more: ask `/istiocon " + fit(page.question(), 150, 800) + "`";
      blocks.add(context(List.of(markdownText(hint))));
    }
    if (!buttons.isEmpty()) {
      blocks.add(actions(buttons));
    }
    return blocks;
  }

  private static Message empty(Answer answer, String question, Saving saving) {
    List<LayoutBlock> blocks = new ArrayList<>();
    StringBuilder text = new StringBuilder("No sessions match \u201c").append(question(question)).append("\u201d.");
    for (String note : answer.notes().stream().limit(3).toList()) {
      text.append('\n').append(fit(note, 300, 600));
    }
    blocks.add(section(s -> s.text(markdownText(text.toString()))));
    // What comes closest, offered beside the answer, never as it: the note above says why.
    List<Answer.Hit> closest = answer.closest().subList(0, Math.min(CLOSEST, answer.closest().size()));
    for (int n = closest.size(); n >= 1; n--) {
      List<LayoutBlock> withCards = new ArrayList<>(blocks);
      for (int i = 0; i < n; i++) {
        Session session = closest.get(i).session();
        withCards.addAll(card(session, answer.catalog().nameIfSeveral(session), answer.query().lead(), i, false, saving));
      }
      if (fits(withCards, MAX_BLOCKS - 4, MAX_JSON - 2_000)) {
        blocks = withCards;
        break;
      }
    }
    List<BlockElement> buttons = new ArrayList<>();
    List<String> suggestions = answer.suggestions().stream().limit(5).toList();
    if (!suggestions.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("*Did you mean:*"))));
      for (String suggestion : suggestions) {
        buttons.add(askButton(buttons.size(), suggestion));
      }
    }
    buttons.add(askButton(buttons.size(), "help", "Show examples"));
    blocks.add(actions(buttons));
    String fallback = "No sessions match \u201c" + question(question) + "\u201d."
        + (closest.isEmpty() ? "" : " Closest: " + closest.stream().map(h -> fit(h.session().title(), 100, 500))
            .collect(Collectors.joining("; ")) + ".")
        + (suggestions.isEmpty() ? "" : " Did you mean: " + suggestions.stream().map(s -> fit(s, 100, 500))
            .collect(Collectors.joining(", ")) + "?");
    return new Message(cap(fallback), blocks);
  }

  // ---- help and about ---------------------------------------------------------------------

  /** Renders what the bot can answer, with a button per example question. */
  static Message help(Catalog catalog, List<String> notes) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("What I can answer"))));
    StringBuilder intro = new StringBuilder(SlackText.escape(Help.INTRO));
    if (!catalog.isEmpty()) {
      intro.append("\nLoaded: ").append(fit(catalog.conferences().stream()
          .map(c -> c.name() + " (" + c.sessions().size() + " sessions)").collect(Collectors.joining(", ")), 500, 2000)).append('.');
    }
    for (String note : notes.stream().limit(3).toList()) {
      intro.append('\n').append(fit(note, 300, 300));
    }
    blocks.add(section(s -> s.text(markdownText(intro.toString()))));
    blocks.add(section(s -> s.text(markdownText("*Try one:*"))));
    List<BlockElement> buttons = new ArrayList<>();
    for (Help.Example example : Help.EXAMPLES) {
      buttons.add(askButton(buttons.size(), example.question()));
    }
    for (int from = 0; from < buttons.size(); from += 25) {
      blocks.add(actions(List.copyOf(buttons.subList(from, Math.min(buttons.size(), from + 25)))));
    }
    blocks.add(context(List.of(markdownText("Ask with `/istiocon your question`, mention me in a channel, or send me a DM. "
        + "Click \u2b50 Save on a talk to keep it in your agenda: `/istiocon " + AgendaCards.MY_AGENDA + "` lists it, "
        + "`/istiocon calendar link` gives you a feed of it for your calendar app, "
        + "and `/istiocon forget me` deletes everything I keep about you. " + SlackText.escape(Help.REMINDERS)))));
    return new Message(SlackText.escape(Help.INTRO + " Try: " + Help.EXAMPLES.stream().map(e -> "/istiocon " + e.question())
        .collect(Collectors.joining(", "))), blocks);
  }

  /** Renders what the catalog says about its conferences. */
  static Message about(Catalog catalog, List<String> notes) {
    if (catalog.isEmpty()) {
      return help(catalog, notes);
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    int index = 0;
    for (Conference c : catalog.conferences().stream().limit(10).toList()) {
      StringBuilder text = new StringBuilder();
      text.append('*').append(fit(c.name(), 150, 750)).append("*\n")
          .append(c.start().format(DAY)).append(" \u2013 ").append(c.end().format(DAY))
          .append(" (").append(fit(c.zone().getId(), 60, 300)).append(")\n")
          .append(c.sessions().size()).append(" sessions in the catalog.");
      if (!c.description().isBlank()) {
        text.append('\n').append(fit(c.description(), 400, 1000));
      }
      List<String> stats = new ArrayList<>();
      for (Map.Entry<String, Object> stat : c.stats().entrySet()) {
        stats.add(stat.getKey().replace('_', ' ') + ": " + stat.getValue());
      }
      if (!stats.isEmpty()) {
        text.append('\n').append(fit(String.join(" \u00b7 ", stats), 200, 700));
      }
      List<LayoutBlock> more = new ArrayList<>();
      more.add(section(s -> s.text(markdownText(text.toString()))));
      int n = index++;
      link(c.website()).ifPresent(url ->
          more.add(actions(List.of(button(b -> b.actionId(LINK + "site:" + n).text(plainText("Website")).url(url))))));
      List<LayoutBlock> grown = new ArrayList<>(blocks);
      grown.addAll(more);
      if (!blocks.isEmpty() && !fits(grown, MAX_BLOCKS, MAX_JSON)) {
        break;
      }
      blocks = grown;
    }
    String text = catalog.conferences().stream()
        .map(c -> c.name() + ", " + c.start().format(DAY) + " \u2013 " + c.end().format(DAY))
        .collect(Collectors.joining("; "));
    return new Message(cap(SlackText.escape(text)), blocks);
  }

  /** Renders an apology for a question the bot could not answer, without any detail of why. */
  static Message sorry(String what) {
    String text = "Sorry, I could not " + what + ". Please try again in a moment, or try `/istiocon help`.";
    return new Message(text, List.of(section(s -> s.text(markdownText(text)))));
  }

  // ---- the talk card ----------------------------------------------------------------------

  /**
   * Renders one session: section, context line, link buttons, Add to calendar (not when
   * {@code compact}) and ⭐ Save (or Remove, when the reader saved it), divider; {@code index} keeps
   * action ids unique, and {@code conference} (null when only one is loaded) leads the context line.
   */
  static List<LayoutBlock> card(Session s, String conference, Query.Lead lead, int index, boolean compact, Saving saving) {
    StringBuilder text = new StringBuilder();
    Optional<String> video = s.videoLink().flatMap(TalkCards::link);
    Optional<String> slides = s.slidesLink().flatMap(TalkCards::link);
    Optional<String> page = s.pageLink().flatMap(TalkCards::link);
    switch (lead) {
      case VIDEO -> text.append(video.map(u -> "\u25b6 *<" + SlackText.escape(u) + "|Watch the recording>*")
          .orElse("_No video was published for this session._")).append('\n');
      case SLIDES -> text.append(slides.map(u -> "\ud83d\udcd1 *<" + SlackText.escape(u) + "|Open the slides>*")
          .orElse("_No slides were published for this session._")).append('\n');
      case PAGE -> page.ifPresent(u -> text.append("\ud83d\udd17 *<").append(SlackText.escape(u)).append("|Session page>*\n"));
      default -> { }
    }
    text.append('*').append(fit(s.title(), 150, 750)).append('*');
    if (!s.speakers().isEmpty()) {
      text.append('\n').append(fit(s.speakers().stream().map(Speaker::display).collect(Collectors.joining(", ")), 150, 750));
    }
    String about = s.abstractText().isBlank() ? s.summary() : s.abstractText();
    int room = MAX_TEXT - text.length() - 1;
    if (!compact && !about.isBlank() && room >= 40) {
      String trimmed = fit(about, ABSTRACT, room);
      if (!trimmed.isEmpty()) {
        text.append('\n').append(trimmed);
      }
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    String body = text.toString();
    blocks.add(section(b -> b.text(markdownText(body))));
    TalkId talk = AgendaCards.id(s);
    boolean saved = saving.saved().contains(talk);
    String line = ContextLine.of(s, conference, compact) + (saved ? AgendaCards.SAVED_MARK : "");
    blocks.add(context(List.of(markdownText(line))));
    List<BlockElement> buttons = new ArrayList<>();
    List<String> order = switch (lead) {
      case SLIDES -> List.of("slides", "watch", "page");
      case PAGE -> List.of("page", "watch", "slides");
      default -> List.of("watch", "slides", "page");
    };
    for (String kind : order) {
      Optional<String> url = kind.equals("watch") ? video : kind.equals("slides") ? slides : page;
      String label = kind.equals("watch") ? "\u25b6 Watch" : kind.equals("slides") ? "Slides" : "Session page";
      boolean primary = buttons.isEmpty() && leads(lead, kind);
      url.ifPresent(u -> buttons.add(button(b -> b.actionId(LINK + kind + ":" + index).text(plainText(label)).url(u)
          .style(primary ? "primary" : null))));
    }
    if (!compact) {
      String calendar = AddToCalendar.googleCalendar(s, CALENDAR_LINK).toString();
      buttons.add(button(b -> b.actionId(LINK + "calendar:" + index).text(plainText("\ud83d\udcc5 Add to calendar"))
          .url(calendar)));
    }
    buttons.add(saved ? AgendaCards.removeButton(Integer.toString(index), saving.action(talk))
        : AgendaCards.saveButton(Integer.toString(index), saving.action(talk)));
    blocks.add(actions(buttons));
    blocks.add(divider());
    return blocks;
  }

  private static boolean leads(Query.Lead lead, String kind) {
    return (lead == Query.Lead.VIDEO && kind.equals("watch")) || (lead == Query.Lead.SLIDES && kind.equals("slides"))
        || (lead == Query.Lead.PAGE && kind.equals("page"));
  }

  // ---- pieces -----------------------------------------------------------------------------

  private static BlockElement askButton(int index, String question) {
    return askButton(index, question, question);
  }

  /** Returns a button that asks {@code question} when clicked, labelled {@code label}. */
  static BlockElement askButton(int index, String question, String label) {
    String text = Snippets.trim(SlackText.label(label), MAX_BUTTON);
    String value = Text.cut(question, QueryParser.MAX_LENGTH);
    return button(b -> b.actionId(ASK + index).text(plainText(text.isEmpty() ? "Ask" : text)).value(value));
  }

  private static String fallback(Answer answer, PageToken page, List<Answer.Hit> shown) {
    String titles = shown.stream().map(h -> h.session().title()).collect(Collectors.joining("; "));
    String raw = count(answer.total()) + " for \u201c" + Snippets.trim(page.question(), 150) + "\u201d: " + titles;
    return fit(raw, 1000, MAX_TEXT);
  }

  private static String count(int n) {
    return n == 1 ? "1 session" : n + " sessions";
  }

  private static String question(String question) {
    return fit(question, 150, 750);
  }

  private static String cap(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "\u2026";
  }

  /** Returns a usable link: http(s) and short enough for any Block Kit field. */
  private static Optional<String> link(URI uri) {
    if (uri == null || uri.getScheme() == null) {
      return Optional.empty();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String url = uri.toString();
    return (scheme.equals("http") || scheme.equals("https")) && url.length() <= MAX_LINK ? Optional.of(url) : Optional.empty();
  }

  /**
   * Returns {@code raw} flattened, cut at a word boundary to at most {@code maxRaw} characters and
   * escaped, shortened further until the escaped text is at most {@code maxEscaped} characters.
   */
  static String fit(String raw, int maxRaw, int maxEscaped) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    for (int n = maxRaw; n >= 16; n = n * 2 / 3) {
      String escaped = SlackText.escape(Snippets.trim(raw, n));
      if (escaped.length() <= maxEscaped) {
        return escaped;
      }
    }
    return "";
  }

  /** Returns whether blocks keep within a block count and a serialized size. */
  static boolean fits(List<LayoutBlock> blocks, int maxBlocks, int maxJson) {
    return blocks.size() <= maxBlocks && jsonLength(blocks) <= maxJson;
  }

  /** Returns the length of the blocks as the SDK serializes them. */
  static int jsonLength(List<LayoutBlock> blocks) {
    return GSON.toJson(blocks).length();
  }
}
