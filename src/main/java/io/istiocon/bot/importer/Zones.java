package io.istiocon.bot.importer;

import java.time.ZoneId;

/**
 * Where an import's time zone comes from, in order: the {@code --timezone} option, the zone the
 * export names, then the zone of the catalog file being re-imported. Never a guess.
 *
 * @param option the {@code --timezone} option, or null
 * @param existing the zone of the catalog in {@code --out}, or null on a first import
 */
record Zones(ZoneId option, ZoneId existing) {
  /** Returns the zone to count in, given the one the export names (or null); null when nobody says. */
  ZoneId choose(ZoneId named) {
    return option != null ? option : named != null ? named : existing;
  }
}
