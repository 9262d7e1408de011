package io.istiocon.bot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.google.gson.Gson;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.util.json.GsonFactory;
import io.istiocon.bot.search.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Rendered talk cards, kept per answer: the answer cache hands out one {@link Answer} instance per
 * question, catalog version and minute, so when many people ask the same thing (a keynote ends,
 * everyone asks "what's next") the Block Kit is built, measured and serialized once.
 */
final class RenderedAnswers {
  /** Keys by the answer's identity (answers are immutable and cached), the page and the surface. */
  private record Key(Answer answer, PageToken page, TalkCards.Surface surface) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.answer == answer && k.page.equals(page) && k.surface == surface;
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(answer) * 31 + page.hashCode()) * 31 + surface.hashCode();
    }
  }

  /**
   * A message, and for the asker-only surface the slash command's acknowledgement body, as JSON and
   * as its UTF-8 bytes (encoding a long non-Latin-1 answer on every request was a tenth of a slash
   * command's CPU, measured). Null for the other surfaces.
   */
  record Rendered(TalkCards.Message message, String ackJson, byte[] ackUtf8) {}

  private static final Gson GSON = GsonFactory.createSnakeCase();
  private final Cache<Key, Rendered> cache;

  RenderedAnswers(Ticker ticker, long maxMessages) {
    // Upkeep on the asking thread, as AnswerService's caches do.
    this.cache = Caffeine.newBuilder().executor(Runnable::run).ticker(ticker).maximumSize(maxMessages)
        .expireAfterAccess(Duration.ofMinutes(10)).build();
  }

  /** Returns the message for one page of an answer, rendering it (and its JSON) the first time. */
  Rendered answer(Answer answer, PageToken page, TalkCards.Surface surface) {
    return cache.get(new Key(answer, page, surface), k -> {
      TalkCards.Message message = TalkCards.answer(answer, page, surface);
      String json = surface == TalkCards.Surface.EPHEMERAL ? ackJson(message) : null;
      return new Rendered(message, json, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    });
  }

  /** Returns the body Bolt would write for {@code ctx.ack(...)} with this message, ephemeral. */
  static String ackJson(TalkCards.Message message) {
    return GSON.toJson(SlashCommandResponse.builder().responseType("ephemeral").text(message.text())
        .blocks(message.blocks()).build());
  }
}
