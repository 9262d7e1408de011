package io.istiocon.bot.files;

import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.SessionType;
import io.istiocon.bot.catalog.Speaker;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Checks one session mapping field by field, following the table {@code FIELDS}, and builds the
 * {@link Session} when nothing in it is wrong. A new field is a row in the table, a
 * place below to keep its value, and one more argument to {@link Session}.
 */
final class SessionCheck {
  /** One field a session may have, and how to read it; a reader gets the check and the field's name. */
  private record Field(String name, BiConsumer<SessionCheck, String> read) {}

  /** The fields in the order they are checked, which is also the order error messages list them. */
  private static final List<Field> FIELDS = List.of(
      new Field("id", SessionCheck::readId),
      new Field("title", SessionCheck::readTitle),
      new Field("type", SessionCheck::readType),
      new Field("language", SessionCheck::readLanguage),
      new Field("subtitled", (s, name) -> s.subtitled = s.fields.optionalBoolean(name)),
      new Field("start", (s, name) -> s.start = s.fields.instant(name)),
      new Field("end", SessionCheck::readEnd), // then checks both times against each other and the dates
      new Field("room", (s, name) -> s.room = s.optionalName(name)),
      new Field("track", (s, name) -> s.track = s.optionalName(name)),
      new Field("speakers", SessionCheck::readSpeakers),
      new Field("abstract", (s, name) -> s.abstractText = s.fields.optionalText(name)),
      new Field("summary", (s, name) -> s.summary = s.fields.optionalText(name)),
      new Field("tags", SessionCheck::readTags),
      new Field("video", (s, name) -> s.video = s.fields.optionalUrl(name)),
      new Field("slides", (s, name) -> s.slides = s.fields.optionalUrl(name)),
      new Field("page", (s, name) -> s.page = s.fields.optionalUrl(name)),
      new Field("popularity", (s, name) -> s.popularity = s.fields.optionalCount(name)),
      new Field("source", (s, name) -> s.fields.optionalText(name)));

  /** The field names, in order; the JSON Schema lists the same ones. */
  static final List<String> FIELD_NAMES = FIELDS.stream().map(Field::name).toList();
  private static final List<String> SPEAKER_FIELDS = List.of("name", "company", "aliases");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern TAG = Pattern.compile("[\\p{Ll}\\p{Lo}0-9]+(-[\\p{Ll}\\p{Lo}0-9]+)*");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  private static final List<String> TYPE_IDS = Arrays.stream(SessionType.values()).map(SessionType::id).toList();

  /** What every session of one conference is checked against; it remembers ids to report duplicates. */
  static final class Program {
    private final String conferenceId;
    private final ZoneId zone;
    private final LocalDate first;
    private final LocalDate last;
    private final Map<String, int[]> firstUseOfId = new HashMap<>();

    /** Creates the program of one conference; a null zone or date skips the checks that need it. */
    Program(String conferenceId, ZoneId zone, LocalDate first, LocalDate last) {
      this.conferenceId = conferenceId;
      this.zone = zone;
      this.first = first;
      this.last = last;
    }
  }

  private final Problems problems;
  private final Fields fields;
  private final int index;
  private final Program program;

  private String id;
  private String title;
  private SessionType type;
  private String language;
  private boolean subtitled;
  private Instant start;
  private Instant end;
  private List<Speaker> speakers;
  private String abstractText;
  private String summary;
  private final List<String> tags = new ArrayList<>();
  private URI video;
  private URI slides;
  private URI page;
  private OptionalInt popularity;
  private String room;
  private String track;

  private SessionCheck(Problems problems, Fields fields, int index, Program program) {
    this.problems = problems;
    this.fields = fields;
    this.index = index;
    this.program = program;
  }

  /** Returns the session written at {@code sessions[index]}, or null after adding its problems. */
  static Session read(Node n, int index, Program program, Problems problems) {
    String where = "sessions[" + index + "]";
    if (!problems.expect(n, Node.Kind.MAP, "a session", where)) {
      return null;
    }
    Node idNode = n.fields.get("id");
    if (idNode != null && idNode.kind == Node.Kind.STRING && idNode.text != null) {
      where = where + " (id " + idNode.text + ")";
    }
    return new SessionCheck(problems, new Fields(problems, n, where), index, program).check();
  }

  private Session check() {
    int before = problems.count();
    fields.rejectUnknown(FIELD_NAMES);
    for (Field field : FIELDS) {
      field.read().accept(this, field.name());
    }
    if (problems.count() > before || id == null || title == null || type == null || language == null
        || start == null || end == null || speakers == null) {
      return null;
    }
    return new Session(program.conferenceId, id, title, type, language, subtitled, start, end, speakers,
        abstractText, summary, tags, video, slides, page, popularity, room, track);
  }

  private void readId(String field) {
    id = fields.requireText(field);
    if (id == null) {
      return;
    }
    Node at = fields.node(field);
    if (!ID.matcher(id).matches()) {
      fields.problem(at, "id \"" + id + "\" must be letters, digits, '-' or '_' (at most 64)");
      return;
    }
    int[] firstUse = program.firstUseOfId.putIfAbsent(id, new int[] {index, at.line});
    if (firstUse != null) {
      fields.problem(at, "duplicate id " + id + ": sessions[" + firstUse[0] + "] on line " + firstUse[1]
          + " already uses it");
    }
  }

