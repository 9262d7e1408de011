package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackTextTest {
  @ParameterizedTest
  @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
      "ebpf talks => ebpf talks",
      "<!channel> & <@U1> => &lt;!channel&gt; &amp; &lt;@U1&gt;",
      "&amp; already => &amp;amp; already",
      "a<b>c => a&lt;b&gt;c",
  })
  void escape_controlCharacters_becomeEntities(String text, String escaped) {
    assertEquals(escaped, SlackText.escape(text));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
      "<@U0BOT> ebpf talks => ebpf talks",
      "<@U0BOT|istiocon> wasm => wasm",
      "talks by <@U123|christian> => talks by @christian",
      "talks by <@U123> => talks by",
      "<!here> what's on now => what's on now",
      "<!channel|@channel> hi => hi",
      "<!subteam^S1|@sre> sessions => @sre sessions",
      "talks in <#C1|general> => talks in #general",
      "<https://istio.io|Istio> at scale => Istio at scale",
      "see <https://istio.io> => see https://istio.io",
      "a &lt;b&gt; &amp;amp; c => a <b> &amp; c",
      "\"   \" => \"\"",
  })
  void plain_slackFormatting_becomesWhatThePersonTyped(String slack, String plain) {
    assertEquals(plain, SlackText.plain(slack, "U0BOT"));
  }
}
