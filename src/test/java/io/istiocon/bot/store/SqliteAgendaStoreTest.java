package io.istiocon.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a SQLite file in a temporary DATA_DIR, plus what only SQLite has. */
class SqliteAgendaStoreTest extends AgendaStoreContract {
  @TempDir
  Path temp;

  @Override
  void createDatabase() {
    // The folder does not exist yet: the store creates it on first start.
  }

  @Override
  StoreSettings settings() {
    return StoreSettings.sqlite(temp.resolve("data"));
  }

  @Override
  void dropDatabase() {
    // @TempDir deletes the file.
  }

  @Test
  void open_createsDataDirAndTheFileInWalMode() throws Exception {
    Path file = temp.resolve("data").resolve(StoreSettings.SQLITE_FILE);
    assertTrue(Files.isRegularFile(file));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet mode = s.executeQuery("PRAGMA journal_mode")) {
      mode.next();
      assertEquals("wal", mode.getString(1));
    }
  }

  @Test
  void open_dataDirIsAFile_failsNamingDataDir() throws Exception {
    Path notAFolder = Files.writeString(temp.resolve("plain-file"), "x");

    StoreSettingsException e = assertThrows(StoreSettingsException.class,
        () -> JdbcAgendaStore.open(StoreSettings.sqlite(notAFolder.resolve("data"))));

    assertTrue(e.getMessage().startsWith("DATA_DIR: could not create the folder " + notAFolder.resolve("data")), e.getMessage());
    assertTrue(e.getMessage().contains("set DATA_DIR to a writable folder"), e.getMessage());
  }

  @Test
  void open_fileIsNotADatabase_failsNamingDataDir() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("garbage"));
    Files.writeString(dir.resolve(StoreSettings.SQLITE_FILE), "this is not a SQLite file, but it is long enough to be read");

    StoreSettingsException e = assertThrows(StoreSettingsException.class, () -> JdbcAgendaStore.open(StoreSettings.sqlite(dir)));

    assertTrue(e.getMessage().startsWith("DATA_DIR: could not open the agenda file " + dir.resolve(StoreSettings.SQLITE_FILE)),
        e.getMessage());
  }
}
