package io.istiocon.bot.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.istiocon.bot.store.PostgresUrl;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL server named by {@code TEST_DATABASE_URL} (.ci/run sets it), and throw-away
 * databases on it. Without the variable, a test that asks for the server is skipped with the
 * reason printed; with it, a server that cannot be reached fails the test.
 */
public final class TestPostgres {
  /** The variable that names the server, in libpq URI form. */
  public static final String VARIABLE = "TEST_DATABASE_URL";
  private static final String SKIPPED = VARIABLE + " is not set, so the PostgreSQL store tests are skipped; set it to run them, "
      + "e.g. " + VARIABLE + "=postgresql://postgres@127.0.0.1:5432/test (.ci/run does)";
  private static volatile boolean told;

  private TestPostgres() {}

  /** Returns the server's URL, or skips the calling test when the variable is not set. */
  public static String serverUrl() {
    String url = System.getenv(VARIABLE);
    if (url == null && !told) {
      told = true;
      System.out.println("[SKIPPED] " + SKIPPED);
    }
    assumeTrue(url != null, SKIPPED);
    return url;
  }

  /** Creates an empty database with a random name; closing it drops it. */
  public static Database createDatabase() throws SQLException {
    return createDatabase(serverUrl());
  }

  /** Creates an empty database with a random name on the given server; closing it drops it. */
  public static Database createDatabase(String server) throws SQLException {
    String name = "agenda_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = connect(server); Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return new Database(name, withDatabase(server, name), server);
  }

  /** Opens a plain JDBC connection to a libpq URL, for set-up and checks outside the store. */
  public static Connection connect(String libpqUrl) throws SQLException {
    PostgresUrl url = PostgresUrl.parse(libpqUrl);
    Properties props = new Properties();
    if (url.user() != null) {
      props.setProperty("user", url.user());
    }
    if (url.password() != null) {
      props.setProperty("password", url.password());
    }
    return DriverManager.getConnection(url.jdbcUrl(), props);
  }

  /** Returns the same server URL with another database. */
  public static String withDatabase(String libpqUrl, String database) {
    URI uri = URI.create(libpqUrl);
    return build(uri, uri.getHost(), uri.getPort(), database);
  }

  /** Returns the same URL on another loopback port, as seen through a proxy. */
  public static String withPort(String libpqUrl, int port) {
    URI uri = URI.create(libpqUrl);
    return build(uri, "127.0.0.1", port, uri.getRawPath().substring(1));
  }

  private static String build(URI uri, String host, int port, String database) {
    return uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@") + host
        + (port < 0 ? "" : ":" + port) + "/" + database + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** A database made for one test. */
  public record Database(String name, String url, String serverUrl) implements AutoCloseable {
    /** Ends every session connected to this database, as a server restart would; returns how many. */
    public int terminateBackends() throws SQLException {
      try (Connection admin = connect(serverUrl);
          PreparedStatement s = admin.prepareStatement(
              "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ?")) {
        s.setString(1, name);
        try (var rows = s.executeQuery()) {
          rows.next();
          return rows.getInt(1);
        }
      }
    }

    /** Drops the database, ending any session still on it. */
    @Override
    public void close() throws SQLException {
      try (Connection admin = connect(serverUrl); Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }
}
