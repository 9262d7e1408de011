package io.istiocon.bot.cli;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.Speaker;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.Query;
import io.istiocon.bot.search.QueryEngine;
import io.istiocon.bot.search.Snippets;
import io.istiocon.bot.service.Help;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders answers as plain-text cards for the terminal. */
final class TextCards {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
  private static final int ABSTRACT = 240;

  private TextCards() {}

  static String render(Answer answer, int limit) {
    StringBuilder out = new StringBuilder();
    switch (answer.intent()) {
      case HELP -> {
        return help(answer.catalog());
      }
      case ABOUT -> {
        return about(answer.catalog());
      }
      default -> { }
    }
    List<Answer.Hit> shown = answer.page(0, limit);
    for (String note : answer.notes()) {
      out.append(note).append('\n');
    }
    if (answer.isEmpty()) {
      out.append("No sessions match \u201c").append(answer.query().text().strip()).append("\u201d.\n");
      int n = 1;
      for (Answer.Hit hit : answer.closest().subList(0, Math.min(limit, answer.closest().size()))) {
        out.append('\n').append(card(n++, hit.session(), answer.catalog(), answer.query().lead()));
      }
      if (!answer.suggestions().isEmpty()) {
        out.append("Did you mean: ").append(answer.suggestions().stream().map(s -> "\u201c" + s + "\u201d")
            .collect(Collectors.joining(", "))).append("?\n");
      }
      out.append("Try \"help\" for examples.\n");
      return out.toString();
    }
    int total = answer.total();
    out.append(total == 1 ? "1 session" : total + " sessions");
    if (total > shown.size()) {
      out.append(", showing the first ").append(shown.size()).append(" (use --limit to see more)");
    }
    out.append(":\n");
    Answer.Hit first = shown.get(0);
    if (answer.query().lead() == Query.Lead.SPEAKERS && !first.session().speakers().isEmpty() && !answer.set()) {
      out.append(Snippets.speakerSentence(first.session())).append('\n');
    }
    int n = 1;
    for (Answer.Hit hit : shown) {
      out.append('\n').append(card(n++, hit.session(), answer.catalog(), answer.query().lead()));
    }
    return out.toString();
  }

  static String card(int n, Session s, Catalog catalog, Query.Lead lead) {
    Conference conference = catalog.conferenceOf(s);
    StringBuilder out = new StringBuilder();
    String indent = "   ";
    out.append(String.format(Locale.ROOT, "%2d. %s  [%s]%n", n, s.title(), s.id()));
    if (lead == Query.Lead.SLIDES) {
      out.append(indent).append(s.slidesLink().map(u -> "Slides: " + u).orElse("No slides were published for this session.")).append('\n');
    } else if (lead == Query.Lead.VIDEO) {
      out.append(indent).append(s.videoLink().map(u -> "Video:  " + u).orElse("No video was published for this session.")).append('\n');
    }
    String several = catalog.nameIfSeveral(s);
    out.append(indent).append(several == null ? "" : several + " \u00b7 ").append(kind(s)).append(" \u00b7 ")
        .append(when(s, conference)).append('\n');
    if (s.room() != null || s.track() != null) {
      out.append(indent).append(s.roomName().map(r -> "Room: " + r).orElse(""))
          .append(s.room() != null && s.track() != null ? " \u00b7 " : "")
          .append(s.trackName().map(t -> "Track: " + t).orElse("")).append('\n');
    }
    if (!s.speakers().isEmpty()) {
      out.append(indent).append(s.speakers().stream().map(Speaker::display).collect(Collectors.joining(", "))).append('\n');
    }
    String text = s.abstractText().isBlank() ? s.summary() : s.abstractText();
    if (!text.isBlank()) {
      out.append(indent).append(Snippets.trim(text, ABSTRACT)).append('\n');
    }
    if (lead != Query.Lead.VIDEO) {
      s.videoLink().ifPresent(u -> out.append(indent).append("Video:  ").append(u).append('\n'));
    }
    if (lead != Query.Lead.SLIDES) {
      s.slidesLink().ifPresent(u -> out.append(indent).append("Slides: ").append(u).append('\n'));
    }
    s.pageLink().ifPresent(u -> out.append(indent).append("Page:   ").append(u).append('\n'));
    return out.toString();
  }

  static String kind(Session s) {
    String language = s.knownLanguage().map(QueryEngine::languageName).orElse("");
    String kind = s.type().label();
    if (!language.isEmpty()) {
      kind += " \u00b7 " + language;
    }
    if (s.subtitled()) {
      kind += " \u00b7 subtitled";
    }
    return kind;
  }

  static String when(Session s, Conference conference) {
    ZonedDateTime utcStart = s.start().atZone(ZoneOffset.UTC);
    ZonedDateTime utcEnd = s.end().atZone(ZoneOffset.UTC);
    ZonedDateTime localStart = s.start().atZone(conference.zone());
    ZonedDateTime localEnd = s.end().atZone(conference.zone());
    StringBuilder out = new StringBuilder();
    out.append(utcStart.format(DAY)).append(' ').append(utcStart.format(TIME)).append('\u2013').append(utcEnd.format(TIME))
        .append(" UTC");
    if (!conference.zone().normalized().equals(ZoneOffset.UTC)) {
      out.append(" (");
      if (!localStart.toLocalDate().equals(utcStart.toLocalDate())) {
        out.append(localStart.format(SHORT_DAY)).append(' ');
      }
      out.append(localStart.format(TIME)).append('\u2013').append(localEnd.format(TIME)).append(' ')
          .append(localStart.format(ZONE)).append(')');
    }
    return out.toString();
  }

  static String help(Catalog catalog) {
    StringBuilder out = new StringBuilder();
    out.append(Help.INTRO).append('\n');
    if (!catalog.isEmpty()) {
      out.append("Loaded: ").append(catalog.conferences().stream().map(c -> c.name() + " (" + c.sessions().size() + " sessions)")
          .collect(Collectors.joining(", "))).append(".\n");
    }
    out.append("\nTry:\n");
    for (Help.Example e : Help.EXAMPLES) {
      out.append(String.format(Locale.ROOT, "  %-16s %s%n", e.kind(), "ask \"" + e.question() + "\""));
    }
    return out.toString();
  }

  static String about(Catalog catalog) {
    StringBuilder out = new StringBuilder();
    for (Conference c : catalog.conferences()) {
      out.append(c.name()).append(": ").append(c.start().format(DAY)).append(" \u2013 ").append(c.end().format(DAY))
          .append(" (").append(c.zone().getId()).append(")\n");
      if (!c.description().isBlank()) {
        out.append(c.description()).append('\n');
      }
      if (c.website() != null) {
        out.append("Website: ").append(c.website()).append('\n');
      }
      out.append(c.sessions().size()).append(" sessions in the catalog.\n");
      for (Map.Entry<String, Object> stat : c.stats().entrySet()) {
        out.append("  ").append(stat.getKey().replace('_', ' ')).append(": ").append(stat.getValue()).append('\n');
      }
    }
    return out.toString();
  }
}
