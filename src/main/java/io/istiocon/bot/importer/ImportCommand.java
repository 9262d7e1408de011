package io.istiocon.bot.importer;

import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.Speaker;
import io.istiocon.bot.docs.DocLinks;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code import} command: reads an export (a file or a URL), converts it to a catalog file,
 * checks the result with the bot's own reader, and replaces {@code --out} atomically. Returns exit
 * codes: 0 imported, 1 the export (or the file it would replace) is wrong, 2 the command line is.
 */
public final class ImportCommand {
  /** Exit code: imported. */
  public static final int OK = 0;
  /** Exit code: the export is malformed or cannot be read, or {@code --out} holds a catalog with problems. */
  public static final int BAD_EXPORT = 1;
  /** Exit code: the command line is wrong, or misses a value the export does not give. */
  public static final int USAGE = 2;

  /** How the command is called; the command line's help lists the options. */
  public static final String USAGE_LINE =
      "import FILE|URL --out catalog/NAME.yaml [--format F] [--timezone ZONE] [--id ID] [--name NAME] [--website URL]";

  private static final Pattern CONFERENCE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private final CatalogCheck check;
  private final Source source;
  private final PrintStream out;
  private final PrintStream err;

  /** Creates the command; {@code check} reads catalog text as the bot does, {@code http} makes the client that fetches URLs. */
  public ImportCommand(CatalogCheck check, Supplier<HttpClient> http, PrintStream out, PrintStream err) {
    this.check = check;
    this.source = new Source(http);
    this.out = out;
    this.err = err;
  }

  /** The command line, read. */
  private record Args(String input, Path out, Optional<Format> format, ZoneId timezone, String id, String name, URI website) {}

  /** Runs {@code import} with its arguments (the command's name excluded) and returns the exit code. */
  public int run(List<String> args) {
    try {
      Args a = parse(args);
      return importInto(a);
    } catch (ImportException e) {
      e.details().forEach(err::println);
      err.println("istiocon-bot import: " + e.getMessage());
      if (e.exitCode() == USAGE) {
        err.println("Usage: java -jar target/istiocon-bot.jar " + USAGE_LINE + "; " + DocLinks.see(DocLinks.IMPORT));
      }
      return e.exitCode();
    }
  }

  private int importInto(Args a) throws ImportException {
    byte[] bytes = source.read(a.input());
    CatalogUpdate.Request request = new CatalogUpdate.Request(a.input(), a.format(), a.timezone(), a.id(), a.name(), a.website());
    CatalogUpdate.Outcome done = CatalogUpdate.apply(check, bytes, request, a.out());
    out.print(summary(a.out().toString(), done.source(), done.conference(), done.diff(), done.skipped()));
    return OK;
  }

  static String summary(String outName, String source, Conference c, Conversion.Diff diff, List<String> skipped) {
    Set<LocalDate> days = new LinkedHashSet<>();
    Set<String> rooms = new LinkedHashSet<>();
    Set<String> tracks = new LinkedHashSet<>();
    Set<String> speakers = new LinkedHashSet<>();
    for (Session s : c.sessions()) {
      days.add(c.dayOf(s.start()));
      s.roomName().ifPresent(rooms::add);
      s.trackName().ifPresent(tracks::add);
      s.speakers().stream().map(Speaker::name).forEach(speakers::add);
    }
    StringBuilder text = new StringBuilder();
    text.append(outName).append(": ").append(c.name()).append(" (").append(c.id()).append(") from ").append(source).append('\n');
    text.append("  ").append(count(c.sessions().size(), "session")).append(" on ").append(count(days.size(), "day"))
        .append(", ").append(c.start().format(DAY)).append(" \u2013 ").append(c.end().format(DAY)).append(", ")
        .append(c.zone().getId()).append('\n');
    text.append("  ").append(count(rooms.size(), "room")).append(", ").append(count(tracks.size(), "track")).append(", ")
        .append(count(speakers.size(), "speaker")).append('\n');
    if (diff != null) {
      text.append("  re-import: ").append(diff.added().size()).append(" added, ").append(diff.changed().size())
          .append(" changed, ").append(diff.removed().size()).append(" removed").append(ids(diff.removed())).append('\n');
    }
    if (!skipped.isEmpty()) {
      text.append("  skipped ").append(count(skipped.size(), "event")).append(": ")
          .append(String.join("; ", skipped.stream().limit(5).toList()))
          .append(skipped.size() > 5 ? "; and " + (skipped.size() - 5) + " more" : "").append('\n');
    }
    return text.toString();
  }

  private static String ids(List<String> removed) {
    if (removed.isEmpty()) {
      return "";
    }
    String shown = String.join(", ", removed.stream().limit(10).toList());
    return " (" + shown + (removed.size() > 10 ? ", and " + (removed.size() - 10) + " more" : "") + ")";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  // ---- the command line -------------------------------------------------------------------

  private static Args parse(List<String> args) throws ImportException {
    String input = null;
    String outPath = null;
    Optional<Format> format = Optional.empty();
    ZoneId timezone = null;
    String id = null;
    String name = null;
    URI website = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--out" -> outPath = value(args, ++i, a);
        case "--format" -> format = Format.fromOption(value(args, ++i, a));
        case "--timezone" -> timezone = zone(value(args, ++i, a));
        case "--id" -> id = conferenceId(value(args, ++i, a));
        case "--name" -> name = Mapping.line(value(args, ++i, a));
        case "--website" -> website = website(value(args, ++i, a));
        default -> {
          if (a.startsWith("--")) {
            throw ImportException.usage("unknown option " + a);
          }
          if (input != null) {
            throw ImportException.usage("give one export, got \"" + input + "\" and \"" + a + "\"");
          }
          input = a;
        }
      }
    }
    if (input == null) {
      throw ImportException.usage("import needs an export: a file or an http(s) URL");
    }
    return new Args(input, out(outPath), format, timezone, id, name, website);
  }

  private static Path out(String value) throws ImportException {
    if (value == null) {
      throw ImportException.usage("import needs --out catalog/NAME.yaml");
    }
    Path path = Path.of(value);
    String file = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!file.endsWith(".yaml") && !file.endsWith(".yml")) {
      throw ImportException.usage("--out must name a .yaml file, got \"" + value + "\"");
    }
    Path dir = path.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw ImportException.usage("--out " + value + ": the folder " + dir + " does not exist; create it first");
    }
    if (Files.isDirectory(path)) {
      throw ImportException.usage("--out " + value + " is a folder; name a .yaml file in it");
    }
    return path;
  }

  private static String value(List<String> args, int i, String option) throws ImportException {
    if (i >= args.size()) {
      throw ImportException.usage(option + " needs a value");
    }
    return args.get(i);
  }

  private static ZoneId zone(String value) throws ImportException {
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw ImportException.usage("--timezone must be an IANA time zone such as Europe/Berlin, got \"" + value + "\"");
    }
  }

  private static String conferenceId(String value) throws ImportException {
    if (!CONFERENCE_ID.matcher(value).matches()) {
      throw ImportException.usage("--id must be lower-case letters, digits and '-' (such as fosdem-2021), got \"" + value + "\"");
    }
    return value;
  }

  private static URI website(String value) throws ImportException {
    URI uri = Mapping.url(value, null);
    if (uri == null) {
      throw ImportException.usage("--website must be an http(s) URL, got \"" + value + "\"");
    }
    return uri;
  }
}
