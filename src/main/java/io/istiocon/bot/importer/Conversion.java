package io.istiocon.bot.importer;

import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.SessionType;
import io.istiocon.bot.catalog.Speaker;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Turns a read export into a conference. On a re-import it keeps, for each session matched by id,
 * what the export lacks (tags, popularity, summary, speakers' companies and aliases, and any value
 * the export leaves empty), drops the sessions the export no longer has, and says what changed.
 */
final class Conversion {
  /**
   * What the command line adds to an export; each is null when not given.
   *
   * @param fileName the base name of {@code --out}, the conference id of last resort
   */
  record Options(String id, String name, URI website, ZoneId timezone, String fileName) {}

  /** What a re-import did to the sessions already in the catalog, by id. */
  record Diff(List<String> added, List<String> changed, List<String> removed) {
    Diff {
      added = List.copyOf(added);
      changed = List.copyOf(changed);
      removed = List.copyOf(removed);
    }
  }

  /** The conference to write, and the diff against the file it replaces (null on a first import). */
  record Result(Conference conference, Diff diff) {}

  private Conversion() {}

  /** Converts an export; {@code existing} is the conference already in {@code --out}, or null. */
  static Result convert(Schedule schedule, Options options, Conference existing) throws ImportException {
    if (schedule.events().isEmpty()) {
      throw ImportException.bad("the export has no sessions to import"
          + (schedule.skipped().isEmpty() ? "" : " (skipped: " + String.join("; ", schedule.skipped()) + ")"));
    }
    List<String> missing = new ArrayList<>();
    String id = first(options.id(), existing == null ? null : existing.id(), conferenceId(schedule.acronym()),
        conferenceId(options.fileName()));
    String name = first(options.name(), schedule.title(), existing == null ? null : existing.name());
    URI website = first(options.website(), schedule.website(), existing == null ? null : existing.website());
    ZoneId zone = first(options.timezone(), schedule.zone(), existing == null ? null : existing.zone());
    if (name == null) {
      missing.add("--name \"Conference 2026\" (the export names no conference)");
    }
    if (website == null) {
      missing.add("--website https://... (the export names no website)");
    }
    if (zone == null) {
      missing.add("--timezone ZONE (the export names no time zone)");
    }
    if (id == null) {
      missing.add("--id conference-id");
    }
    if (!missing.isEmpty()) {
      throw ImportException.usage("give " + String.join(", ", missing));
    }
    Map<String, Session> before = new LinkedHashMap<>();
    if (existing != null) {
      existing.sessions().forEach(s -> before.put(s.id(), s));
    }
    List<Session> sessions = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    LocalDate first = schedule.firstDay();
    LocalDate last = schedule.lastDay();
    for (Schedule.Event e : schedule.events()) {
      Session old = before.remove(e.id());
      Session session = session(id, e, old);
      sessions.add(session);
      if (old == null) {
        added.add(e.id());
      } else if (!session.equals(old)) {
        changed.add(e.id());
      }
      LocalDate startDay = e.start().atZone(zone).toLocalDate();
      LocalDate endDay = e.end().minusNanos(1).atZone(zone).toLocalDate();
      first = first == null || startDay.isBefore(first) ? startDay : first;
      last = last == null || endDay.isAfter(last) ? endDay : last;
    }
    Conference conference = new Conference(id, name, first, last, zone, website,
        existing == null ? "" : existing.description(), existing == null ? Map.of() : existing.stats(), sessions);
    Diff diff = existing == null ? null : new Diff(added, changed, List.copyOf(before.keySet()));
    return new Result(conference, diff);
  }

  private static Session session(String conference, Schedule.Event e, Session old) {
    if (old == null) {
      return new Session(conference, e.id(), e.title(), e.type() == null ? SessionType.TALK : e.type(),
          e.language() == null ? "und" : e.language(), false, e.start(), e.end(),
          e.speakers().stream().map(n -> Speaker.of(n, null)).toList(), e.abstractText(), "", List.of(), e.video(),
          e.slides(), e.page(), OptionalInt.empty(), e.room(), e.track());
    }
    Map<String, Speaker> known = new HashMap<>();
    old.speakers().forEach(s -> known.put(s.name().toLowerCase(Locale.ROOT), s));
    List<Speaker> speakers = new ArrayList<>();
    for (String n : e.speakers()) {
      Speaker was = known.get(n.toLowerCase(Locale.ROOT));
      speakers.add(was == null ? Speaker.of(n, null) : new Speaker(n, was.company(), was.aliases()));
    }
    return new Session(conference, e.id(), e.title(), first(e.type(), old.type()), first(e.language(), old.language()),
        old.subtitled(), e.start(), e.end(), speakers, e.abstractText().isBlank() ? old.abstractText() : e.abstractText(),
        old.summary(), old.tags(), first(e.video(), old.video()), first(e.slides(), old.slides()),
        first(e.page(), old.page()), old.popularity(), first(e.room(), old.room()), first(e.track(), old.track()));
  }

  /** Returns a conference id from an acronym or file name: "FOSS4G 2022" becomes foss4g-2022; null when nothing is left. */
  static String conferenceId(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    s = s.length() > 64 ? s.substring(0, 64).replaceAll("-+$", "") : s;
    return s.isEmpty() ? null : s;
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
