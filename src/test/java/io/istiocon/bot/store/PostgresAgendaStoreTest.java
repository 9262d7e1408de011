package io.istiocon.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import io.istiocon.bot.agenda.AgendaEntry;
import io.istiocon.bot.agenda.StoreUnavailableException;
import io.istiocon.bot.testing.TcpProxy;
import io.istiocon.bot.testing.TestPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The store contract on a real PostgreSQL server (TEST_DATABASE_URL), each test on a database of its
 * own, plus the faults only a server has: down at start, down and back, sessions killed.
 */
class PostgresAgendaStoreTest extends AgendaStoreContract {
  private TestPostgres.Database database;

  @Override
  void createDatabase() throws Exception {
    database = TestPostgres.createDatabase();
  }

  @Override
  StoreSettings settings() throws Exception {
    return StoreSettings.fromEnv(Map.of("DATABASE_URL", database.url()));
  }

  @Override
  void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  private static StoreSettings at(String url) throws StoreSettingsException {
    return StoreSettings.fromEnv(Map.of("DATABASE_URL", url));
  }

  /** Returns the server's host and port in the test's URL, as a proxy or another user would dial them. */
  private static String hostPort(String url) {
    URI uri = URI.create(url);
    return uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort());
  }

  private static TcpProxy proxyTo(String url) throws IOException {
    URI uri = URI.create(url);
    return new TcpProxy(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
  }

  private static AgendaEntry talk(String user) {
    return entry(user, "e7p", T0);
  }

  @Test
  @Timeout(30) // guards against Hikari's default 30 s wait; the store's own is 2 s
  void nothingListening_startsAnyway_andEveryCallFailsAsUnavailable() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }

    try (JdbcAgendaStore down = JdbcAgendaStore.open(at(TestPostgres.withPort(database.url(), closed)))) {
      StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> down.save(talk("U1")));
      assertTrue(e.getMessage().contains("agenda store"), e.getMessage());
      assertThrows(StoreUnavailableException.class, () -> down.list("U1"));
    }
  }

  @Test
  void downAtStart_thenBack_worksWithoutARestart() throws Exception {
    try (TcpProxy proxy = proxyTo(database.url())) {
      proxy.cut();
      JdbcAgendaStore replica = JdbcAgendaStore.open(at(TestPostgres.withPort(database.url(), proxy.port())));
      try (replica) {
        assertThrows(StoreUnavailableException.class, () -> replica.save(talk("U1")));

        proxy.restore();

        assertTrue(replica.save(talk("U1")), "the schema is migrated and the save lands once the server is back");
        assertEquals(List.of(talk("U1")), store.list("U1"));
      }
    }
  }

  @Test
  void downWhileRunning_callsFailAsUnavailable_thenRecoverByThemselves() throws Exception {
    try (TcpProxy proxy = proxyTo(database.url());
        JdbcAgendaStore replica = JdbcAgendaStore.open(at(TestPostgres.withPort(database.url(), proxy.port())))) {
      assertTrue(replica.save(talk("U1")));

      proxy.cut();
      assertThrows(StoreUnavailableException.class, () -> replica.save(talk("U2")));
      assertEquals(List.of(), store.list("U2"), "nothing half-written");

      proxy.restore();
      assertTrue(eventually(() -> replica.save(talk("U2"))));
    }
  }

  @Test
  void sessionsKilled_atMostOneFailurePerPooledConnection_thenWorks() throws Exception {
    store.save(talk("U1"));

    assertTrue(database.terminateBackends() > 0);

    assertTrue(eventually(() -> store.save(talk("U2"))));
    assertEquals(List.of(talk("U2")), store.list("U2"));
  }

  @Test
  void databaseMissing_failsAtStartNamingDatabaseUrl() throws Exception {
    StoreSettingsException e = assertThrows(StoreSettingsException.class,
        () -> JdbcAgendaStore.open(at(TestPostgres.withDatabase(database.url(), database.name() + "_missing"))));

    assertTrue(e.getMessage().startsWith("DATABASE_URL was refused by the server: "), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void unknownUser_failsAtStartNamingDatabaseUrl_withoutThePassword() throws Exception {
    String url = "postgresql://nobody_here:s3cr%40t@" + hostPort(database.url()) + "/" + database.name();

    StoreSettingsException e = assertThrows(StoreSettingsException.class, () -> JdbcAgendaStore.open(at(url)));

    assertTrue(e.getMessage().startsWith("DATABASE_URL was refused by the server: "), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr"), e.getMessage());
  }

  @Test
  void userWhoMayNotCreateTables_failsAtStartNamingDatabaseUrl() throws Exception {
    String role = database.name() + "_reader";
    try (Connection admin = TestPostgres.connect(database.serverUrl()); Statement s = admin.createStatement()) {
      s.execute("CREATE ROLE " + role + " LOGIN"); // PostgreSQL 15: only the owner may create in schema public
    }
    try (TestPostgres.Database empty = TestPostgres.createDatabase()) {
      String url = "postgresql://" + role + "@" + hostPort(empty.url()) + "/" + empty.name();

      StoreSettingsException e = assertThrows(StoreSettingsException.class, () -> JdbcAgendaStore.open(at(url)));

      assertTrue(e.getMessage().startsWith("DATABASE_URL was refused by the server: "), e.getMessage());
      assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    } finally {
      try (Connection admin = TestPostgres.connect(database.serverUrl()); Statement s = admin.createStatement()) {
        s.execute("DROP ROLE " + role);
      }
    }
  }

  @Test
  void urlQueryParameters_reachTheServer_andWinOverTheStoreDefaults() throws Exception {
    assertEquals("istiocon-bot", setting(database.url(), "application_name"));

    String url = database.url() + "?ApplicationName=agenda-test&options=-c%20statement_timeout%3D1234";

    assertEquals("agenda-test", setting(url, "application_name"));
    assertEquals("1234ms", setting(url, "statement_timeout"));
  }

  private static String setting(String url, String name) throws Exception {
    try (HikariDataSource pool = Pools.postgres(PostgresUrl.parse(url));
        Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet value = s.executeQuery("SHOW " + name)) {
      value.next();
      return value.getString(1);
    }
  }

  @Test
  void twoReplicasStartingTogether_migrateOnce() throws Exception {
    List<JdbcAgendaStore> replicas = new ArrayList<>();
    Thread[] starts = new Thread[2];
    // The shared store already migrated; drop to an empty database to race two fresh starts.
    try (TestPostgres.Database fresh = TestPostgres.createDatabase()) {
      for (int i = 0; i < starts.length; i++) {
        starts[i] = new Thread(() -> {
          try {
            JdbcAgendaStore s = JdbcAgendaStore.open(at(fresh.url()));
            synchronized (replicas) {
              replicas.add(s);
            }
          } catch (StoreSettingsException e) {
            fail(e);
          }
        });
        starts[i].start();
      }
      for (Thread t : starts) {
        t.join();
      }
      assertEquals(2, replicas.size());
      assertTrue(replicas.get(0).save(talk("U1")));
      assertFalse(replicas.get(1).save(talk("U1")));
      replicas.forEach(JdbcAgendaStore::close);
    }
  }

  /** A call that may fail while the pool drops its broken connections, one per failure. */
  private interface Call {
    boolean run();
  }

  /**
   * Returns the call's result once it stops failing; each failure must be the store's own, and
   * there may be at most one per pooled connection (eight) before it works.
   */
  private static boolean eventually(Call call) {
    for (int attempt = 0; attempt < 9; attempt++) {
      try {
        return call.run();
      } catch (StoreUnavailableException brokenConnectionDropped) {
        // try the next connection
      }
    }
    throw new AssertionError("still unavailable after 9 attempts");
  }
}
