package io.istiocon.bot.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PostgreSQL connection in the form the JDBC driver takes, read from a libpq connection URI such
 * as {@code postgresql://user:password@host:5432/db?sslmode=require}. {@link #toString()} never
 * shows the password.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/db}, with the URI's query parameters as they were
 * @param user the percent-decoded user name, or {@code null} when the URI names none
 * @param password the percent-decoded password, or {@code null} when the URI has none
 */
public record PostgresUrl(String jdbcUrl, String user, String password) {
  /** What a valid value looks like, for error messages. */
  public static final String EXAMPLE = "postgresql://user:password@host:5432/db?sslmode=require";
  private static final String ESCAPES = "percent-encode special characters in the user name and password "
      + "(@ as %40, : as %3A, / as %2F)";
  /** A scheme worth repeating in a message; anything else before "://" may be part of a password. */
  private static final Pattern SCHEME = Pattern.compile("(jdbc:)?[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)([?&]password=)[^&]*");

  public PostgresUrl {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql://");
    }
  }

  /**
   * Reads a libpq URI ({@code postgresql://} or {@code postgres://}); the exception's message says
   * what is wrong without repeating the password.
   */
  public static PostgresUrl parse(String uri) {
    String value = uri.strip();
    int schemeEnd = value.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
      String got = schemeEnd < 0 ? "one without a scheme"
          : SCHEME.matcher(scheme).matches() ? "one starting with \"" + value.substring(0, schemeEnd + 3) + "\""
          : "one that does not start with postgresql:// or postgres://";
      throw new IllegalArgumentException("must be a URI like " + EXAMPLE + ", got " + got
          + (scheme.startsWith("jdbc:") ? " (drop the jdbc: prefix)" : ""));
    }
    URI parsed;
    try {
      parsed = new URI(value);
    } catch (URISyntaxException e) {
      // The exception's own text repeats the input, password included.
      throw new IllegalArgumentException("is not a valid URI like " + EXAMPLE + "; " + ESCAPES);
    }
    String host = parsed.getHost();
    if (host == null) {
      throw new IllegalArgumentException("must name one host, like " + EXAMPLE + "; " + ESCAPES);
    }
    int port = parsed.getPort();
    if (port == 0 || port > 65_535) {
      throw new IllegalArgumentException("has port " + port + ", which must be from 1 to 65535");
    }
    String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
    if (path.length() < 2 || path.indexOf('/', 1) >= 0) {
      throw new IllegalArgumentException("must name a database after the host, like " + EXAMPLE);
    }
    String jdbcUrl = "jdbc:postgresql://" + host + (port < 0 ? "" : ":" + port) + path
        + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
    String userInfo = parsed.getRawUserInfo();
    if (userInfo == null) {
      return new PostgresUrl(jdbcUrl, null, null);
    }
    int colon = userInfo.indexOf(':');
    return colon < 0
        ? new PostgresUrl(jdbcUrl, decode(userInfo), null)
        : new PostgresUrl(jdbcUrl, decode(userInfo.substring(0, colon)), decode(userInfo.substring(colon + 1)));
  }

  /** Decodes %XX escapes (already checked by {@link URI}) as UTF-8; unlike a form, a URI keeps '+' as it is. */
  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Returns the JDBC URL with any {@code password} parameter masked, for logs and messages. */
  public String redactedUrl() {
    return QUERY_PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
  }

  @Override
  public String toString() {
    return "PostgresUrl[" + redactedUrl() + ", user=" + user
        + ", password=" + (password == null ? "unset" : "***") + "]";
  }
}
