package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.RunningBot;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "This afternoon" is the asker's: the bot reads their zone from {@code users.info}, once a day per
 * user, only for questions that need it, and falls back to the conference's zone when Slack cannot
 * say. Over real HTTP, at Monday 09:45 Pacific, which is Tuesday 01:45 in Shanghai.
 */
class AskerZoneTest {
  private static final String USERS_INFO = "/api/users.info";
  private RunningBot bot;

  @BeforeEach
  void start() throws Exception {
    bot = RunningBot.start();
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private String answer(String question) throws Exception {
    return BlockKit.allText(BlockKit.parse(bot.command(question).body()));
  }

  @Test
  void command_thisAfternoonIsTheAskersAndTheAnswerSaysSo() throws Exception {
    bot.slack.userZone("U0USER1", "Asia/Shanghai");

    String text = answer("what's on this afternoon?");

    assertTrue(text.contains("Preserve Original Source Address"), text); // 12:00 in Shanghai is 20:00 Pacific
    assertTrue(text.contains("Times read in your time zone, Asia/Shanghai."), text);
    assertEquals("U0USER1", bot.slack.take(USERS_INFO).form().get("user"));
  }

  @Test
  void command_theZoneIsAskedOnceAndOnlyWhenTheQuestionNeedsIt() throws Exception {
    answer("ebpf talks");
    assertTrue(bot.slack.drain(USERS_INFO).isEmpty(), "a topic question needs no zone");

    answer("what's on this afternoon?");
    answer("anything this evening?");
    assertEquals(1, bot.slack.drain(USERS_INFO).size(), "one users.info per user and day");
  }

  @Test
  void command_whenSlackCannotSayTheConferencesZoneIsUsed() throws Exception {
    bot.slack.script(USERS_INFO, new MockResponse().setResponseCode(500));

    String text = answer("what's on this afternoon?");

    assertTrue(text.contains("Improving Security with Istio"), text); // Monday 13:00 Pacific
    assertFalse(text.contains("time zone"), text);
  }

  @Test
  void command_askersInTheConferencesZoneGetNoNote() throws Exception {
    String text = answer("what's on this afternoon?");

    assertTrue(text.contains("Improving Security with Istio"), text);
    assertFalse(text.contains("time zone"), text);
  }
}
