package io.istiocon.bot.ops;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Prometheus text exposition read into {@code series -> value}, for assertions. */
record Scrape(Map<String, Double> values) {
  /** Reads every sample line ({@code name{labels} value}); comments are skipped. */
  static Scrape parse(String text) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return new Scrape(values);
  }

  /** Returns a series' value, or null when the series is absent. */
  Double value(String series) {
    return values.get(series);
  }

  /** Returns a series' value, or 0 when the series is absent. */
  double valueOrZero(String series) {
    return values.getOrDefault(series, 0.0);
  }
}
