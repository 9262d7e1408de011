package io.istiocon.bot.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Problem;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.SessionType;
import io.istiocon.bot.catalog.Speaker;
import io.istiocon.bot.search.FuzzyDictionary;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads and validates catalog files (YAML or JSON). It never throws for bad content: every problem
 * comes back with its file, line and column, and a file with any problem yields no conference.
 */
public final class CatalogReader {
  /** Files larger than this are refused rather than read into memory. */
  public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern CONFERENCE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern TAG = Pattern.compile("[\\p{Ll}\\p{Lo}0-9]+(-[\\p{Ll}\\p{Lo}0-9]+)*");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  private static final Pattern STAT_KEY = Pattern.compile("[a-z][a-z0-9_]*");

  static final List<String> TOP_FIELDS = List.of("conference", "sessions", "$schema");
  static final List<String> CONFERENCE_FIELDS =
      List.of("id", "name", "start", "end", "timezone", "website", "description", "stats", "source");
  static final List<String> SESSION_FIELDS = List.of("id", "title", "type", "language", "subtitled", "start", "end",
      "speakers", "abstract", "summary", "tags", "video", "slides", "page", "popularity", "source");
  static final List<String> SPEAKER_FIELDS = List.of("name", "company", "aliases");

  private final YAMLFactory yaml;
  private final JsonFactory json;

