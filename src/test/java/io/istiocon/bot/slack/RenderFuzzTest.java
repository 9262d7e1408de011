package io.istiocon.bot.slack;

import static io.istiocon.bot.testing.BlockKit.assertNoMentions;
import static io.istiocon.bot.testing.BlockKit.assertWithinLimits;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.util.json.GsonFactory;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.QueryEngine;
import io.istiocon.bot.search.SearchIndex;
import io.istiocon.bot.search.Synonyms;
import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.RandomCatalogs;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the whole answer path to Block Kit: any valid catalog and any question give
 * messages within Slack's limits that can ping nobody.
 */
class RenderFuzzTest {
  private static final long SEED = 20210226L;
  private static final Instant NOW = Instant.parse("2021-02-23T03:00:00Z");
  private final QueryEngine engine = new QueryEngine();

  @Test
  void answer_anyCatalogAndQuestion_rendersWithinBlockKitLimits() {
    RandomCatalogs random = new RandomCatalogs(SEED);
    int messages = 0;
    for (int c = 0; c < 80; c++) {
      Catalog catalog = random.catalog(25);
      SearchIndex index = SearchIndex.build(catalog, Synonyms.NONE);
      for (int i = 0; i < 10; i++) {
        String question = random.text(random.random().nextInt(20) == 0 ? 10_000 : 100);
        Answer answer = engine.answer(index, question, NOW);
        for (TalkCards.Surface surface : TalkCards.Surface.values()) {
          for (int offset : new int[] {0, TalkCards.PAGE}) {
            PageToken page = new PageToken(answer.query().text(), offset, NOW.getEpochSecond() / 60); // cut as the app cuts
            check(TalkCards.answer(answer, page, surface), TalkCards.MAX_BLOCKS, TalkCards.MAX_JSON);
            messages++;
          }
        }
      }
      Answer now = engine.answer(index, "what's on now", NOW);
      Answer next = engine.answer(index, "what's next", NOW);
      Answer popular = engine.answer(index, "most popular", NOW);
      String view = GsonFactory.createSnakeCase().toJson(TalkCards.home(catalog, now, next, popular));
      JsonNode home = BlockKit.parse(view);
      assertWithinLimits(home.path("blocks"), TalkCards.MAX_HOME_BLOCKS);
      assertNoMentions(home);
    }
    assertTrue(messages >= 80 * 10 * 6);
  }

  private static void check(TalkCards.Message message, int maxBlocks, int maxJson) {
    String blocksJson = GsonFactory.createSnakeCase().toJson(message.blocks());
    assertTrue(blocksJson.length() < maxJson, "blocks JSON is " + blocksJson.length() + " characters");
    JsonNode blocks = BlockKit.parse(blocksJson);
    assertWithinLimits(blocks, maxBlocks);
    assertNoMentions(blocks);
    assertTrue(!message.text().isBlank() && message.text().length() <= 40_000, "fallback text");
    assertTrue(!message.text().contains("<!channel>") && !message.text().contains("<@U"), "fallback text pings");
  }
}
