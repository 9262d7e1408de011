package io.istiocon.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.slack.StartException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How serve reads CATALOG_SOURCES and CATALOG_POLL_MINUTES: nothing when unset, a clear stop when wrong. */
class ImportsTest {
  @TempDir
  Path dir;

  @Test
  void feeds_unsetMeansNoPolling() throws StartException {
    assertEquals(Optional.empty(), Imports.feeds(Map.of(), dir));
    assertEquals(Optional.empty(), Imports.feeds(Map.of("CATALOG_SOURCES", " "), dir));
  }

  @Test
  void feeds_readsSourcesAndInterval() throws StartException {
    Imports.Polling polling = Imports.feeds(Map.of("CATALOG_SOURCES", "https://fosdem.org/2021/schedule/xml=fosdem-2021.yaml",
        "CATALOG_POLL_MINUTES", "5"), dir).orElseThrow();

    assertEquals(Duration.ofMinutes(5), polling.every());
    assertEquals(dir.resolve("fosdem-2021.yaml"), polling.feeds().feeds().get(0).target());
  }

  @Test
  void feeds_badValueStopsServeWithALink() {
    StartException e = assertThrows(StartException.class,
        () -> Imports.feeds(Map.of("CATALOG_SOURCES", "https://fosdem.org/2021/schedule/xml"), dir));
    assertTrue(e.getMessage().startsWith("CATALOG_SOURCES entry \"https://fosdem.org/2021/schedule/xml\" must be URL=FILE.yaml"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("; see docs/import.md#keeping-it-current"), e.getMessage());

    e = assertThrows(StartException.class, () -> Imports.feeds(Map.of("CATALOG_SOURCES", "https://a.org/x=a.yaml"),
        dir.resolve("catalog.yaml")));
    assertTrue(e.getMessage().startsWith("CATALOG_SOURCES needs CATALOG_DIR to be a folder"), e.getMessage());
  }
}
