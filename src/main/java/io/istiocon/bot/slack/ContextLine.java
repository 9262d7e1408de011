package io.istiocon.bot.slack;

import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.search.QueryEngine;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The line under a talk card's title: the conference (when several are loaded), the kind of
 * session, its time as Slack date tokens, and its room and track. Escaped and cut to fit like the
 * rest of the card.
 */
final class ContextLine {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private ContextLine() {}

  /** Returns the line; {@code conference} is null when only one is loaded, and a compact card leaves out room and track. */
  static String of(Session s, String conference, boolean compact) {
    StringBuilder out = new StringBuilder();
    if (conference != null) {
      out.append('*').append(TalkCards.fit(conference, 60, 300)).append("* \u00b7 ");
    }
    out.append(kind(s)).append(" \u00b7 ").append(when(s));
    if (!compact) {
      s.roomName().ifPresent(room -> out.append(" \u00b7 Room: ").append(TalkCards.fit(room, 60, 300)));
      s.trackName().ifPresent(track -> out.append(" \u00b7 Track: ").append(TalkCards.fit(track, 60, 300)));
    }
    return out.toString();
  }

  private static String kind(Session s) {
    StringBuilder out = new StringBuilder(s.type().label());
    s.knownLanguage().map(QueryEngine::languageName).filter(l -> !l.isBlank())
        .ifPresent(l -> out.append(" \u00b7 ").append(TalkCards.fit(l, 40, 200)));
    if (s.subtitled()) {
      out.append(" \u00b7 subtitled");
    }
    return out.toString();
  }

  /** Returns the time as Slack date tokens, which every reader sees in their own zone; UTC is the fallback. */
  static String when(Session s) {
    Instant start = s.start();
    String startFallback = start.atZone(ZoneOffset.UTC).format(DAY) + " " + start.atZone(ZoneOffset.UTC).format(TIME) + " UTC";
    return "<!date^" + start.getEpochSecond() + "^{date_short_pretty} {time}|" + startFallback + ">\u2013" + until(s);
  }

  /** Returns the start and end times of day as Slack date tokens, for lines under a day's heading. */
  static String times(Session s) {
    Instant start = s.start();
    return "<!date^" + start.getEpochSecond() + "^{time}|" + start.atZone(ZoneOffset.UTC).format(TIME) + " UTC>\u2013"
        + until(s);
  }

  private static String until(Session s) {
    Instant end = s.end();
    return "<!date^" + end.getEpochSecond() + "^{time}|" + end.atZone(ZoneOffset.UTC).format(TIME) + " UTC>";
  }
}
