package io.istiocon.bot.importer;

import io.istiocon.bot.docs.DocLinks;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a frab or Pentabarf {@code schedule.xml}: {@code day@date} with rooms of events, each with an
 * "HH:MM" {@code start} and {@code duration}, and a {@code date} with an offset when frab writes one.
 * Without one, an event that starts before its day does (after midnight) lies on the next date.
 */
final class FrabXml {
  private final String name;
  private final Zones zones;
  private final Offsets offsets = new Offsets();
  private final List<String> skipped = new ArrayList<>();

  private FrabXml(String name, Zones zones) {
    this.name = name;
    this.zones = zones;
  }

  /** Reads the export, counting local times in the zone {@code zones} chooses. */
  static Schedule read(byte[] bytes, String name, Zones zones) throws ImportException {
    return new FrabXml(name, zones).schedule(XmlTree.read(bytes, name));
  }

  private Schedule schedule(XmlTree root) throws ImportException {
    if (!root.name.equals("schedule")) {
      throw ImportException.bad(root.at(name) + ": the root element is <" + root.name + ">, not <schedule>;"
          + " is this a frab or Pentabarf schedule.xml?");
    }
    XmlTree conference = root.child("conference");
    if (conference == null) {
      throw ImportException.bad(root.at(name) + ": <schedule> has no <conference>");
    }
    ZoneId named = zoneNamed(conference.child("time_zone_name"));
    ZoneId zone = zones.choose(named);
    LocalTime dayChange = time(conference.childText("day_change"));
    URI base = Mapping.url(firstText(conference, "base_url", "url"), null);
    List<Schedule.Event> events = new ArrayList<>();
    List<XmlTree> raw = new ArrayList<>();
    for (XmlTree day : root.all("day")) {
      for (XmlTree room : day.all("room")) {
        for (XmlTree event : room.all("event")) {
          Schedule.Event e = event(event, day, room, zone, dayChange, base);
          if (e != null) {
            events.add(e);
            raw.add(event);
          }
        }
      }
    }
    List<String> ids = Mapping.uniqueIds(raw.stream().map(e -> e.attributes.get("id")).toList(),
        raw.stream().map(e -> e.attributes.get("guid")).toList());
    List<Schedule.Event> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      out.add(events.get(i).withId(ids.get(i)));
    }
    return new Schedule(Format.FRAB, Mapping.line(conference.childText("acronym")), Mapping.line(conference.childText("title")),
        base, zone != null ? zone : offsets.zone(), date(conference.childText("start")), date(conference.childText("end")),
        out, skipped);
  }

  private Schedule.Event event(XmlTree n, XmlTree day, XmlTree room, ZoneId zone, LocalTime dayChange, URI base)
      throws ImportException {
    String id = n.attributes.getOrDefault("id", n.attributes.get("guid"));
    String title = Mapping.line(n.childText("title"));
    if (title == null) {
      throw ImportException.bad(n.at(name) + ": event " + id + " has no title");
    }
    String label = n.at(name) + ": event " + id + " (\u201c" + title + "\u201d)";
    Instant start = start(n, day, zone, dayChange, label);
    String durationText = n.childText("duration");
    Duration duration = Mapping.duration(durationText);
    if (duration == null) {
      throw ImportException.bad(label + ": duration \"" + durationText + "\" is not HH:MM (such as 00:30 or 4:00)");
    }
    if (duration.isZero()) {
      skipped.add("event " + id + ": it lasts 00:00");
      return null;
    }
    URI page = Mapping.url(n.childText("url"), base);
    Links links = new Links();
    for (String list : List.of("links", "attachments")) {
      XmlTree holder = n.child(list);
      for (XmlTree link : holder == null ? List.<XmlTree>of() : holder.children) {
        links.offer(link.text(), link.attributes.get("href"), page != null ? page : base);
      }
    }
    String roomName = Mapping.line(n.childText("room"));
    String track = Mapping.line(n.childText("track"));
    String abstractText = Mapping.paragraphs(n.childText("subtitle"), n.childText("abstract"), n.childText("description"));
    return new Schedule.Event(null, title, Mapping.type(n.childText("type"), track), Mapping.language(n.childText("language")),
        start, start.plus(duration), speakers(n.child("persons")), abstractText,
        roomName != null ? roomName : Mapping.line(room.attributes.get("name")), track, links.video(), links.slides(), page);
  }

  private Instant start(XmlTree n, XmlTree day, ZoneId zone, LocalTime dayChange, String label) throws ImportException {
    String date = n.childText("date");
    if (date != null && !date.isBlank()) {
      try {
        OffsetDateTime at = OffsetDateTime.parse(date.strip());
        offsets.add(at.getOffset());
        return at.toInstant();
      } catch (DateTimeException e) {
        throw ImportException.bad(label + ": date \"" + date + "\" is not an ISO-8601 date and time with an offset");
      }
    }
    String startText = n.childText("start");
    Duration time = Mapping.duration(startText);
    LocalDate dayDate = date(day.attributes.get("date"));
    if (time == null || time.toHours() >= 24 || dayDate == null) {
      throw ImportException.bad(label + ": start \"" + startText + "\" on day \"" + day.attributes.get("date")
          + "\" is not a day and an HH:MM time");
    }
    if (zone == null) {
      throw ImportException.usage(name + ": the export gives local times but no time zone (no <time_zone_name> and no"
          + " <date> with an offset); give --timezone with the conference's zone, such as --timezone Europe/Brussels; " + DocLinks.see(DocLinks.IMPORT_TIME_ZONES));
    }
    LocalTime local = LocalTime.MIDNIGHT.plus(time);
    OffsetDateTime dayStart = offsetDateTime(day.attributes.get("start"));
    LocalTime change = dayStart != null ? dayStart.toLocalTime() : dayChange;
    LocalDate on = change != null && local.isBefore(change) ? dayDate.plusDays(1) : dayDate;
    return on.atTime(local).atZone(zone).toInstant();
  }

  private ZoneId zoneNamed(XmlTree n) throws ImportException {
    String s = n == null ? null : n.text();
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(s.strip());
    } catch (DateTimeException e) {
      throw ImportException.bad(n.at(name) + ": time_zone_name \"" + s + "\" is not an IANA time zone;"
          + " give --timezone with the right one");
    }
  }

  private static List<String> speakers(XmlTree persons) {
    Set<String> names = new LinkedHashSet<>();
    for (XmlTree p : persons == null ? List.<XmlTree>of() : persons.all("person")) {
      String n = Mapping.line(p.text());
      if (n != null) {
        names.add(n);
      }
    }
    return List.copyOf(names);
  }

  private static String firstText(XmlTree parent, String... names) {
    for (String n : names) {
      String t = parent.childText(n);
      if (t != null && !t.isBlank()) {
        return t;
      }
    }
    return null;
  }

  private static LocalTime time(String s) {
    Duration d = Mapping.duration(s);
    return d == null || d.toHours() >= 24 ? null : LocalTime.MIDNIGHT.plus(d);
  }

  private static OffsetDateTime offsetDateTime(String s) {
    try {
      return s == null ? null : OffsetDateTime.parse(s.strip());
    } catch (DateTimeException e) {
      return null; // a day start we cannot read falls back to the conference's day_change
    }
  }

  private static LocalDate date(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeException e) {
      OffsetDateTime at = offsetDateTime(s);
      return at == null ? null : at.toLocalDate();
    }
  }
}
