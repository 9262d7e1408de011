package io.istiocon.bot.service;

import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.Speaker;
import java.util.stream.Collectors;

/**
 * The text a calendar event shows for a talk, the same in the calendar feed and in the Add to
 * calendar link: speakers, then links, then the summary, so a cut to fit a length loses the
 * summary before a link.
 */
public final class EventText {
  private EventText() {}

  /** Returns the event's description, lines separated by {@code \n}; empty when the talk has none of these. */
  public static String details(Session session) {
    StringBuilder text = new StringBuilder();
    if (!session.speakers().isEmpty()) {
      text.append(session.speakers().size() == 1 ? "Speaker: " : "Speakers: ")
          .append(session.speakers().stream().map(Speaker::display).collect(Collectors.joining(", "))).append('\n');
    }
    session.videoLink().ifPresent(u -> text.append("Watch: ").append(u).append('\n'));
    session.slidesLink().ifPresent(u -> text.append("Slides: ").append(u).append('\n'));
    session.pageLink().ifPresent(u -> text.append("Session page: ").append(u).append('\n'));
    if (!session.summary().isBlank()) {
      text.append('\n').append(session.summary().strip()).append('\n');
    }
    return text.toString().strip();
  }
}
