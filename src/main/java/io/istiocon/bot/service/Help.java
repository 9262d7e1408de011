package io.istiocon.bot.service;

import java.util.List;

/** What the bot can answer, with example questions; shown by {@code ask help} and {@code /istiocon help}. */
public final class Help {
  private Help() {}

  /** An example question and what kind of question it shows. */
  public record Example(String kind, String question) {}

  /** Examples, one per kind of question the bot understands. */
  public static final List<Example> EXAMPLES = List.of(
      new Example("Topic", "ebpf talks"),
      new Example("Speaker", "talks by Christian Posta"),
      new Example("Company", "Intel sessions"),
      new Example("Who", "who is giving the wasm talk?"),
      new Example("Session type", "lightning talks on tuesday"),
      new Example("Language", "talks in Chinese"),
      new Example("Right now", "what's on now"),
      new Example("Next", "what's next"),
      new Example("Popular", "most watched sessions"),
      new Example("Slides or video", "slides for the airbnb talk"),
      new Example("Typos welcome", "isito at scale"),
      new Example("中文", "流量管理"));

  /** The reminder commands, as the help lists them. */
  public static final String REMINDERS = "Each saved talk gets a reminder in a DM before it starts: "
      + "`/istiocon remind me 5 minutes before` changes when, `/istiocon reminders off` (and `reminders on`) "
      + "switches them.";

  /** One line saying what the bot is. */
  public static final String INTRO =
      "I answer questions about the conference program: topics, speakers, companies, days, what's on now, "
          + "and links to every talk's video and slides.";
}
