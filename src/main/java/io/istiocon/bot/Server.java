package io.istiocon.bot;

import io.istiocon.bot.docs.DocLinks;
import io.istiocon.bot.ops.LogEncoder;
import io.istiocon.bot.slack.Settings;
import io.istiocon.bot.slack.SlackServer;
import io.istiocon.bot.slack.StartException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code serve}: reads the settings from the environment, starts the Slack app and blocks until
 * it stops. On SIGTERM (or Ctrl-C) it stops taking requests, lets the ones in progress and the
 * answers being posted finish for at most {@link SlackServer#DRAIN}, and exits 0 (1 if it had to cut
 * some off).
 */
final class Server {
  private static final Logger log = LoggerFactory.getLogger(Server.class);
  private static final int OK = 0;
  private static final int CUT_OFF = 1;
  private static final int BAD_SETTINGS = 2;

  private Server() {}

  /** Serves until the server stops; returns 2 with one message on {@code err} when it cannot start. */
  static int serve(Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      checkLogFormat(env);
      Settings settings = Settings.fromEnv(env);
      try (SlackServer server = SlackServer.start(settings, SlackServer.Options.production())) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "shutdown"));
        out.println("istiocon-bot: " + (settings.socketMode()
            ? "connected over Socket Mode; health checks on http://0.0.0.0:" + server.port() + "/healthz"
            : "listening on http://0.0.0.0:" + server.port() + "/slack/events"));
        out.flush();
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

  /**
   * Runs in the JVM's shutdown hook: drains, then halts with 0 (or 1 when work was cut off), since a
   * JVM stopped by a signal would otherwise exit with 128 + the signal's number.
   */
  private static void stop(SlackServer server) {
    log.info("stopping: no new requests; waiting up to {} s for the ones in progress and the answers being posted",
        SlackServer.DRAIN.toSeconds());
    boolean drained = server.shutdown(SlackServer.DRAIN);
    log.info("stopped{}", drained ? " after finishing all work" : "; some work was cut off");
    Runtime.getRuntime().halt(drained ? OK : CUT_OFF);
  }

  private static void checkLogFormat(Map<String, String> env) throws StartException {
    String format = env.get("LOG_FORMAT");
    if (format != null && !LogEncoder.FORMATS.contains(format.strip().toLowerCase(Locale.ROOT))) {
      throw new StartException("LOG_FORMAT must be one of " + String.join(", ", LogEncoder.FORMATS) + ", got \""
          + format + "\"; unset it for text; " + DocLinks.see(DocLinks.LOGS));
    }
  }
}
