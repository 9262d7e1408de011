package io.istiocon.bot.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.istiocon.bot.docs.DocLinks;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a pretalx or C3VOC {@code schedule.json}: {@code schedule.conference.days[].rooms{room: [event]}},
 * each event with a {@code date} that carries an offset (or a day's date and an "HH:MM" {@code start}),
 * an "H:MM" {@code duration}, {@code persons}, {@code links} and {@code attachments}.
 */
final class ScheduleJson {
  private final String name;
  private final Zones zones;
  private final Offsets offsets = new Offsets();
  private final List<String> skipped = new ArrayList<>();

  private ScheduleJson(String name, Zones zones) {
    this.name = name;
    this.zones = zones;
  }

  /** Reads the export, counting local times in the zone {@code zones} chooses. */
  static Schedule read(JsonNode root, Format format, String name, Zones zones) throws ImportException {
    return new ScheduleJson(name, zones).schedule(root, format);
  }

  private Schedule schedule(JsonNode root, Format format) throws ImportException {
    JsonNode schedule = root.path("schedule");
    JsonNode conference = schedule.path("conference");
    if (!conference.isObject() || !conference.path("days").isArray()) {
      throw ImportException.bad(name + ": schedule.conference.days is missing; is this a " + format.label() + "?");
    }
    ZoneId named = zoneNamed(conference.path("time_zone_name"));
    ZoneId zone = zones.choose(named);
    URI base = Mapping.url(text(schedule.path("base_url")), null);
    URI website = Mapping.url(text(conference.path("url")), null);
    List<JsonNode> raw = new ArrayList<>();
    List<Schedule.Event> events = new ArrayList<>();
    for (JsonNode day : conference.path("days")) {
      for (Map.Entry<String, JsonNode> room : day.path("rooms").properties()) {
        for (JsonNode event : room.getValue()) {
          Schedule.Event e = event(event, day, room.getKey(), zone, base);
          if (e != null) {
            raw.add(event);
            events.add(e);
          }
        }
      }
    }
    List<String> ids = Mapping.uniqueIds(raw.stream().map(e -> text(e.path("id"))).toList(),
        raw.stream().map(e -> text(e.path("guid"))).toList());
    List<Schedule.Event> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      out.add(events.get(i).withId(ids.get(i)));
    }
    return new Schedule(format, Mapping.line(text(conference.path("acronym"))), Mapping.line(text(conference.path("title"))),
        website != null ? website : base, zone != null ? zone : offsets.zone(), day(conference.path("start"), zone),
        day(conference.path("end"), zone), out, skipped);
  }

  /** Returns the event without its id (which depends on all the others), or null when it is skipped. */
  private Schedule.Event event(JsonNode n, JsonNode day, String roomKey, ZoneId zone, URI base) throws ImportException {
    String label = "event " + (n.hasNonNull("id") ? text(n.path("id")) : text(n.path("guid")));
    String title = Mapping.line(text(n.path("title")));
    if (title == null) {
      throw ImportException.bad(name + ": " + label + " has no title");
    }
    label += " (\u201c" + title + "\u201d)";
    Instant start = start(n, day, zone, label);
    String durationText = text(n.path("duration"));
    Duration duration = Mapping.duration(durationText);
    if (duration == null) {
      throw ImportException.bad(name + ": " + label + ": duration \"" + durationText + "\" is not H:MM (such as 0:30 or 4:00)");
    }
    if (duration.isZero()) {
      skipped.add(label + ": it lasts 0:00");
      return null;
    }
    String track = Mapping.line(name(n.path("track")));
    String type = text(n.path("type"));
    URI page = Mapping.url(text(n.path("url")), base);
    URI origin = Mapping.url(text(n.path("origin_url")), null);
    URI linkBase = origin != null ? origin : page != null ? page : base;
    Links links = new Links();
    links.offerRecording(text(n.path("recording").path("url")), linkBase);
    links.offerRecording(text(n.path("video_download_url")), linkBase);
    for (String field : List.of("links", "attachments")) {
      for (JsonNode link : n.path(field)) {
        links.offer(text(link.path("title")), text(link.path("url")), linkBase);
      }
    }
    String room = Mapping.line(name(n.path("room")));
    return new Schedule.Event(null, title, Mapping.type(type, track), Mapping.language(text(n.path("language"))),
        start, start.plus(duration), speakers(n.path("persons")), abstractText(n), room != null ? room : Mapping.line(roomKey),
        track, links.video(), links.slides(), page);
  }

  private Instant start(JsonNode n, JsonNode day, ZoneId zone, String label) throws ImportException {
    String date = text(n.path("date"));
    if (date != null) {
      try {
        OffsetDateTime at = OffsetDateTime.parse(date.strip());
        offsets.add(at.getOffset());
        return at.toInstant();
      } catch (DateTimeException noOffset) {
        try {
          return LocalDateTime.parse(date.strip()).atZone(needZone(zone)).toInstant();
        } catch (DateTimeException e) {
          throw ImportException.bad(name + ": " + label + ": date \"" + date + "\" is not an ISO-8601 date and time");
        }
      }
    }
    // No date on the event: the day's date and the event's "HH:MM", on the next date when before the day starts.
    String startText = text(n.path("start"));
    Duration time = Mapping.duration(startText);
    LocalDate dayDate = day(day.path("date"), zone);
    if (time == null || dayDate == null) {
      throw ImportException.bad(name + ": " + label + ": no date, and start \"" + startText + "\" on day \""
          + text(day.path("date")) + "\" is not a day and an HH:MM time");
    }
    LocalTime local = LocalTime.MIDNIGHT.plus(time);
    LocalTime dayStart = dayStart(day.path("day_start"));
    LocalDate date2 = dayStart != null && local.isBefore(dayStart) ? dayDate.plusDays(1) : dayDate;
    return date2.atTime(local).atZone(needZone(zone)).toInstant();
  }

  private ZoneId needZone(ZoneId zone) throws ImportException {
    if (zone == null) {
      throw ImportException.usage(name + ": the export gives local times but no time zone (no time_zone_name and no"
          + " offsets); give --timezone with the conference's zone, such as --timezone Europe/Berlin; " + DocLinks.see(DocLinks.IMPORT_TIME_ZONES));
    }
    return zone;
  }

  private static LocalTime dayStart(JsonNode n) {
    String s = text(n);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.strip()).toLocalTime();
    } catch (DateTimeException e) {
      try {
        return LocalDateTime.parse(s.strip()).toLocalTime();
      } catch (DateTimeException notEither) {
        return null;
      }
    }
  }

  private static LocalDate day(JsonNode n, ZoneId zone) {
    String s = text(n);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeException notDate) {
      try {
        OffsetDateTime at = OffsetDateTime.parse(s.strip());
        return zone == null ? at.toLocalDate() : at.atZoneSameInstant(zone).toLocalDate();
      } catch (DateTimeException e) {
        return null; // a declared day we cannot read is left to the sessions' own days
      }
    }
  }

  private ZoneId zoneNamed(JsonNode n) throws ImportException {
    String s = text(n);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(s.strip());
    } catch (DateTimeException e) {
      throw ImportException.bad(name + ": time_zone_name \"" + s + "\" is not an IANA time zone;"
          + " give --timezone with the right one");
    }
  }

  private static List<String> speakers(JsonNode persons) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode p : persons) {
      String n = Mapping.line(p.isTextual() ? p.asText() : text(p.path("public_name")));
      if (n == null) {
        n = Mapping.line(text(p.path("name")));
      }
      if (n != null) {
        names.add(n);
      }
    }
    return List.copyOf(names);
  }

  /** Returns the subtitle, the abstract and the description, each once, as paragraphs. */
  static String abstractText(JsonNode n) {
    return Mapping.paragraphs(text(n.path("subtitle")), text(n.path("abstract")), text(n.path("description")));
  }

  /** Returns a value that is a name, or an object's {@code name} (newer pretalx writes rooms and tracks so). */
  private static String name(JsonNode n) {
    return n.isObject() ? text(n.path("name")) : text(n);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() || n.isContainerNode() ? null : n.asText();
  }
}
