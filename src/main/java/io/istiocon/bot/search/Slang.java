package io.istiocon.bot.search;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells out the chat shorthand people type in Slack ("rn", "tmrw", "b4", "w/o", "vid"), so the
 * readers see the words they understand. Applied to folded text, word by word.
 */
final class Slang {
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("rn", "right now"), Map.entry("atm", "at the moment"), Map.entry("tmrw", "tomorrow"),
      Map.entry("tmr", "tomorrow"), Map.entry("tmw", "tomorrow"), Map.entry("tmrrw", "tomorrow"),
      Map.entry("tomoz", "tomorrow"), Map.entry("2moro", "tomorrow"), Map.entry("2morrow", "tomorrow"),
      Map.entry("2day", "today"), Map.entry("tdy", "today"), Map.entry("yday", "yesterday"),
      Map.entry("ystd", "yesterday"), Map.entry("tonite", "tonight"), Map.entry("b4", "before"),
      Map.entry("w/o", "without"), Map.entry("w/", "with"), Map.entry("u", "you"), Map.entry("ur", "your"),
      Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("thx", "thanks"), Map.entry("ty", "thanks"),
      Map.entry("sesh", "session"), Map.entry("prez", "presentation"), Map.entry("preso", "presentation"),
      Map.entry("vid", "video"), Map.entry("vids", "videos"), Map.entry("vod", "video"),
      Map.entry("ppl", "people"), Map.entry("smth", "something"), Map.entry("sth", "something"),
      Map.entry("tho", "though"), Map.entry("cuz", "because"), Map.entry("coz", "because"), Map.entry("bc", "because"),
      Map.entry("abt", "about"), Map.entry("btw", "by the way"), Map.entry("afaik", "as far as i know"),
      Map.entry("idk", "i do not know"), Map.entry("afk", "away"), Map.entry("brb", "back"), Map.entry("lol", ""),
      Map.entry("wrt", "about"), Map.entry("bout", "about"), Map.entry("gonna", "going to"),
      Map.entry("wanna", "want to"), Map.entry("gotta", "have to"), Map.entry("dunno", "i do not know"),
      Map.entry("perf", "performance"), Map.entry("conf", "conference"), Map.entry("confs", "conferences"));
  private static final Pattern WORD = Pattern.compile("(?<![\\w/])(w/o|w/|[a-z0-9]+)(?![\\w/])");

  private Slang() {}

  /** Returns folded text with chat shorthand spelled out. */
  static String expand(String folded) {
    Matcher m = WORD.matcher(folded);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String spelled = WORDS.get(m.group(1));
      if (spelled == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(folded.length() + 16);
      }
      out.append(folded, last, m.start()).append(spelled);
      last = m.end();
    }
    return out == null ? folded : out.append(folded, last, folded.length()).toString();
  }
}
