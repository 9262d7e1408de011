package io.istiocon.bot.slack;

import io.istiocon.bot.docs.DocLinks;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code serve} reads from the environment. HTTP mode needs the bot token and the signing
 * secret; setting {@code SLACK_APP_TOKEN} switches to Socket Mode. {@link #toString()} never shows
 * a secret.
 *
 * @param appToken the app-level token, or {@code null} for HTTP mode
 * @param signingSecret the signing secret, or {@code null} in Socket Mode
 * @param apiUrl the Web API base, always ending in {@code /}
 */
public record Settings(String botToken, String signingSecret, String appToken, int port, Path catalogDir, String apiUrl) {
  /** Where the docs explain every variable. */
  public static final String SEE = DocLinks.see(DocLinks.ENVIRONMENT);
  /** The Web API base used when {@code SLACK_API_URL} is not set. */
  public static final String SLACK_API = "https://slack.com/api/";
  /** The port used when {@code PORT} is not set. */
  public static final int DEFAULT_PORT = 3000;

  public Settings {
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(catalogDir, "catalogDir");
    Objects.requireNonNull(apiUrl, "apiUrl");
    if (appToken == null && signingSecret == null) {
      throw new IllegalArgumentException("HTTP mode needs a signing secret");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
    }
    if (!apiUrl.endsWith("/")) {
      apiUrl = apiUrl + "/";
    }
  }

  /** Reads and checks the variables; the exception's message names the first one to fix. */
  public static Settings fromEnv(Map<String, String> env) throws StartException {
    String appToken = optional(env, "SLACK_APP_TOKEN");
    String botToken = optional(env, "SLACK_BOT_TOKEN");
    if (botToken == null) {
      throw new StartException("SLACK_BOT_TOKEN is not set: set it to the app's Bot User OAuth Token (xoxb-...); " + SEE);
    }
    if (!botToken.startsWith("xoxb-")) {
      throw new StartException("SLACK_BOT_TOKEN must be a bot token starting with xoxb-, got one starting with "
          + prefix(botToken) + (botToken.startsWith("xapp-") ? " (an app-level token belongs in SLACK_APP_TOKEN)" : "")
          + "; " + SEE);
    }
    if (appToken != null && !appToken.startsWith("xapp-")) {
      throw new StartException("SLACK_APP_TOKEN must be an app-level token starting with xapp-, got one starting with "
          + prefix(appToken) + (appToken.startsWith("xoxb-") ? " (the bot token belongs in SLACK_BOT_TOKEN)" : "")
          + "; unset it to run in HTTP mode; " + SEE);
    }
    String signingSecret = optional(env, "SLACK_SIGNING_SECRET");
    if (appToken == null && signingSecret == null) {
      throw new StartException("SLACK_SIGNING_SECRET is not set: HTTP mode needs it to verify that requests come from Slack "
          + "(or set SLACK_APP_TOKEN to use Socket Mode); " + SEE);
    }
    return new Settings(botToken, signingSecret, appToken, port(env), catalogDir(env), apiUrl(env));
  }

  /** Returns whether the app connects out over Socket Mode instead of taking HTTP requests. */
  public boolean socketMode() {
    return appToken != null;
  }

  @Override
  public String toString() {
    return "Settings[mode=" + (socketMode() ? "socket" : "http") + ", botToken=" + redact(botToken)
        + ", signingSecret=" + redact(signingSecret) + ", appToken=" + redact(appToken) + ", port=" + port
        + ", catalogDir=" + catalogDir + ", apiUrl=" + apiUrl + "]";
  }

  private static String optional(Map<String, String> env, String name) throws StartException {
    String value = env.get(name);
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw new StartException(name + " is set but empty: unset it or give it a value; " + SEE);
    }
    return value.strip();
  }

  private static int port(Map<String, String> env) throws StartException {
    String value = optional(env, "PORT");
    if (value == null) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new StartException("PORT must be a number from 0 to 65535, got \"" + value + "\"; " + SEE);
  }

  private static Path catalogDir(Map<String, String> env) throws StartException {
    String value = optional(env, "CATALOG_DIR");
    return Path.of(value == null ? "catalog" : value);
  }

  private static String apiUrl(Map<String, String> env) throws StartException {
    String value = optional(env, "SLACK_API_URL");
    if (value == null) {
      return SLACK_API;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new StartException("SLACK_API_URL must be an http(s) URL such as " + SLACK_API + ", got \"" + value + "\"; " + SEE);
  }

  private static String prefix(String token) {
    int dash = token.indexOf('-');
    return dash > 0 && dash <= 5 ? "\"" + token.substring(0, dash + 1) + "\"" : "something else";
  }

  private static String redact(String secret) {
    return secret == null ? "unset" : "***";
  }
}
