package io.istiocon.bot.store;

import io.istiocon.bot.docs.DocLinks;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the agenda store lives, read from the environment: PostgreSQL when {@code DATABASE_URL} is
 * set (any number of replicas), else a SQLite file in {@code DATA_DIR} (one replica). {@link
 * #toString()} never shows the password.
 *
 * @param dataDir the folder for the SQLite file; unused when {@code database} is set
 * @param database the PostgreSQL server, or {@code null} for SQLite
 */
public record StoreSettings(Path dataDir, PostgresUrl database) {
  /** Where the docs explain both variables and how to choose between them. */
  public static final String SEE = DocLinks.see(DocLinks.STORAGE);
  /** The folder used when {@code DATA_DIR} is not set. */
  public static final Path DEFAULT_DATA_DIR = Path.of("data");
  /** The SQLite file's name inside {@code DATA_DIR}. */
  public static final String SQLITE_FILE = "agenda.db";

  public StoreSettings {
    Objects.requireNonNull(dataDir, "dataDir");
  }

  /** Returns settings for a SQLite file in {@code dataDir}. */
  public static StoreSettings sqlite(Path dataDir) {
    return new StoreSettings(dataDir, null);
  }

  /** Reads and checks the variables; the exception's message names the one to fix. */
  public static StoreSettings fromEnv(Map<String, String> env) throws StoreSettingsException {
    String url = optional(env, "DATABASE_URL");
    PostgresUrl database = null;
    if (url != null) {
      try {
        database = PostgresUrl.parse(url);
      } catch (IllegalArgumentException e) {
        throw new StoreSettingsException("DATABASE_URL " + e.getMessage()
            + "; unset it to keep the agenda in a SQLite file in DATA_DIR; " + SEE);
      }
    }
    String dir = optional(env, "DATA_DIR");
    try {
      return new StoreSettings(dir == null ? DEFAULT_DATA_DIR : Path.of(dir), database);
    } catch (InvalidPathException e) {
      throw new StoreSettingsException("DATA_DIR is not a valid path (" + e.getReason() + "), got \"" + dir
          + "\"; set it to a writable folder; " + SEE);
    }
  }

  /** Returns whether the store is the SQLite file in {@link #dataDir()}. */
  public boolean embedded() {
    return database == null;
  }

  /** Returns the SQLite file. */
  public Path sqliteFile() {
    return dataDir.resolve(SQLITE_FILE);
  }

  @Override
  public String toString() {
    return "StoreSettings[" + (embedded() ? "sqlite " + sqliteFile() : "postgresql " + database) + "]";
  }

  private static String optional(Map<String, String> env, String name) throws StoreSettingsException {
    String value = env.get(name);
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw new StoreSettingsException(name + " is set but empty: unset it or give it a value; " + SEE);
    }
    return value.strip();
  }
}
