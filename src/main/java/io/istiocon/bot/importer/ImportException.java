package io.istiocon.bot.importer;

import io.istiocon.bot.catalog.Problem;
import java.util.List;

/** Stops an import with a message for the person running it and the exit code it ends with. */
final class ImportException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final transient List<Problem> details;

  private ImportException(int exitCode, String message, List<Problem> details) {
    super(message);
    this.exitCode = exitCode;
    this.details = List.copyOf(details);
  }

  /** Returns an error in the export or its conversion (exit 1). */
  static ImportException bad(String message) {
    return new ImportException(ImportCommand.BAD_EXPORT, message, List.of());
  }

  /** Returns an error in a catalog file, with the problems the reader found in it (exit 1). */
  static ImportException bad(String message, List<Problem> problems) {
    return new ImportException(ImportCommand.BAD_EXPORT, message, problems);
  }

  /** Returns an error in the command line, or a value the command line must supply (exit 2). */
  static ImportException usage(String message) {
    return new ImportException(ImportCommand.USAGE, message, List.of());
  }

  int exitCode() {
    return exitCode;
  }

  /** Returns the catalog problems behind the error, each at its line and column; empty for most errors. */
  List<Problem> details() {
    return details;
  }
}
