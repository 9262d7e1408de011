package io.istiocon.bot.slack;

import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.search.Answer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Draws pages of answers once per cached answer, per surface and per set of saved talks on the page
 * (drawing the cards, their snippets and their size checks was 39% of a slash command's CPU,
 * measured with JFR). Most askers saved none of a page's talks, so they share one drawing.
 */
final class Pages {
  /** What a page of an answer is drawn for: the page (the question as typed, where, when), the surface, the saved talks on it. */
  private record Drawing(PageToken page, TalkCards.Surface surface, Set<TalkId> saved) {}

  private Pages() {}

  /**
   * Returns a page of an answer as Block Kit; {@code saved} (the asker's saved talks) is asked for
   * only when the page shows cards to the asker alone.
   */
  static TalkCards.Message draw(Answer answer, PageToken page, TalkCards.Surface surface, Supplier<Set<TalkId>> saved) {
    Set<TalkId> onPage = surface == TalkCards.Surface.EPHEMERAL ? onPage(answer, page, saved) : Set.of();
    return answer.renderings().get(new Drawing(page, surface, onPage), () -> TalkCards.answer(answer, page, surface, onPage));
  }

  /** Returns which talks the page can show were saved, asking for the saved talks only when there are cards. */
  private static Set<TalkId> onPage(Answer answer, PageToken page, Supplier<Set<TalkId>> saved) {
    List<Answer.Hit> cards = answer.isEmpty()
        ? answer.closest().subList(0, Math.min(TalkCards.CLOSEST, answer.closest().size()))
        : answer.page(page.offset(), TalkCards.PAGE);
    if (cards.isEmpty()) {
      return Set.of();
    }
    Set<TalkId> mine = saved.get();
    if (mine.isEmpty()) {
      return Set.of();
    }
    Set<TalkId> shown = new HashSet<>();
    for (Answer.Hit hit : cards) {
      TalkId id = AgendaCards.id(hit.session());
      if (mine.contains(id)) {
        shown.add(id);
      }
    }
    return Set.copyOf(shown);
  }
}
