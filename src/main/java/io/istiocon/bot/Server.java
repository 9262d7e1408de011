package io.istiocon.bot;

import io.istiocon.bot.slack.Settings;
import io.istiocon.bot.slack.SlackServer;
import io.istiocon.bot.slack.StartException;
import java.io.PrintStream;
import java.util.Map;

/** Runs {@code serve}: reads the settings from the environment, starts the Slack app and blocks until it stops. */
final class Server {
  private static final int OK = 0;
  private static final int BAD_SETTINGS = 2;

  private Server() {}

  /** Serves until the server stops; returns 2 with one message on {@code err} when it cannot start. */
  static int serve(Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      Settings settings = Settings.fromEnv(env);
      try (SlackServer server = SlackServer.start(settings, SlackServer.Options.production())) {
        out.println("istiocon-bot: " + (settings.socketMode()
            ? "connected over Socket Mode; health checks on http://0.0.0.0:" + server.port() + "/healthz"
            : "listening on http://0.0.0.0:" + server.port() + "/slack/events"));
        server.join();
        return OK;
      }
    } catch (StartException e) {
      err.println("istiocon-bot: " + e.getMessage());
      return BAD_SETTINGS;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OK;
    }
  }
}
