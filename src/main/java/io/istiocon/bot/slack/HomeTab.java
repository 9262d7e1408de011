package io.istiocon.bot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.istiocon.bot.agenda.ReminderSetting;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.Query;
import io.istiocon.bot.service.AgendaService.MyAgenda;
import io.istiocon.bot.service.Help;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders one user's Home tab with the SDK's builders: the conferences, the user's agenda with their
 * next saved talk, what is on now and next, the most watched talks, and how to ask; cut down until it
 * keeps within Block Kit's limits.
 */
final class HomeTab {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  /** Cards per section and agenda lines, tried in turn until the tab fits. */
  private static final int[][] SIZES = {{5, AgendaCards.HOME_LINES}, {4, 12}, {3, 9}, {2, 6}, {1, 3}, {0, 0}};

  private HomeTab() {}

  /**
   * Renders the Home tab.
   *
   * @param agenda the user's agenda, or empty when the store could not be reached
   * @param at the time the tab is drawn for, which decides the next saved talk
   */
  static View of(Catalog catalog, Answer now, Answer next, Answer popular, Optional<MyAgenda> agenda, Instant at) {
    return of(catalog, now, next, popular, agenda, Optional.empty(), at);
  }

  /** Renders the Home tab with the user's reminder setting next to their next saved talk. */
  static View of(Catalog catalog, Answer now, Answer next, Answer popular, Optional<MyAgenda> agenda,
      Optional<ReminderSetting> reminders, Instant at) {
    List<LayoutBlock> blocks = List.of();
    for (int[] size : SIZES) {
      blocks = blocks(catalog, now, next, popular, agenda, reminders, at, size[0], size[1]);
      if (TalkCards.fits(blocks, TalkCards.MAX_HOME_BLOCKS, TalkCards.MAX_HOME_JSON)) {
        break;
      }
    }
    List<LayoutBlock> drawn = blocks;
    return view(v -> v.type("home").blocks(drawn));
  }

  private static List<LayoutBlock> blocks(Catalog catalog, Answer now, Answer next, Answer popular,
      Optional<MyAgenda> agenda, Optional<ReminderSetting> reminders, Instant at, int cards, int lines) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (catalog.isEmpty()) {
      blocks.add(header(h -> h.text(plainText("IstioCon bot"))));
      blocks.add(section(s -> s.text(markdownText("The conference program is not loaded yet. Try again in a minute."))));
    } else {
      String title = catalog.conferences().stream()
          .map(c -> "*" + TalkCards.fit(c.name(), 150, 750) + "* \u00b7 " + c.start().format(SHORT_DAY) + " \u2013 "
              + c.end().format(DAY) + " \u00b7 " + c.sessions().size() + " sessions")
          .limit(5).collect(Collectors.joining("\n"));
      blocks.add(section(s -> s.text(markdownText(title))));
      List<LayoutBlock> mine = new ArrayList<>(AgendaCards.home(agenda, at, lines));
      // Under the next saved talk: when it starts, and the reminder setting.
      agenda.flatMap(a -> reminders.flatMap(r -> ReminderCards.homeLine(a, r, at)))
          .ifPresent(line -> mine.add(Math.min(2, mine.size()), line));
      blocks.addAll(mine);
      Set<TalkId> saved = agenda.map(a -> a.talks().stream().map(AgendaCards::id).collect(Collectors.toSet())).orElse(Set.of());
      TalkCards.Saving saving = new TalkCards.Saving(AgendaAction.Place.HOME, null, saved);
      int[] index = {0};
      cards(blocks, "On now", now, Math.min(cards, 3), index, saving);
      cards(blocks, "Up next", next, Math.min(cards, 3), index, saving);
      cards(blocks, "Most watched", popular, cards, index, saving);
    }
    blocks.add(header(h -> h.text(plainText("How to ask"))));
    String examples = Help.EXAMPLES.stream().map(e -> "\u2022 `/istiocon " + SlackText.escape(e.question()) + "`")
        .collect(Collectors.joining("\n"));
    blocks.add(section(s -> s.text(markdownText(SlackText.escape(Help.INTRO) + "\n" + examples
        + "\nYou can also mention me in a channel, or write to me in the Messages tab."))));
    return blocks;
  }

  private static void cards(List<LayoutBlock> blocks, String title, Answer answer, int cards, int[] index,
      TalkCards.Saving saving) {
    blocks.add(header(h -> h.text(plainText(title))));
    if (!answer.notes().isEmpty() || answer.isEmpty()) {
      String notes = answer.notes().isEmpty() ? "Nothing to show." : TalkCards.fit(answer.notes().get(0), 300, 1500);
      blocks.add(context(List.of(markdownText(notes))));
      if (!answer.notes().isEmpty()) {
        return; // the note explains why nothing fits (e.g. the conference is over)
      }
    }
    for (Answer.Hit hit : answer.page(0, cards)) {
      blocks.addAll(TalkCards.card(hit.session(), answer.catalog().nameIfSeveral(hit.session()), Query.Lead.NONE, index[0]++,
          false, saving));
    }
  }
}
