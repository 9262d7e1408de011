package io.istiocon.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Problem;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.Speaker;
import io.istiocon.bot.docs.DocLinks;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.QueryEngine;
import io.istiocon.bot.service.AnswerService;
import io.istiocon.bot.service.CatalogLoader;
import io.istiocon.bot.service.CatalogSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The command line: {@code ask}, {@code validate}, {@code import} and {@code serve}. Returns exit codes instead of
 * exiting, so tests run it in-process: 0 answered or valid, 1 catalog error, 2 usage error.
 */
public final class Cli {
  /** Exit code: done. */
  public static final int OK = 0;
  /** Exit code: a catalog file has problems. */
  public static final int CATALOG_ERROR = 1;
  /** Exit code: the command line is wrong. */
  public static final int USAGE = 2;

  static final String USAGE_TEXT = """
      Usage: java -jar target/istiocon-bot.jar <command> [options]

      Commands:
        ask QUESTION          Answer a question from the terminal, with the bundled catalog.
        validate [PATH...]    Check catalog files or folders (default: $CATALOG_DIR or ./catalog).
        import FILE|URL --out catalog/NAME.yaml
                              Convert a pretalx, C3VOC, frab/Pentabarf or Sessionize export into a catalog file.
        serve                 Run the Slack app (HTTP on $PORT, or Socket Mode when SLACK_APP_TOKEN is set).
        help                  Show this text.

      ask options:
        --json                Print {"query", "intent", "results": [...]} instead of text cards.
        --limit N             Show at most N sessions (default 5).
        --now INSTANT         Answer as if it were INSTANT (ISO-8601, e.g. 2021-02-22T17:45:00Z).
        --tz ZONE             Read "this afternoon", "tomorrow" and clock times in ZONE (an IANA zone such as
                              Asia/Shanghai; default: the conference's own zone).
        --catalog PATH        A catalog file or folder (default: $CATALOG_DIR or ./catalog).
        --batch FILE.jsonl    Answer one {"q": ..., "now": ..., "tz": ...} per line; print one JSON answer per line
                              ("-" reads standard input).

      import options:
        --format F            auto (default), pretalx, c3voc, frab or sessionize.
        --timezone ZONE       The conference's IANA zone, for exports that have none (Sessionize, Pentabarf).
        --id ID               The conference id (default: the file's, the export's acronym, or NAME).
        --name NAME           The conference name, for exports that have none.
        --website URL         The conference website, for exports that have none.

      Exit codes: 0 answered (even with no results), 1 catalog or export error, 2 usage error.
      See docs/catalog.md for the catalog format, docs/import.md for importing, and docs/operations.md
      for running it in Slack.
      """;

  /** Runs the {@code serve} command; the server lives outside the CLI package. */
  public interface Server {
    int serve(Map<String, String> env, PrintStream out, PrintStream err);
  }

  /** Runs the {@code import} command with its arguments; the importer lives outside the CLI package. */
  public interface Importer {
    int run(List<String> args, PrintStream out, PrintStream err);
  }

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;
  private final CatalogLoader catalogs;
  private final Server server;
  private final Importer importer;

