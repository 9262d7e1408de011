package io.istiocon.bot.files;

import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a catalog document, its {@code conference} mapping and its {@code sessions} list, and
 * builds the {@link Conference} when nothing in the file is wrong.
 */
final class ConferenceCheck {
  private static final List<String> TOP_FIELDS = List.of("conference", "sessions", "$schema");
  private static final List<String> CONFERENCE_FIELDS =
      List.of("id", "name", "start", "end", "timezone", "website", "description", "stats", "source");

  private static final Pattern CONFERENCE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern STAT_KEY = Pattern.compile("[a-z][a-z0-9_]*");

  private ConferenceCheck() {}

  /** Returns the conference a document holds, or null when any problem was found in its file. */
  static Conference read(Node root, Problems problems) {
    if (root.kind != Node.Kind.MAP) {
      problems.add(root, "", "expected a mapping with \"conference\" and \"sessions\", found " + root.describe());
      return null;
    }
    Fields top = new Fields(problems, root, "");
    top.rejectUnknown(TOP_FIELDS);
    Node conference = top.require("conference");
    Node sessions = top.require("sessions");
    if (conference == null || !problems.expect(conference, Node.Kind.MAP, "conference", "conference")) {
      return null;
    }
    return read(new Fields(problems, conference, "conference"), sessions, problems);
  }

  private static Conference read(Fields f, Node sessionList, Problems problems) {
    f.rejectUnknown(CONFERENCE_FIELDS);
    String id = id(f);
    String name = f.requireText("name");
    ZoneId zone = f.zone("timezone");
    LocalDate start = f.date("start", zone);
    LocalDate end = f.date("end", zone);
    if (start != null && end != null && end.isBefore(start)) {
      f.problem(f.node("end"), "end " + end + " is before start " + start);
    }
    URI website = f.requiredUrl("website");
    String description = f.optionalText("description");
    f.optionalText("source");
    Map<String, Object> stats = stats(f);
    SessionCheck.Program program = new SessionCheck.Program(id == null ? "?" : id, zone, start, end);
    List<Session> sessions = sessions(sessionList, program, problems);
    if (!problems.isEmpty()) {
      return null;
    }
    return new Conference(id, name, start, end, zone, website, description, stats, sessions);
  }

  private static String id(Fields f) {
    String id = f.requireText("id");
    if (id != null && !CONFERENCE_ID.matcher(id).matches()) {
      f.problem(f.node("id"), "id \"" + id + "\" must be lower-case letters, digits and '-' (e.g. istiocon-2021)");
    }
    return id;
  }

  /** Returns the optional {@code stats}: snake_case keys to whole numbers, numbers or text. */
  private static Map<String, Object> stats(Fields f) {
    Map<String, Object> out = new LinkedHashMap<>();
    Node n = f.node("stats");
    if (n == null || n.isNull() || !f.expect(n, Node.Kind.MAP, "stats")) {
      return out;
    }
    for (Map.Entry<String, Node> e : n.fields.entrySet()) {
      String key = e.getKey();
      Node v = e.getValue();
      if (!STAT_KEY.matcher(key).matches()) {
        f.problemAtKey(n, key, "stats key \"" + key + "\" must be snake_case (such as registrants)");
        continue;
      }
      switch (v.kind) {
        case INTEGER -> {
          try {
            out.put(key, Long.parseLong(v.text));
          } catch (NumberFormatException x) {
            f.problem(v, "stats." + key + " " + v.text + " is too large");
          }
        }
        case DECIMAL -> out.put(key, Double.parseDouble(v.text));
        case STRING -> out.put(key, v.text);
        default -> f.problem(v, "stats." + key + " must be a number or text, found " + v.describe());
      }
    }
    return out;
  }

  private static List<Session> sessions(Node list, SessionCheck.Program program, Problems problems) {
    List<Session> out = new ArrayList<>();
    if (list == null || !problems.expect(list, Node.Kind.LIST, "sessions", "sessions")) {
      return out;
    }
    for (int i = 0; i < list.items.size(); i++) {
      Session s = SessionCheck.read(list.items.get(i), i, program, problems);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }
}