  /** Creates a reader; YAML documents may be up to {@link #MAX_FILE_BYTES} long. */
  public CatalogReader() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, MAX_FILE_BYTES));
    options.setMaxAliasesForCollections(50); // no "billion laughs"
    this.yaml = YAMLFactory.builder().loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();
    this.json = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();
  }

  /** What reading one conference file gave: a conference, or the problems that stopped it. */
  public record FileResult(Path path, String name, Conference conference, List<Problem> problems) {
    public FileResult {
      problems = List.copyOf(problems);
    }

    /** Returns whether the file loaded without problems. */
    public boolean ok() {
      return conference != null && problems.isEmpty();
    }
  }

  /** Reads a conference file; {@code name} is how errors refer to it (usually the path as given). */
  public FileResult read(Path path, String name) {
    Checker c = new Checker(name);
    byte[] bytes = readBytes(path, c);
    if (bytes == null) {
      return new FileResult(path, name, null, c.problems);
    }
    return read(path, name, bytes);
  }

  /** Reads a conference file from bytes already in memory. */
  public FileResult read(Path path, String name, byte[] bytes) {
    Checker c = new Checker(name);
    Node root = parse(bytes, isJson(name), c);
    if (root == null) {
      return new FileResult(path, name, null, c.problems);
    }
    Conference conference = null;
    try {
      conference = conference(root, c);
    } catch (RuntimeException e) {
      // Validation should have caught it; never let a record's own check escape as a crash.
      c.problem(root, "", "cannot load: " + e.getMessage());
    }
    return new FileResult(path, name, c.problems.isEmpty() ? conference : null, c.problems);
  }

  /** What reading a synonyms file gave: groups of phrases, or the problems that stopped it. */
  public record SynonymsResult(Path path, String name, List<List<String>> groups, List<Problem> problems) {
    public SynonymsResult {
      problems = List.copyOf(problems);
    }

    /** Returns whether the file loaded without problems. */
    public boolean ok() {
      return groups != null && problems.isEmpty();
    }
  }

  /** Reads a synonyms file: {@code synonyms:} then a list of groups, each a list of phrases. */
  public SynonymsResult readSynonyms(Path path, String name) {
    Checker c = new Checker(name);
    byte[] bytes = readBytes(path, c);
    Node root = bytes == null ? null : parse(bytes, isJson(name), c);
    if (root == null) {
      return new SynonymsResult(path, name, null, c.problems);
    }
    if (root.kind != Node.Kind.MAP) {
      c.problem(root, "", "expected a mapping with a \"synonyms\" list, found " + root.describe());
      return new SynonymsResult(path, name, null, c.problems);
    }
    c.unknownFields(root, List.of("synonyms", "$schema"), "");
    Node list = c.require(root, "synonyms", "");
    List<List<String>> groups = new ArrayList<>();
    Map<String, int[]> seen = new HashMap<>();
    if (list != null && c.expect(list, Node.Kind.LIST, "synonyms", "")) {
      for (int g = 0; g < list.items.size(); g++) {
        Node group = list.items.get(g);
        String where = "synonyms[" + g + "]";
        if (!c.expect(group, Node.Kind.LIST, "a group", where)) {
          continue;
        }
        List<String> phrases = new ArrayList<>();
        for (Node item : group.items) {
          String phrase = c.text(item, "phrase", where);
          if (phrase == null || phrase.isBlank()) {
            if (phrase != null) {
              c.problem(item, where, "phrase is empty");
            }
            continue;
          }
          String key = phrase.strip().toLowerCase(Locale.ROOT);
          int[] first = seen.putIfAbsent(key, new int[] {g, item.line});
          if (first != null && first[0] != g) {
            c.problem(item, where, "\"" + phrase + "\" is already in synonyms[" + first[0] + "] (line " + first[1]
                + "); a phrase belongs to one group only");
            continue;
          }
          phrases.add(phrase.strip());
        }
        if (phrases.size() < 2) {
          c.problem(group, where, "a group needs at least two phrases, found " + phrases.size());
        } else {
          groups.add(List.copyOf(phrases));
        }
      }
    }
    return new SynonymsResult(path, name, c.problems.isEmpty() ? List.copyOf(groups) : null, c.problems);
  }

  // ---- parsing ----------------------------------------------------------------------------

  private static boolean isJson(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static byte[] readBytes(Path path, Checker c) {
    try {
      long size = Files.size(path);
      if (size > MAX_FILE_BYTES) {
        c.problemAt(1, 1, "", "file is " + size + " bytes; the limit is " + MAX_FILE_BYTES);
        return null;
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      c.problemAt(1, 1, "", "no such file");
    } catch (IOException | RuntimeException e) {
      c.problemAt(1, 1, "", "cannot read the file: " + e);
    }
    return null;
  }

  private Node parse(byte[] bytes, boolean isJson, Checker c) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      c.problemAt(1, 1, "", "the file is empty; a catalog needs a \"conference\" and \"sessions\"");
      return null;
    }
    try (JsonParser parser = isJson ? json.createParser(text) : yaml.createParser(text)) {
      Node root = Node.read(parser, (key, line, column, firstLine) ->
          c.problemAt(line, column, "", "duplicate key \"" + key + "\" (first on line " + firstLine + ")"));
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        c.problemAt(at.getLineNr(), at.getColumnNr(), "", "more than one document in the file; keep one");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int column = at == null ? 1 : Math.max(1, at.getColumnNr());
      c.problemAt(line, column, "", (isJson ? "JSON" : "YAML") + " syntax error: " + syntaxMessage(e));
      return null;
    } catch (IOException | RuntimeException e) {
      c.problemAt(1, 1, "", "cannot parse the file: " + e.getMessage());
      return null;
    }
  }

  /** Turns a parser's multi-line message into one line without the parser's own position notes. */
  static String syntaxMessage(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    StringBuilder out = new StringBuilder();
    for (String line : message.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("in 'reader'") || l.startsWith("in 'string'") || l.startsWith("^")
          || l.startsWith("at [Source")) {
        continue;
      }
      if (line.startsWith("    ") && !l.startsWith("found") && !l.startsWith("expected")) {
        continue; // the quoted source line
      }
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(l);
    }
    String result = out.toString().replaceAll(" ?\\(for Object starting at \\[Source.*", "");
    return result.isEmpty() ? message.strip() : result;
  }

  // ---- validation -------------------------------------------------------------------------

  private Conference conference(Node root, Checker c) {
    if (root.kind != Node.Kind.MAP) {
      c.problem(root, "", "expected a mapping with \"conference\" and \"sessions\", found " + root.describe());
      return null;
    }
    c.unknownFields(root, TOP_FIELDS, "");
    Node conf = c.require(root, "conference", "");
    Node sessions = c.require(root, "sessions", "");
    if (conf == null || !c.expect(conf, Node.Kind.MAP, "conference", "conference")) {
      return null;
    }
    String where = "conference";
    c.unknownFields(conf, CONFERENCE_FIELDS, where);
    String id = c.requireText(conf, "id", where);
    if (id != null && !CONFERENCE_ID.matcher(id).matches()) {
      c.problem(conf.fields.get("id"), where, "id \"" + id + "\" must be lower-case letters, digits and '-' (e.g. istiocon-2021)");
    }
    String name = c.requireText(conf, "name", where);
    ZoneId zone = c.zone(conf, "timezone", where);
    LocalDate start = c.date(conf, "start", where, zone);
    LocalDate end = c.date(conf, "end", where, zone);
    if (start != null && end != null && end.isBefore(start)) {
      c.problem(conf.fields.get("end"), where, "end " + end + " is before start " + start);
    }
    URI website = c.url(conf, "website", where, true);
    String description = c.optionalText(conf, "description", where);
    c.optionalText(conf, "source", where);
    Map<String, Object> stats = c.stats(conf.fields.get("stats"), where);

    List<Session> list = new ArrayList<>();
    if (sessions != null && c.expect(sessions, Node.Kind.LIST, "sessions", "sessions")) {
      Map<String, int[]> ids = new HashMap<>();
      for (int i = 0; i < sessions.items.size(); i++) {
        Session s = session(sessions.items.get(i), i, id == null ? "?" : id, zone, start, end, ids, c);
        if (s != null) {
          list.add(s);
        }
      }
    }
    if (!c.problems.isEmpty()) {
      return null;
    }
    return new Conference(id, name, start, end, zone, website, description, stats, list);
  }

  private Session session(Node n, int index, String conferenceId, ZoneId zone, LocalDate first, LocalDate last,
      Map<String, int[]> ids, Checker c) {
    String where = "sessions[" + index + "]";
    if (!c.expect(n, Node.Kind.MAP, "a session", where)) {
      return null;
    }
    Node idNode = n.fields.get("id");
    if (idNode != null && idNode.kind == Node.Kind.STRING && idNode.text != null) {
      where = where + " (id " + idNode.text + ")";
    }
    int before = c.problems.size();
    c.unknownFields(n, SESSION_FIELDS, where);
    String id = c.requireText(n, "id", where);
    if (id != null) {
      if (!ID.matcher(id).matches()) {
        c.problem(idNode, where, "id \"" + id + "\" must be letters, digits, '-' or '_' (at most 64)");
      } else {
        int[] firstUse = ids.putIfAbsent(id, new int[] {index, idNode.line});
        if (firstUse != null) {
          c.problem(idNode, where, "duplicate id " + id + ": sessions[" + firstUse[0] + "] on line " + firstUse[1]
              + " already uses it");
        }
      }
    } else if (idNode != null && idNode.kind != Node.Kind.STRING && idNode.isScalar() && !idNode.isNull()) {
      // requireText reported the type already
    }
    String title = c.requireText(n, "title", where);
    if (title != null && title.isBlank()) {
      c.problem(n.fields.get("title"), where, "title is empty");
    }
    SessionType type = null;
    String typeText = c.requireText(n, "type", where);
    if (typeText != null) {
      type = SessionType.fromId(typeText).orElse(null);
      if (type == null) {
        List<String> allowed = new ArrayList<>();
        for (SessionType t : SessionType.values()) {
          allowed.add(t.id());
        }
        c.problem(n.fields.get("type"), where, "type \"" + typeText + "\" is not one of " + SessionType.allowedIds()
            + Checker.didYouMean(typeText, allowed));
      }
    }
    String language = null;
    String languageText = c.requireText(n, "language", where);
    if (languageText != null) {
      if (!LANGUAGE.matcher(languageText).matches()) {
        c.problem(n.fields.get("language"), where, "language \"" + languageText
            + "\" is not a BCP 47 code (such as en, zh or pt-BR; und when unknown)");
      } else {
        language = Locale.forLanguageTag(languageText).toLanguageTag();
        if (language.equals("und") && !languageText.equalsIgnoreCase("und")) {
          c.problem(n.fields.get("language"), where, "language \"" + languageText + "\" is not a known BCP 47 code");
        }
      }
    }
    boolean subtitled = c.optionalBoolean(n, "subtitled", where);
    Instant start = c.instant(n, "start", where);
    Instant end = c.instant(n, "end", where);
    if (start != null && end != null) {
      if (end.isBefore(start)) {
        c.problem(n.fields.get("end"), where, "end " + end + " is before start " + start);
      } else if (end.equals(start)) {
        c.problem(n.fields.get("end"), where, "end " + end + " equals start; a session must last");
      }
    }
    if (zone != null && first != null && last != null) {
      Instant opens = first.atStartOfDay(zone).toInstant();
      Instant closes = last.plusDays(1).atStartOfDay(zone).toInstant();
      if (start != null && (start.isBefore(opens) || !start.isBefore(closes))) {
        c.problem(n.fields.get("start"), where, "start " + start + " is outside the conference dates (" + first + " to "
            + last + " in " + zone + ")");
      }
      if (end != null && (end.isAfter(closes) || !end.isAfter(opens))) {
        c.problem(n.fields.get("end"), where, "end " + end + " is outside the conference dates (" + first + " to "
            + last + " in " + zone + ")");
      }
    }
    List<Speaker> speakers = speakers(n, where, c);
    String abstractText = c.optionalText(n, "abstract", where);
    String summary = c.optionalText(n, "summary", where);
    List<String> tags = new ArrayList<>();
    Node tagList = n.fields.get("tags");
    if (tagList != null && !tagList.isNull() && c.expect(tagList, Node.Kind.LIST, "tags", where)) {
      for (Node tagNode : tagList.items) {
        String tag = c.text(tagNode, "tag", where);
        if (tag == null) {
          continue;
        }
        if (!TAG.matcher(tag).matches()) {
          c.problem(tagNode, where, "tag \"" + tag + "\" must be lower-case words joined by '-' (such as "
              + suggestTag(tag) + ")");
        } else if (tags.contains(tag)) {
          c.problem(tagNode, where, "tag \"" + tag + "\" is listed twice");
        } else {
          tags.add(tag);
        }
      }
    }
    URI video = c.url(n, "video", where, false);
    URI slides = c.url(n, "slides", where, false);
    URI page = c.url(n, "page", where, false);
    OptionalInt popularity = c.optionalCount(n, "popularity", where);
    c.optionalText(n, "source", where);
    if (c.problems.size() > before || id == null || title == null || type == null || language == null
        || start == null || end == null || speakers == null) {
      return null;
    }
    return new Session(conferenceId, id, title, type, language, subtitled, start, end, speakers, abstractText,
        summary, tags, video, slides, page, popularity);
  }

  private static String suggestTag(String tag) {
    String s = tag.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "service-mesh" : s;
  }

  private List<Speaker> speakers(Node n, String where, Checker c) {
    Node list = c.require(n, "speakers", where);
    if (list == null) {
      return null;
    }
    if (!c.expect(list, Node.Kind.LIST, "speakers", where)) {
      return null;
    }
    List<Speaker> out = new ArrayList<>();
    for (int k = 0; k < list.items.size(); k++) {
      Node sp = list.items.get(k);
      String spWhere = where + ": speakers[" + k + "]";
      if (!c.expect(sp, Node.Kind.MAP, "a speaker", spWhere)) {
        continue;
      }
      c.unknownFields(sp, SPEAKER_FIELDS, spWhere);
      String name = c.requireText(sp, "name", spWhere);
      if (name != null && name.isBlank()) {
        c.problem(sp.fields.get("name"), spWhere, "name is empty");
        name = null;
      }
      String company = c.optionalText(sp, "company", spWhere);
      List<String> aliases = new ArrayList<>();
      Node aliasList = sp.fields.get("aliases");
      if (aliasList != null && !aliasList.isNull() && c.expect(aliasList, Node.Kind.LIST, "aliases", spWhere)) {
        for (Node a : aliasList.items) {
          String alias = c.text(a, "alias", spWhere);
          if (alias != null && !alias.isBlank()) {
            aliases.add(alias.strip());
          }
        }
      }
      if (name != null) {
        out.add(new Speaker(name.strip(), company == null || company.isBlank() ? null : company.strip(), aliases));
      }
    }
    return out;
  }

  /** Collects problems for one file and reads typed values out of nodes. */
  private static final class Checker {
    final String file;
    final List<Problem> problems = new ArrayList<>();

    Checker(String file) {
      this.file = file;
    }

    void problem(Node at, String where, String message) {
      problems.add(new Problem(file, at == null ? 1 : at.line, at == null ? 1 : at.column, where, message));
    }

    void problemAt(int line, int column, String where, String message) {
      problems.add(new Problem(file, Math.max(1, line), Math.max(1, column), where, message));
    }

    boolean expect(Node n, Node.Kind kind, String what, String where) {
      if (n.kind == kind) {
        return true;
      }
      String wanted = kind == Node.Kind.MAP ? "a mapping" : kind == Node.Kind.LIST ? "a list" : kind.name().toLowerCase(Locale.ROOT);
      problem(n, where, what + " must be " + wanted + ", found " + n.describe());
      return false;
    }

    void unknownFields(Node map, List<String> allowed, String where) {
      for (Map.Entry<String, int[]> e : map.keyLocations.entrySet()) {
        if (!allowed.contains(e.getKey())) {
          List<String> shown = allowed.stream().filter(a -> !a.startsWith("$")).toList();
          problemAt(e.getValue()[0], e.getValue()[1], where, "unknown field \"" + e.getKey() + "\""
              + didYouMean(e.getKey(), shown) + " (allowed: " + String.join(", ", shown) + ")");
        }
      }
    }

    Node require(Node map, String field, String where) {
      Node n = map.fields.get(field);
      if (n == null || n.isNull()) {
        problem(n == null ? map : n, where, field + " is missing");
        return null;
      }
      return n;
    }

    String text(Node n, String what, String where) {
      if (n.kind == Node.Kind.STRING) {
        return n.text;
      }
      if (n.kind == Node.Kind.INTEGER || n.kind == Node.Kind.DECIMAL || n.kind == Node.Kind.BOOLEAN) {
        return n.text; // YAML reads "2021" or "yes" as non-text; the value is still what was written
      }
      problem(n, where, what + " must be text, found " + n.describe());
      return null;
    }

    String requireText(Node map, String field, String where) {
      Node n = require(map, field, where);
      return n == null ? null : text(n, field, where);
    }

    String optionalText(Node map, String field, String where) {
      Node n = map.fields.get(field);
      if (n == null || n.isNull()) {
        return null;
      }
      return text(n, field, where);
    }

    boolean optionalBoolean(Node map, String field, String where) {
      Node n = map.fields.get(field);
      if (n == null || n.isNull()) {
        return false;
      }
      if (n.kind != Node.Kind.BOOLEAN) {
        problem(n, where, field + " must be true or false, found " + n.describe());
        return false;
      }
      return Boolean.parseBoolean(n.text);
    }

    OptionalInt optionalCount(Node map, String field, String where) {
      Node n = map.fields.get(field);
      if (n == null || n.isNull()) {
        return OptionalInt.empty();
      }
      if (n.kind != Node.Kind.INTEGER) {
        problem(n, where, field + " must be a whole number, found " + n.describe() + (n.text == null ? "" : " \"" + n.text + "\""));
        return OptionalInt.empty();
      }
      try {
        int value = Integer.parseInt(n.text);
        if (value < 0) {
          problem(n, where, field + " " + value + " must not be negative");
          return OptionalInt.empty();
        }
        return OptionalInt.of(value);
      } catch (NumberFormatException e) {
        problem(n, where, field + " " + n.text + " is too large");
        return OptionalInt.empty();
      }
    }

    Instant instant(Node map, String field, String where) {
      String text = requireText(map, field, where);
      if (text == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text.strip()).toInstant();
      } catch (DateTimeException e) {
        problem(map.fields.get(field), where, field + " \"" + text + "\" is not an ISO-8601 instant"
            + " (such as 2021-02-22T16:00:00Z; include Z or an offset)");
        return null;
      }
    }

    LocalDate date(Node map, String field, String where, ZoneId zone) {
      String text = requireText(map, field, where);
      if (text == null) {
        return null;
      }
      String t = text.strip();
      try {
        return LocalDate.parse(t);
      } catch (DateTimeException notDate) {
        try {
          Instant instant = OffsetDateTime.parse(t).toInstant();
          return instant.atZone(zone == null ? ZoneId.of("UTC") : zone).toLocalDate();
        } catch (DateTimeException e) {
          problem(map.fields.get(field), where, field + " \"" + text + "\" is not an ISO-8601 date (such as 2021-02-22)");
          return null;
        }
      }
    }

    ZoneId zone(Node map, String field, String where) {
      String text = requireText(map, field, where);
      if (text == null) {
        return null;
      }
      try {
        return ZoneId.of(text.strip());
      } catch (DateTimeException e) {
        problem(map.fields.get(field), where, field + " \"" + text + "\" is not an IANA time zone (such as America/Los_Angeles or UTC)");
        return null;
      }
    }

    URI url(Node map, String field, String where, boolean required) {
      String text = required ? requireText(map, field, where) : optionalText(map, field, where);
      if (text == null || (!required && text.isBlank())) {
        return null;
      }
      try {
        URI uri = new URI(text.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
          return uri;
        }
      } catch (URISyntaxException e) {
        // fall through to the problem below
      }
      problem(map.fields.get(field), where, field + " \"" + text + "\" is not an http(s) URL");
      return null;
    }

    Map<String, Object> stats(Node n, String where) {
      Map<String, Object> out = new LinkedHashMap<>();
      if (n == null || n.isNull()) {
        return out;
      }
      if (!expect(n, Node.Kind.MAP, "stats", where)) {
        return out;
      }
      for (Map.Entry<String, Node> e : n.fields.entrySet()) {
        Node v = e.getValue();
        if (!STAT_KEY.matcher(e.getKey()).matches()) {
          int[] at = n.keyLocations.get(e.getKey());
          problemAt(at[0], at[1], where, "stats key \"" + e.getKey() + "\" must be snake_case (such as registrants)");
          continue;
        }
        switch (v.kind) {
          case INTEGER -> {
            try {
              out.put(e.getKey(), Long.parseLong(v.text));
            } catch (NumberFormatException x) {
              problem(v, where, "stats." + e.getKey() + " " + v.text + " is too large");
            }
          }
          case DECIMAL -> out.put(e.getKey(), Double.parseDouble(v.text));
          case STRING -> out.put(e.getKey(), v.text);
          default -> problem(v, where, "stats." + e.getKey() + " must be a number or text, found " + v.describe());
        }
      }
      return out;
    }

    /** Suggests the allowed value nearest a wrong one, by the search engine's own edit distance. */
    static String didYouMean(String wrong, List<String> allowed) {
      String lower = wrong.toLowerCase(Locale.ROOT);
      if (lower.isEmpty()) {
        return "";
      }
      if (allowed.contains(lower)) {
        return "; did you mean \"" + lower + "\"?"; // only the case differs
      }
      return new FuzzyDictionary(allowed).near(lower, Math.max(1, wrong.length() / 3)).stream()
          .min(Comparator.comparingInt(FuzzyDictionary.Candidate::distance).thenComparing(FuzzyDictionary.Candidate::word))
          .map(c -> "; did you mean \"" + c.word() + "\"?").orElse("");
    }
  }
}