  /** Creates a command line over the given environment, streams and clock, reading catalogs with {@code catalogs}. */
  public Cli(Map<String, String> env, PrintStream out, PrintStream err, Clock clock, CatalogLoader catalogs, Server server,
      Importer importer) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.catalogs = catalogs;
    this.server = server;
    this.importer = importer;
  }

  /** Runs a command and returns its exit code. */
  public int run(String... args) {
    if (args.length == 0) {
      err.print(USAGE_TEXT);
      return USAGE;
    }
    String command = args[0];
    List<String> rest = List.of(args).subList(1, args.length);
    try {
      return switch (command) {
        case "ask" -> ask(rest);
        case "validate" -> validate(rest);
        case "serve" -> server.serve(env, out, err);
        case "import" -> importer.run(rest, out, err);
        case "help", "--help", "-h" -> {
          out.print(USAGE_TEXT);
          out.print(loaded());
          yield OK;
        }
        default -> usage("unknown command \"" + command + "\"");
      };
    } catch (UsageException e) {
      return usage(e.getMessage());
    }
  }

  /** Returns the conferences the default catalog holds, one line each, for {@code help}; nothing when none loads. */
  private String loaded() {
    StringBuilder text = new StringBuilder();
    List<Conference> conferences = catalogs.check(List.of(defaultCatalog())).conferences().stream()
        .map(CatalogLoader.ConferenceFile::conference).sorted(Comparator.comparing(Conference::start)).toList();
    for (Conference c : conferences) {
      text.append(text.length() == 0 ? "\nLoaded from " + defaultCatalog() + ":\n" : "")
          .append("  ").append(c.name()).append(" (").append(c.id()).append("), ").append(c.start().format(DAY))
          .append(" \u2013 ").append(c.end().format(DAY)).append(", ").append(c.sessions().size()).append(" sessions\n");
    }
    return text.toString();
  }

  private int usage(String message) {
    err.println("istiocon-bot: " + message);
    err.println("Run \"java -jar target/istiocon-bot.jar help\" for usage.");
    return USAGE;
  }

  private static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  // ---- ask --------------------------------------------------------------------------------

  private int ask(List<String> args) {
    boolean json = false;
    int limit = 5;
    Instant now = null;
    ZoneId zone = null;
    Path catalog = defaultCatalog();
    String batch = null;
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--json" -> json = true;
        case "--limit" -> limit = positive(value(args, ++i, a), a);
        case "--now" -> now = instant(value(args, ++i, a), a);
        case "--tz" -> zone = zone(value(args, ++i, a), a);
        case "--catalog" -> catalog = Path.of(value(args, ++i, a));
        case "--batch" -> batch = value(args, ++i, a);
        default -> {
          if (a.startsWith("--")) {
            throw new UsageException("unknown option " + a);
          }
          words.add(a);
        }
      }
    }
    if (batch == null && words.isEmpty()) {
      throw new UsageException("ask needs a question, e.g. ask \"ebpf talks\"");
    }
    if (batch != null && !words.isEmpty()) {
      throw new UsageException("give either a question or --batch, not both");
    }
    CatalogSnapshot snapshot = catalogs.load(catalog);
    if (!snapshot.problems().isEmpty() || !snapshot.ready()) {
      printProblems(snapshot.problems());
      if (snapshot.problems().isEmpty()) {
        err.println(catalog + ": no conference loaded");
      }
      return CATALOG_ERROR;
    }
    AnswerService service = new AnswerService(() -> snapshot, new QueryEngine(), Ticker.systemTicker(), 1000);
    if (batch != null) {
      return batch(service, batch, limit, zone);
    }
    Answer answer = service.ask(String.join(" ", words), now == null ? clock.instant() : now, zone);
    out.print(json ? JsonAnswers.write(JsonAnswers.render(answer, limit)) + "\n" : TextCards.render(answer, limit));
    return OK;
  }

  private int batch(AnswerService service, String file, int limit, ZoneId defaultZone) {
    int bad = 0;
    try (BufferedReader in = file.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String problem;
        try {
          JsonNode node = JsonAnswers.mapper().readTree(line);
          JsonNode q = node == null ? null : node.get("q");
          if (q == null || !q.isTextual()) {
            problem = "expected {\"q\": \"question\", \"now\": \"optional instant\", \"tz\": \"optional zone\"}";
          } else {
            JsonNode nowNode = node.get("now");
            JsonNode tzNode = node.get("tz");
            Instant at = nowNode == null || nowNode.isNull() ? clock.instant() : OffsetDateTime.parse(nowNode.asText()).toInstant();
            ZoneId zone = tzNode == null || tzNode.isNull() ? defaultZone : zoneOrNull(tzNode.asText());
            if (zone == null && tzNode != null && !tzNode.isNull()) {
              problem = "\"tz\" is not a time zone such as Asia/Shanghai: " + tzNode.asText();
            } else {
              out.println(JsonAnswers.write(JsonAnswers.render(service.ask(q.asText(), at, zone), limit)));
              continue;
            }
          }
        } catch (IOException | DateTimeException e) {
          problem = e instanceof DateTimeException ? "\"now\" is not an ISO-8601 instant" : "not JSON: " + firstLine(e.getMessage());
        }
        bad++;
        err.println(file + ":" + n + ": " + problem);
        var error = JsonAnswers.mapper().createObjectNode();
        error.put("line", n);
        error.put("error", problem);
        out.println(JsonAnswers.write(error));
      }
    } catch (IOException e) {
      err.println("istiocon-bot: cannot read " + file + ": " + e.getMessage());
      return USAGE;
    }
    return bad == 0 ? OK : USAGE;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private Path defaultCatalog() {
    String dir = env.get("CATALOG_DIR");
    return Path.of(dir == null || dir.isBlank() ? "catalog" : dir);
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(i);
  }

  private static int positive(String s, String option) {
    try {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= 1000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " must be a number from 1 to 1000, got \"" + s + "\"");
  }

  private static ZoneId zone(String s, String option) {
    ZoneId zone = zoneOrNull(s);
    if (zone == null) {
      throw new UsageException(option + " must be a time zone such as Asia/Shanghai or UTC+8, got \"" + s + "\"");
    }
    return zone;
  }

  private static ZoneId zoneOrNull(String s) {
    try {
      return ZoneId.of(s.strip().toUpperCase(Locale.ROOT).startsWith("UTC") || s.strip().startsWith("+")
          || s.strip().startsWith("-") ? s.strip().toUpperCase(Locale.ROOT) : s.strip());
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Instant instant(String s, String option) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeException e) {
      throw new UsageException(option + " must be an ISO-8601 instant such as 2021-02-22T17:45:00Z, got \"" + s + "\"");
    }
  }

  // ---- validate ---------------------------------------------------------------------------

  private int validate(List<String> args) {
    List<Path> locations = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--")) {
        throw new UsageException("validate takes paths only, got " + a);
      }
      locations.add(Path.of(a));
    }
    if (locations.isEmpty()) {
      locations.add(defaultCatalog());
    }
    CatalogLoader.Check check = catalogs.check(locations);
    if (!check.problems().isEmpty()) {
      printProblems(check.problems());
      return CATALOG_ERROR;
    }
    for (CatalogLoader.ConferenceFile file : check.conferences()) {
      out.println(summary(file));
    }
    for (CatalogLoader.SynonymsFile file : check.synonyms()) {
      out.println(file.name() + ": " + file.groups() + " synonym groups");
    }
    int good = check.conferences().size();
    out.println("OK: " + good + (good == 1 ? " catalog file" : " catalog files") + " valid.");
    return OK;
  }

  private void printProblems(List<Problem> problems) {
    for (Problem p : problems) {
      err.println(p);
    }
    err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + "; " + DocLinks.see(DocLinks.CATALOG_FORMAT));
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  static String summary(CatalogLoader.ConferenceFile file) {
    Conference c = file.conference();
    Set<String> speakers = new LinkedHashSet<>();
    Map<String, Integer> languages = new TreeMap<>();
    Map<String, Integer> types = new TreeMap<>();
    Set<java.time.LocalDate> days = new LinkedHashSet<>();
    Set<String> rooms = new LinkedHashSet<>();
    Set<String> tracks = new LinkedHashSet<>();
    for (Session s : c.sessions()) {
      s.speakers().stream().map(Speaker::name).forEach(speakers::add);
      s.roomName().ifPresent(rooms::add);
      s.trackName().ifPresent(tracks::add);
      languages.merge(s.language(), 1, Integer::sum);
      types.merge(s.type().id(), 1, Integer::sum);
      days.add(c.dayOf(s.start()));
    }
    return file.name() + ": " + c.name() + " (" + c.id() + "), " + c.start().format(DAY) + " \u2013 " + c.end().format(DAY)
        + ", " + c.zone().getId() + "\n"
        + "  " + c.sessions().size() + " sessions on " + days.size() + " days, " + speakers.size() + " speakers"
        + (rooms.isEmpty() ? "" : ", " + rooms.size() + " rooms") + (tracks.isEmpty() ? "" : ", " + tracks.size() + " tracks") + "\n"
        + "  languages: " + join(languages) + "\n"
        + "  types: " + join(types);
  }

  private static String join(Map<String, Integer> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }
}
