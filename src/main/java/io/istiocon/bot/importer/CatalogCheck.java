package io.istiocon.bot.importer;

import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Problem;
import java.util.List;

/**
 * Reads catalog text the way the bot will read it, so the importer never writes a file the bot
 * would refuse. The wiring supplies it (the catalog reader of the {@code files} adapter); the
 * importer keeps no validator of its own.
 */
@FunctionalInterface
public interface CatalogCheck {
  /** What reading gave: the conference, or the problems that stop it, each at its line and column. */
  record Result(Conference conference, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    /** Returns whether the text is a valid catalog. */
    public boolean ok() {
      return conference != null && problems.isEmpty();
    }
  }

  /** Reads catalog text; {@code name} names the file in problems, and its extension picks YAML or JSON. */
  Result read(String name, byte[] text);
}
