package io.istiocon.bot.store;

import com.zaxxer.hikari.HikariDataSource;
import io.istiocon.bot.agenda.AgendaEntry;
import io.istiocon.bot.agenda.AgendaStore;
import io.istiocon.bot.agenda.CalendarStore;
import io.istiocon.bot.agenda.Cancellation;
import io.istiocon.bot.agenda.ClaimKind;
import io.istiocon.bot.agenda.Forgotten;
import io.istiocon.bot.agenda.Reminder;
import io.istiocon.bot.agenda.ReminderSetting;
import io.istiocon.bot.agenda.ReminderStore;
import io.istiocon.bot.agenda.StoreUnavailableException;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.agenda.TalkRecord;
import io.istiocon.bot.agenda.TalkVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;

/**
 * The agenda store on SQLite or PostgreSQL through one schema and the same SQL. Every write is one
 * statement, so it is atomic; inserts that must happen once ({@code save}, {@code claim}) rely on a
 * primary key and {@code ON CONFLICT DO NOTHING}, so replicas racing on the same row cannot lose or
 * double it. The calendar feed's tables are behind {@link CalendarStore}, in {@link CalendarTables};
 * reminders and change notices behind {@link ReminderStore}, in {@link ReminderTables}.
 */
public final class JdbcAgendaStore implements AgendaStore, CalendarStore, ReminderStore, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JdbcAgendaStore.class);

  private final HikariDataSource pool;
  private final String where;
  private final ReentrantLock migration = new ReentrantLock();
  private volatile boolean migrated;

  private JdbcAgendaStore(HikariDataSource pool, String where) {
    this.pool = pool;
    this.where = where;
  }

  /**
   * Opens the store and brings its schema up to date. A PostgreSQL server that cannot be reached
   * does not stop the start: the schema is migrated on the first call that reaches it. A setting
   * that can never work (a SQLite file that cannot be written, a password the server refuses)
   * does.
   */
  public static JdbcAgendaStore open(StoreSettings settings) throws StoreSettingsException {
    if (settings.embedded()) {
      Path file = prepare(settings.dataDir()).resolve(StoreSettings.SQLITE_FILE);
      loadSqlite();
      JdbcAgendaStore store = new JdbcAgendaStore(Pools.sqlite(file), "SQLite file " + file);
      try {
        store.migrate();
      } catch (StoreUnavailableException e) {
        store.close();
        throw new StoreSettingsException("DATA_DIR: could not open the agenda file " + file + " ("
            + e.getMessage() + "); move a damaged file away, or set DATA_DIR to a writable folder; " + StoreSettings.SEE);
      }
      return store;
    }
    PostgresUrl url = settings.database();
    JdbcAgendaStore store = new JdbcAgendaStore(Pools.postgres(url), "PostgreSQL at " + url.redactedUrl());
    try {
      store.migrate();
    } catch (StoreUnavailableException e) {
      String refusal = Failures.refusal(e);
      if (refusal != null) {
        store.close();
        throw new StoreSettingsException("DATABASE_URL was refused by the server: " + refusal
            + "; fix the user, password or database name in it, or let that user create tables; " + StoreSettings.SEE);
      }
      log.warn("agenda store not reachable at start: {}; questions are still answered, and saving works once it is back",
          e.getMessage());
    }
    return store;
  }

  @Override
  public boolean save(AgendaEntry entry) {
    Objects.requireNonNull(entry, "entry");
    return call("save a talk", c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO saved_talk (user_id, conference_id, session_id, saved_at)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        insert.setString(1, entry.userId());
        insert.setString(2, entry.conference());
        insert.setString(3, entry.session());
        insert.setLong(4, entry.savedAt().toEpochMilli());
        return insert.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean remove(String userId, String conference, String session) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(conference, "conference");
    Objects.requireNonNull(session, "session");
    return call("remove a talk", c -> {
      try (PreparedStatement delete = c.prepareStatement(
          "DELETE FROM saved_talk WHERE user_id = ? AND conference_id = ? AND session_id = ?")) {
        delete.setString(1, userId);
        delete.setString(2, conference);
        delete.setString(3, session);
        return delete.executeUpdate() > 0;
      }
    });
  }

  @Override
  public List<AgendaEntry> list(String userId) {
    Objects.requireNonNull(userId, "userId");
    return call("list the agenda", c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT conference_id, session_id, saved_at FROM saved_talk"
          + " WHERE user_id = ? ORDER BY saved_at, conference_id, session_id")) {
        select.setString(1, userId);
        List<AgendaEntry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            entries.add(new AgendaEntry(userId, rows.getString(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3))));
          }
        }
        return List.copyOf(entries);
      }
    });
  }

  @Override
  public Forgotten forget(String userId) {
    Objects.requireNonNull(userId, "userId");
    return transaction("forget a user", c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM saved_talk WHERE user_id = ?")) {
        delete.setString(1, userId);
        Forgotten forgotten = new Forgotten(delete.executeUpdate(), CalendarTables.deleteLinks(c, userId));
        ReminderTables.forget(c, userId);
        return forgotten;
      }
    });
  }

  @Override
  public boolean addCalendarLink(String userId, String tokenHash, Instant issuedAt) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(issuedAt, "issuedAt");
    return call("store a calendar link", c -> CalendarTables.addLink(c, userId, tokenHash, issuedAt));
  }

  @Override
  public void replaceCalendarLink(String userId, String tokenHash, Instant issuedAt) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(issuedAt, "issuedAt");
    call("replace a calendar link", c -> {
      CalendarTables.replaceLink(c, userId, tokenHash, issuedAt);
      return null;
    });
  }

  @Override
  public Optional<String> calendarUser(String tokenHash) {
    Objects.requireNonNull(tokenHash, "tokenHash");
    return call("look up a calendar link", c -> CalendarTables.user(c, tokenHash));
  }

  @Override
  public Map<TalkVersion, Integer> sequences(Collection<TalkVersion> talks) {
    Objects.requireNonNull(talks, "talks");
    return talks.isEmpty() ? Map.of() : call("read talk versions", c -> CalendarTables.sequences(c, talks));
  }

  // ---- reminders and change notices (ReminderTables) ----------------------------------------

  @Override
  public Optional<ReminderSetting> reminderSetting(String userId) {
    Objects.requireNonNull(userId, "userId");
    return call("read a reminder setting", c -> ReminderTables.setting(c, userId));
  }

  @Override
  public void setReminderSetting(String userId, ReminderSetting setting) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(setting, "setting");
    call("store a reminder setting", c -> {
      ReminderTables.setSetting(c, userId, setting);
      return null;
    });
  }

  @Override
  public boolean addReminder(Reminder pending) {
    Objects.requireNonNull(pending, "pending");
    return call("add a reminder", c -> ReminderTables.add(c, pending));
  }

  @Override
  public Optional<Reminder> claimReminder(String userId, TalkId talk, Instant now, Instant leaseUntil) {
    return call("claim a reminder", c -> ReminderTables.claim(c, userId, talk, now, leaseUntil));
  }

  @Override
  public List<Reminder> claimReminders(Instant now, Instant horizon, Instant leaseUntil, int limit) {
    return call("claim due reminders", c -> ReminderTables.claimDue(c, now, horizon, leaseUntil, limit));
  }

  @Override
  public boolean reminderScheduled(Reminder scheduled) {
    return call("record a scheduled reminder", c -> ReminderTables.scheduled(c, scheduled));
  }

  @Override
  public boolean reminderPending(String userId, TalkId talk, Instant postAt, Instant notBefore) {
    return call("put a reminder back", c -> ReminderTables.pending(c, userId, talk, postAt, notBefore));
  }

  @Override
  public Optional<Reminder> removeReminder(String userId, TalkId talk) {
    return call("remove a reminder", c -> ReminderTables.remove(c, userId, talk));
  }

  @Override
  public List<Reminder> removeReminders(String userId) {
    return call("remove reminders", c -> ReminderTables.removeAll(c, userId));
  }

  @Override
  public List<Reminder> reminders(String userId) {
    return call("list reminders", c -> ReminderTables.of(c, userId));
  }

  @Override
  public List<Reminder> remindersOf(TalkId talk) {
    return call("list a talk's reminders", c -> ReminderTables.ofTalk(c, talk));
  }

  @Override
  public void addCancellation(Cancellation cancellation, Instant notBefore) {
    call("keep a delete for later", c -> {
      ReminderTables.addCancellation(c, cancellation, notBefore);
      return null;
    });
  }

  @Override
  public List<Cancellation> claimCancellations(Instant now, Instant leaseUntil, int limit) {
    return call("claim deletes owed", c -> ReminderTables.claimCancellations(c, now, leaseUntil, limit));
  }

  @Override
  public void cancellationDone(Cancellation cancellation) {
    call("forget a delete owed", c -> {
      ReminderTables.cancellationDone(c, cancellation);
      return null;
    });
  }

  @Override
  public List<TalkId> savedTalks() {
    return call("list saved talks", ReminderTables::savedTalks);
  }

  @Override
  public List<String> savers(TalkId talk) {
    return call("list who saved a talk", c -> ReminderTables.savers(c, talk));
  }

  @Override
  public Map<TalkId, TalkRecord> talkRecords(Collection<TalkId> talks) {
    return talks.isEmpty() ? Map.of() : call("read recorded talks", c -> ReminderTables.records(c, talks));
  }

  @Override
  public boolean recordTalk(TalkRecord talk) {
    return call("record a talk", c -> ReminderTables.record(c, talk));
  }

  @Override
  public boolean advanceTalk(TalkRecord seen, TalkRecord now) {
    return call("claim a talk's change", c -> ReminderTables.advance(c, seen, now));
  }

  @Override
  public boolean claim(ClaimKind kind, String id, Instant expiresAt) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (id.isBlank() || id.length() > ClaimKind.MAX_ID_LENGTH) {
      throw new IllegalArgumentException("claim id must be 1 to " + ClaimKind.MAX_ID_LENGTH
          + " characters and not blank, got \"" + id + "\"");
    }
    return call("claim " + kind, c -> {
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO claim (kind, id, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
        insert.setString(1, kind.name());
        insert.setString(2, id);
        insert.setLong(3, expiresAt.toEpochMilli());
        return insert.executeUpdate() == 1;
      }
    });
  }

  @Override
  public int pruneClaims(Instant now) {
    Objects.requireNonNull(now, "now");
    return call("prune claims", c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM claim WHERE expires_at < ?")) {
        delete.setLong(1, now.toEpochMilli());
        return delete.executeUpdate();
      }
    });
  }

  /** Closes the pool; calls after this fail with {@link StoreUnavailableException}. */
  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "JdbcAgendaStore[" + where + "]";
  }

  /** Work on one pooled connection. */
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T call(String what, Work<T> work) {
    if (!migrated) {
      migrate();
    }
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreUnavailableException("could not " + what + " in the agenda store (" + Failures.describe(e) + ")", e);
    }
  }

  /** Runs the work in one transaction: all of it takes effect, or none. */
  private <T> T transaction(String what, Work<T> work) {
    return call(what, c -> {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    });
  }

  /**
   * Brings the schema up to date once; replicas starting together wait for each other's migration
   * (Flyway locks). While the database is down, callers here wait at most the connection timeout
   * for one attempt in progress rather than queue behind each other's.
   */
  private void migrate() {
    try {
      if (!migration.tryLock(Pools.CONNECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new StoreUnavailableException("the agenda store's tables in " + where + " are still being prepared", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while the agenda store's tables were being prepared", e);
    }
    try {
      if (!migrated) {
        Flyway.configure(JdbcAgendaStore.class.getClassLoader())
            .dataSource(pool)
            .locations("classpath:db/agenda")
            .failOnMissingLocations(true)
            .load()
            .migrate();
        migrated = true;
      }
    } catch (FlywayException e) {
      throw new StoreUnavailableException("could not prepare the agenda store's tables in " + where + " ("
          + Failures.describe(e) + ")", e);
    } finally {
      migration.unlock();
    }
  }

  /** Unpacks SQLite's native library into the temp folder now, so a read-only one is reported as such. */
  private static void loadSqlite() throws StoreSettingsException {
    try {
      SQLiteJDBCLoader.initialize();
    } catch (Exception | LinkageError e) {
      throw new StoreSettingsException("SQLite (the store when DATABASE_URL is not set) could not unpack its native library into the temp folder "
          + System.getProperty("java.io.tmpdir") + " (" + e.getMessage() + "); give the process a writable temp folder "
          + "(an emptyDir at /tmp under readOnlyRootFilesystem) or point -Dorg.sqlite.tmpdir at one, "
          + "or set DATABASE_URL to use PostgreSQL; " + StoreSettings.SEE);
    }
  }

  private static Path prepare(Path dataDir) throws StoreSettingsException {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreSettingsException("DATA_DIR: could not create the folder " + dataDir.toAbsolutePath() + " ("
          + e + "); set DATA_DIR to a writable folder, or mount a volume there; " + StoreSettings.SEE);
    }
    if (!Files.isWritable(dataDir)) {
      throw new StoreSettingsException("DATA_DIR: the folder " + dataDir.toAbsolutePath() + " is not writable by this "
          + "process; set DATA_DIR to a writable folder, or mount a volume there; " + StoreSettings.SEE);
    }
    return dataDir;
  }
}
