package io.istiocon.bot.importer;

/** Stops an import with a message for the person running it and the exit code it ends with. */
final class ImportException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private ImportException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** Returns an error in the export or its conversion (exit 1). */
  static ImportException bad(String message) {
    return new ImportException(ImportCommand.BAD_EXPORT, message);
  }

  /** Returns an error in the command line, or a value the command line must supply (exit 2). */
  static ImportException usage(String message) {
    return new ImportException(ImportCommand.USAGE, message);
  }

  int exitCode() {
    return exitCode;
  }
}
