package io.istiocon.bot.importer;

import io.istiocon.bot.Imports;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code import} in-process on the real exports in src/test/resources/schedules/ and reads back what it wrote. */
final class Importing {
  static final Path SCHEDULES = Path.of("src/test/resources/schedules");

  /** What one run printed and returned, and the catalog it wrote (null when it failed). */
  record Run(int code, String out, String err, Conference conference) {
    /** Returns the session with this id, failing the test when there is none. */
    Session session(String id) {
      return conference.sessions().stream().filter(s -> s.id().equals(id)).findFirst()
          .orElseThrow(() -> new AssertionError("no session " + id));
    }
  }

  private Importing() {}

  /** Imports {@code source} (a file name under schedules/, a path, or a URL) into {@code out}. */
  static Run run(String source, Path out, String... options) {
    List<String> args = new ArrayList<>();
    args.add(source.contains("/") ? source : SCHEDULES.resolve(source).toString());
    args.add("--out");
    args.add(out.toString());
    args.addAll(List.of(options));
    return run(args, out);
  }

  /** Runs {@code import} with these arguments; {@code out} is read back after a successful run. */
  static Run run(List<String> args, Path out) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = new ImportCommand(Imports.catalogCheck(), HttpClient::newHttpClient,
        new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(args);
    return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
        code == ImportCommand.OK ? read(out) : null);
  }

  /** Reads a catalog file with the bot's own reader; null when it is absent. */
  static Conference read(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      CatalogCheck.Result result = Imports.catalogCheck().read(file.toString(), Files.readAllBytes(file));
      if (!result.ok()) {
        throw new AssertionError(file + " does not validate: " + result.problems());
      }
      return result.conference();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
