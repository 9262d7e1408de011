package io.istiocon.bot;

import java.io.PrintStream;
import java.util.Map;

/** Wires and runs the Slack app; filled in by the Slack issue. */
final class Server {
  private Server() {}

  static int serve(Map<String, String> env, PrintStream out, PrintStream err) {
    err.println("istiocon-bot: serve is not available in this build yet");
    return 2;
  }
}
