package io.istiocon.bot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Connection pools for the two databases. The timeouts are short so that a down database costs a
 * caller about two seconds, not Hikari's default thirty; a broken connection is dropped and a new
 * one dialled on the next call, so the pool recovers by itself when the database is back.
 */
final class Pools {
  /** How long a caller waits for a connection before the store reports itself unavailable. */
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  /** How long a SQLite writer waits for another writer's lock before it gives up. */
  static final Duration SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);
  private static final String POOL_NAME = "agenda-store";

  private Pools() {}

  /** Returns a pool on the SQLite file, in WAL mode so readers never wait for a writer. */
  static HikariDataSource sqlite(Path file) {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // NORMAL is safe with WAL: a crash of the process loses nothing; a power cut may lose the last commits.
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    sqlite.setBusyTimeout((int) SQLITE_BUSY_TIMEOUT.toMillis());
    SQLiteDataSource source = new SQLiteDataSource(sqlite);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    HikariConfig config = common();
    config.setDataSource(source);
    // One writer at a time in SQLite anyway; a few connections let readers run beside it.
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  /** Returns a pool on the PostgreSQL server; settings in the URL's query win over these defaults. */
  static HikariDataSource postgres(PostgresUrl url) {
    HikariConfig config = common();
    config.setDriverClassName("org.postgresql.Driver");
    config.setJdbcUrl(url.jdbcUrl());
    config.setUsername(url.user());
    config.setPassword(url.password());
    config.addDataSourceProperty("ApplicationName", "istiocon-bot");
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
    config.addDataSourceProperty("loginTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
    // A server that stops answering mid-query (not just refusing) is given up on after this.
    config.addDataSourceProperty("socketTimeout", "5");
    config.addDataSourceProperty("tcpKeepAlive", "true");
    config.setMinimumIdle(2);
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }

  private static HikariConfig common() {
    HikariConfig config = new HikariConfig();
    config.setPoolName(POOL_NAME);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
    // Start even when the database is down: questions need no database, and saves work once it is back.
    config.setInitializationFailTimeout(-1);
    return config;
  }
}
