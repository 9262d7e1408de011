package io.istiocon.bot.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.istiocon.bot.catalog.SessionType;
import io.istiocon.bot.docs.DocLinks;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Sessionize's {@code All} export: sessions with local {@code startsAt}/{@code endsAt} and no
 * zone (so {@code --timezone} is required), speakers and rooms by id, and categories whose titles say
 * whether they hold the track, the language or the session type.
 */
final class SessionizeJson {
  private final String name;
  private final ZoneId zone;
  private final Map<String, String> speakers = new HashMap<>();
  private final Map<String, String> rooms = new HashMap<>();
  /** Category item id to what it says, such as {@code track} to "Security". */
  private final Map<String, String[]> items = new HashMap<>();
  private final Map<String, String> questions = new HashMap<>();
  private final List<String> skipped = new ArrayList<>();

  private SessionizeJson(String name, ZoneId zone) {
    this.name = name;
    this.zone = zone;
  }

  /** Reads the export; the zone comes from {@code --timezone} or the catalog being re-imported, as the export has none. */
  static Schedule read(JsonNode root, String name, Zones zones) throws ImportException {
    ZoneId zone = zones.choose(null);
    if (zone == null) {
      throw ImportException.usage(name + ": Sessionize exports local times without a time zone; give --timezone with"
          + " the conference's zone, such as --timezone Europe/London; " + DocLinks.see(DocLinks.IMPORT_TIME_ZONES));
    }
    return new SessionizeJson(name, zone).schedule(root);
  }

  private Schedule schedule(JsonNode root) throws ImportException {
    for (JsonNode s : root.path("speakers")) {
      String full = Mapping.line(text(s.path("fullName")));
      if (full == null) {
        full = Mapping.line((orEmpty(text(s.path("firstName"))) + " " + orEmpty(text(s.path("lastName")))));
      }
      if (full != null) {
        speakers.put(text(s.path("id")), full);
      }
    }
    for (JsonNode r : root.path("rooms")) {
      rooms.put(text(r.path("id")), Mapping.line(text(r.path("name"))));
    }
    for (JsonNode category : root.path("categories")) {
      String kind = kind(text(category.path("title")));
      for (JsonNode item : category.path("items")) {
        items.put(text(item.path("id")), new String[] {kind, Mapping.line(text(item.path("name")))});
      }
    }
    for (JsonNode q : root.path("questions")) {
      questions.put(text(q.path("id")), orEmpty(text(q.path("question"))).toLowerCase(Locale.ROOT));
    }
    List<Schedule.Event> events = new ArrayList<>();
    List<String> rawIds = new ArrayList<>();
    for (JsonNode session : root.path("sessions")) {
      Schedule.Event e = event(session);
      if (e != null) {
        events.add(e);
        rawIds.add(text(session.path("id")));
      }
    }
    List<String> ids = Mapping.uniqueIds(rawIds, rawIds);
    List<Schedule.Event> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      out.add(events.get(i).withId(ids.get(i)));
    }
    return new Schedule(Format.SESSIONIZE, null, null, null, zone, null, null, out, skipped);
  }

  /** Returns what a category holds, judged by its title ("Which track does your session best fit into?"). */
  private static String kind(String title) {
    String t = orEmpty(title).toLowerCase(Locale.ROOT);
    if (t.contains("track") || t.contains("topic")) {
      return "track";
    }
    if (t.contains("language") || t.contains("sprache")) {
      return "language";
    }
    if (t.contains("format") || t.contains("type")) {
      return "type";
    }
    return "other";
  }

  private Schedule.Event event(JsonNode n) throws ImportException {
    String id = text(n.path("id"));
    String title = Mapping.line(text(n.path("title")));
    if (title == null) {
      throw ImportException.bad(name + ": session " + id + " has no title");
    }
    String label = "session " + id + " (\u201c" + title + "\u201d)";
    if (text(n.path("startsAt")) == null || text(n.path("endsAt")) == null) {
      skipped.add(label + ": not scheduled");
      return null;
    }
    Instant start = instant(n.path("startsAt"), label);
    Instant end = instant(n.path("endsAt"), label);
    if (!end.isAfter(start)) {
      skipped.add(label + ": ends when it starts");
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode speaker : n.path("speakers")) {
      String speakerName = speakers.get(speaker.isObject() ? text(speaker.path("id")) : text(speaker));
      if (speakerName == null && speaker.isObject()) {
        speakerName = Mapping.line(text(speaker.path("name")));
      }
      if (speakerName != null) {
        names.add(speakerName);
      }
    }
    String track = null;
    String language = null;
    String type = null;
    for (JsonNode item : n.path("categoryItems")) {
      String[] kindAndName = items.get(item.isObject() ? text(item.path("id")) : text(item));
      if (kindAndName == null || kindAndName[1] == null) {
        continue;
      }
      switch (kindAndName[0]) {
        case "track" -> track = track == null ? kindAndName[1] : track;
        case "language" -> language = language == null ? kindAndName[1] : language;
        case "type" -> type = type == null ? kindAndName[1] : type;
        default -> { }
      }
    }
    Links links = new Links();
    links.offerRecording(text(n.path("recordingUrl")), null);
    for (JsonNode answer : n.path("questionAnswers")) {
      String question = questions.getOrDefault(text(answer.path("questionId")), "");
      String value = text(answer.path("answerValue"));
      if (question.contains("slide")) {
        links.offer("slides", value, null);
      } else if (question.contains("video") || question.contains("recording") || question.contains("youtube")) {
        links.offerRecording(value, null);
      }
    }
    SessionType sessionType = Mapping.type(type, track);
    if (sessionType == null && n.path("isServiceSession").asBoolean(false)) {
      sessionType = SessionType.SOCIAL; // breaks, lunch, registration: on the programme, with no speakers
    }
    return new Schedule.Event(null, title, sessionType, Mapping.language(language), start, end, List.copyOf(names),
        Mapping.text(text(n.path("description"))), rooms.get(text(n.path("roomId"))), track, links.video(), links.slides(),
        null);
  }

  private Instant instant(JsonNode n, String label) throws ImportException {
    String s = text(n).strip();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeException withoutOffset) {
      try {
        return LocalDateTime.parse(s).atZone(zone).toInstant();
      } catch (DateTimeException e) {
        throw ImportException.bad(name + ": " + label + ": \"" + s + "\" is not an ISO-8601 date and time");
      }
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() || n.isContainerNode() ? null : n.asText();
  }
}
