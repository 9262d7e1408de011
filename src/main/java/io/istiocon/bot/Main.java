package io.istiocon.bot;

import io.istiocon.bot.cli.Cli;
import io.istiocon.bot.files.FileCatalogLoader;
import java.time.Clock;

/** Starts istiocon-bot: reads the command line and the environment, then runs the command. */
public final class Main {
  private Main() {}

  /** Runs a command and exits with its code. */
  public static void main(String[] args) {
    boolean serve = args.length > 0 && args[0].equals("serve");
    if (!serve && System.getProperty("istiocon.log.level") == null) {
      System.setProperty("istiocon.log.level", "WARN"); // the terminal commands print their own results
    }
    Clock clock = Clock.systemUTC();
    int code = new Cli(System.getenv(), System.out, System.err, clock, new FileCatalogLoader(clock), Server::serve,
        Imports::run).run(args);
    if (code != 0 || !serve) {
      System.exit(code);
    }
  }
}
