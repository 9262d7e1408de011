package io.istiocon.bot.slack;

import static io.istiocon.bot.testing.BlockKit.assertNoMentions;
import static io.istiocon.bot.testing.BlockKit.assertWithinLimits;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.util.json.GsonFactory;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.QueryEngine;
import io.istiocon.bot.search.SearchIndex;
import io.istiocon.bot.search.Synonyms;
import io.istiocon.bot.service.AgendaService.MyAgenda;
import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.RandomCatalogs;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the whole answer path to Block Kit: any valid catalog and any question (hostile
 * text with mentions, entities, any script) give messages within Slack's limits, whose formatted
 * text has every control character escaped, so no catalog or user text can ping anyone or break
 * the layout, and whose More and Share buttons carry a page token this version reads back.
 */
class RenderFuzzTest {
  private static final long SEED = 20210226L;
  private static final Instant NOW = Instant.parse("2021-02-23T03:00:00Z");
  /** The tokens we write ourselves (dates and links), then the only entities Slack's escaping produces. */
  private static final Pattern OURS = Pattern.compile("<!date\\^\\d+\\^[^|<>]*\\|[^<>]*>|<https?://[^|<>]+\\|[^<>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");
  private final QueryEngine engine = new QueryEngine();

  @Test
  void answer_anyCatalogAndQuestion_rendersSafelyWithinBlockKitLimits() {
    RandomCatalogs random = new RandomCatalogs(SEED);
    for (int c = 0; c < 80; c++) {
      Catalog catalog = random.catalog(25);
      SearchIndex index = SearchIndex.build(catalog, Synonyms.NONE);
      for (int i = 0; i < 10; i++) {
        String question = random.text(random.random().nextInt(20) == 0 ? 10_000 : 100);
        Answer answer = engine.answer(index, question, NOW);
        for (TalkCards.Surface surface : TalkCards.Surface.values()) {
          for (int offset : new int[] {0, TalkCards.PAGE}) {
            PageToken page = new PageToken(answer.query().text(), offset, NOW.getEpochSecond() / 60); // cut as the app cuts
            check(TalkCards.answer(answer, page, surface, savedSome(answer, offset)), question);
          }
        }
      }
      Answer now = engine.answer(index, "what's on now", NOW);
      Answer next = engine.answer(index, "what's next", NOW);
      Answer popular = engine.answer(index, "most popular", NOW);
      MyAgenda agenda = new MyAgenda(catalog.sessions().stream().filter(x -> random.random().nextBoolean()).toList(),
          random.random().nextInt(3), catalog);
      JsonNode home = BlockKit.parse(GsonFactory.createSnakeCase().toJson(HomeTab.of(catalog, now, next, popular,
          Optional.of(agenda), NOW)));
      assertWithinLimits(home.path("blocks"), TalkCards.MAX_HOME_BLOCKS);
      assertNoMentions(home);
      assertEscaped(home, "the Home tab");
    }
  }

  private static void check(TalkCards.Message message, String question) {
    String blocksJson = GsonFactory.createSnakeCase().toJson(message.blocks());
    assertTrue(blocksJson.length() < TalkCards.MAX_JSON, "blocks JSON is " + blocksJson.length() + " characters");
    JsonNode blocks = BlockKit.parse(blocksJson);
    assertWithinLimits(blocks, TalkCards.MAX_BLOCKS); // also: every action_id used once
    assertNoMentions(blocks);
    assertEscaped(blocks, question);
    assertTrue(!message.text().isBlank() && message.text().length() <= 40_000, "fallback text");
    assertTrue(escaped(message.text()), "the fallback text holds an unescaped control character for " + question);
    for (JsonNode button : BlockKit.buttons(blocks)) {
      String action = button.path("action_id").asText();
      if (action.equals(TalkCards.MORE) || action.equals(TalkCards.SHARE)) {
        assertTrue(PageToken.decode(button.path("value").asText()).isPresent(), action + " carries an unreadable token");
      }
      if (action.startsWith(AgendaCards.ADD) || action.startsWith(AgendaCards.REMOVE)) {
        assertTrue(AgendaAction.decode(button.path("value").asText()).isPresent(), action + " carries an unreadable value");
      }
    }
  }

  /** Returns every other talk the page can show, as if the asker had saved them. */
  private static Set<TalkId> savedSome(Answer answer, int offset) {
    List<Answer.Hit> shown = answer.isEmpty() ? answer.closest() : answer.page(offset, TalkCards.PAGE);
    Set<TalkId> saved = new HashSet<>();
    for (int i = 0; i < shown.size(); i += 2) {
      saved.add(AgendaCards.id(shown.get(i).session()));
    }
    return saved;
  }

  /** Fails unless every mrkdwn text in the JSON has its {@code &}, {@code <} and {@code >} escaped. */
  private static void assertEscaped(JsonNode node, String what) {
    if (node.path("type").asText().equals("mrkdwn")) {
      assertTrue(escaped(node.path("text").asText()), "unescaped control character for " + what + ": " + node);
    }
    node.forEach(child -> assertEscaped(child, what));
  }

  private static boolean escaped(String mrkdwn) {
    String rest = ENTITY.matcher(OURS.matcher(mrkdwn).replaceAll("")).replaceAll("");
    return rest.indexOf('&') < 0 && rest.indexOf('<') < 0 && rest.indexOf('>') < 0;
  }
}
