package io.istiocon.bot.importer;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the offsets an export's times carry, so that an export with offsets but no zone name
 * still gets a zone to count days in: its most common offset, as a fixed zone such as {@code UTC+01:00}.
 */
final class Offsets {
  private final Map<ZoneOffset, Integer> counts = new HashMap<>();

  /** Counts one time's offset. */
  void add(ZoneOffset offset) {
    counts.merge(offset, 1, Integer::sum);
  }

  /** Returns the most common offset as a zone, or null when no time had one. */
  ZoneId zone() {
    ZoneOffset best = null;
    int most = 0;
    for (Map.Entry<ZoneOffset, Integer> e : counts.entrySet()) {
      if (e.getValue() > most || (e.getValue() == most && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best == null ? null : ZoneId.ofOffset("UTC", best);
  }
}
