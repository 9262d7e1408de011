package io.istiocon.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StoreSettingsTest {
  @Test
  void fromEnv_nothingSet_isSqliteInData() throws Exception {
    StoreSettings s = StoreSettings.fromEnv(Map.of());

    assertTrue(s.embedded());
    assertEquals(Path.of("data", "agenda.db"), s.sqliteFile());
    assertNull(s.database());
  }

  @Test
  void fromEnv_dataDir_movesTheFile() throws Exception {
    assertEquals(Path.of("/var/lib/bot/agenda.db"), StoreSettings.fromEnv(Map.of("DATA_DIR", " /var/lib/bot ")).sqliteFile());
  }

  @Test
  void fromEnv_databaseUrl_isPostgresAndWinsOverDataDir() throws Exception {
    StoreSettings s = StoreSettings.fromEnv(Map.of("DATABASE_URL", "postgres://bot:pw@db:5432/agenda", "DATA_DIR", "/data"));

    assertFalse(s.embedded());
    assertEquals("jdbc:postgresql://db:5432/agenda", s.database().jdbcUrl());
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badSettings")
  void fromEnv_badSettings_nameTheVariable_sayWhatToDo_neverThePassword(String variable, Map<String, String> env, String says) {
    StoreSettingsException e = assertThrows(StoreSettingsException.class, () -> StoreSettings.fromEnv(env));

    assertTrue(e.getMessage().startsWith(variable), e.getMessage());
    assertTrue(e.getMessage().contains(says), e.getMessage());
    assertTrue(e.getMessage().endsWith("see docs/operations.md#storage-sqlite-or-postgresql-and-how-to-choose"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), "never repeats the password: " + e.getMessage());
    assertEquals(0, e.getStackTrace().length, "nothing to print but the message");
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of("DATABASE_URL", Map.of("DATABASE_URL", ""), "set but empty"),
        Arguments.of("DATABASE_URL", Map.of("DATABASE_URL", "mysql://bot:hunter2@db/agenda"), "postgresql://user:password@host"),
        Arguments.of("DATABASE_URL", Map.of("DATABASE_URL", "jdbc:postgresql://db/agenda?password=hunter2"), "drop the jdbc: prefix"),
        Arguments.of("DATABASE_URL", Map.of("DATABASE_URL", "postgresql://bot:hunter2@db"), "must name a database"),
        Arguments.of("DATABASE_URL", Map.of("DATABASE_URL", "postgresql://bot:hun@ter2@db/agenda"), "@ as %40"),
        Arguments.of("DATABASE_URL", Map.of("DATABASE_URL", "postgresql://bot:hunter2@/agenda"),
            "unset it to keep the agenda in a SQLite file in DATA_DIR"),
        Arguments.of("DATA_DIR", Map.of("DATA_DIR", "  "), "set but empty"),
        Arguments.of("DATA_DIR", Map.of("DATA_DIR", "bad\0path"), "not a valid path"));
  }

  @Test
  void toString_neverShowsThePassword() throws Exception {
    String text = StoreSettings.fromEnv(Map.of("DATABASE_URL", "postgresql://bot:hunter2@db/agenda")).toString();

    assertFalse(text.contains("hunter2"), text);
    assertTrue(text.contains("jdbc:postgresql://db/agenda"), text);
  }
}