  /** Reads an optional one-line name (a room, a track): absent or empty means none. */
  private String optionalName(String field) {
    String text = fields.optionalText(field);
    if (text != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)) {
      fields.problem(fields.node(field), field + " must be one line, found a line break");
      return null;
    }
    return text;
  }

  private void readTitle(String field) {
    title = fields.requireText(field);
    if (title != null && title.isBlank()) {
      fields.problem(fields.node(field), "title is empty");
    }
  }

  private void readType(String field) {
    String text = fields.requireText(field);
    if (text == null) {
      return;
    }
    type = SessionType.fromId(text).orElse(null);
    if (type == null) {
      fields.problem(fields.node(field), "type \"" + text + "\" is not one of " + SessionType.allowedIds()
          + DidYouMean.suffix(text, TYPE_IDS));
    }
  }

  private void readLanguage(String field) {
    String text = fields.requireText(field);
    if (text == null) {
      return;
    }
    if (!LANGUAGE.matcher(text).matches()) {
      fields.problem(fields.node(field), "language \"" + text
          + "\" is not a BCP 47 code (such as en, zh or pt-BR; und when unknown)");
      return;
    }
    language = Locale.forLanguageTag(text).toLanguageTag();
    if (language.equals("und") && !text.equalsIgnoreCase("und")) {
      fields.problem(fields.node(field), "language \"" + text + "\" is not a known BCP 47 code");
    }
  }

  /** Reads the end, then checks both times: their problems follow the end's own. */
  private void readEnd(String field) {
    end = fields.instant(field);
    if (start != null && end != null) {
      checkOrder();
    }
    if (program.zone != null && program.first != null && program.last != null) {
      checkWithinDates();
    }
  }

  private void checkOrder() {
    if (end.isBefore(start)) {
      fields.problem(fields.node("end"), "end " + end + " is before start " + start);
    } else if (end.equals(start)) {
      fields.problem(fields.node("end"), "end " + end + " equals start; a session must last");
    }
  }

  private void checkWithinDates() {
    Instant opens = program.first.atStartOfDay(program.zone).toInstant();
    Instant closes = program.last.plusDays(1).atStartOfDay(program.zone).toInstant();
    String dates = " is outside the conference dates (" + program.first + " to " + program.last + " in "
        + program.zone + ")";
    if (start != null && (start.isBefore(opens) || !start.isBefore(closes))) {
      fields.problem(fields.node("start"), "start " + start + dates);
    }
    if (end != null && (end.isAfter(closes) || !end.isAfter(opens))) {
      fields.problem(fields.node("end"), "end " + end + dates);
    }
  }

  private void readSpeakers(String field) {
    Node list = fields.require(field);
    if (list == null || !fields.expect(list, Node.Kind.LIST, field)) {
      return;
    }
    speakers = new ArrayList<>();
    for (int k = 0; k < list.items.size(); k++) {
      Speaker speaker = speaker(list.items.get(k), fields.where() + ": speakers[" + k + "]");
      if (speaker != null) {
        speakers.add(speaker);
      }
    }
  }

  private Speaker speaker(Node n, String where) {
    if (!problems.expect(n, Node.Kind.MAP, "a speaker", where)) {
      return null;
    }
    Fields speaker = new Fields(problems, n, where);
    speaker.rejectUnknown(SPEAKER_FIELDS);
    String name = speaker.requireText("name");
    if (name != null && name.isBlank()) {
      speaker.problem(speaker.node("name"), "name is empty");
      name = null;
    }
    String company = speaker.optionalText("company");
    List<String> aliases = new ArrayList<>();
    Node aliasList = speaker.node("aliases");
    if (aliasList != null && !aliasList.isNull() && speaker.expect(aliasList, Node.Kind.LIST, "aliases")) {
      for (Node a : aliasList.items) {
        String alias = speaker.text(a, "alias");
        if (alias != null && !alias.isBlank()) {
          aliases.add(alias.strip());
        }
      }
    }
    if (name == null) {
      return null;
    }
    return new Speaker(name.strip(), company == null || company.isBlank() ? null : company.strip(), aliases);
  }

  private void readTags(String field) {
    Node list = fields.node(field);
    if (list == null || list.isNull() || !fields.expect(list, Node.Kind.LIST, field)) {
      return;
    }
    for (Node tagNode : list.items) {
      String tag = fields.text(tagNode, "tag");
      if (tag == null) {
        continue;
      }
      if (!TAG.matcher(tag).matches()) {
        fields.problem(tagNode, "tag \"" + tag + "\" must be lower-case words joined by '-' (such as "
            + suggestTag(tag) + ")");
      } else if (tags.contains(tag)) {
        fields.problem(tagNode, "tag \"" + tag + "\" is listed twice");
      } else {
        tags.add(tag);
      }
    }
  }

  private static String suggestTag(String tag) {
    String s = tag.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "service-mesh" : s;
  }
}
