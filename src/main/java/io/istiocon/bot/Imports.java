package io.istiocon.bot;

import io.istiocon.bot.files.CatalogReader;
import io.istiocon.bot.importer.CatalogCheck;
import io.istiocon.bot.importer.ImportCommand;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Wires the {@code import} command: the importer adapter checks what it writes with the files
 * adapter's {@link CatalogReader}, so neither adapter knows the other.
 */
public final class Imports {
  private Imports() {}

  /** Returns a check that reads catalog text exactly as {@code validate} and {@code serve} do. */
  public static CatalogCheck catalogCheck() {
    CatalogReader reader = new CatalogReader();
    return (name, text) -> {
      CatalogReader.FileResult result = reader.read(Path.of(name), name, text);
      return new CatalogCheck.Result(result.conference(), result.problems());
    };
  }

  /** Runs {@code import} with its arguments and returns its exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return new ImportCommand(catalogCheck(), () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build(), out, err).run(args);
  }
}
