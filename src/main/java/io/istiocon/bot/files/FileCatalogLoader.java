package io.istiocon.bot.files;

import com.github.benmanes.caffeine.cache.Ticker;
import io.istiocon.bot.catalog.Problem;
import io.istiocon.bot.service.CatalogLoader;
import io.istiocon.bot.service.CatalogSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads catalog files from disk for {@code ask} and {@code validate}, with the rules {@code serve} applies. */
public final class FileCatalogLoader implements CatalogLoader {
  private final Clock clock;
  private final CatalogReader reader = new CatalogReader();

  /** Creates a loader whose snapshots say they were loaded at {@code clock}'s time. */
  public FileCatalogLoader(Clock clock) {
    this.clock = clock;
  }

  @Override
  public CatalogSnapshot load(Path location) {
    // A live catalog read once, on this thread: the same scan, merge and index as serve.
    return new LiveCatalog(location, reader, clock, Ticker.systemTicker(), Runnable::run, Duration.ofSeconds(1),
        new LiveCatalog.Events() {}).current();
  }

  @Override
  public Check check(List<Path> locations) {
    List<Problem> problems = new ArrayList<>();
    List<ConferenceFile> good = new ArrayList<>();
    Set<Path> synonymFiles = new LinkedHashSet<>();
    for (Path location : locations) {
      List<Path> files;
      try {
        if (!Files.exists(location)) {
          problems.add(new Problem(location.toString(), 1, 1, "", "no such file or directory"));
          continue;
        }
        boolean isSynonyms = !Files.isDirectory(location)
            && location.getFileName().toString().toLowerCase(Locale.ROOT).startsWith(CatalogFiles.SYNONYMS + ".");
        files = isSynonyms ? List.of() : CatalogFiles.conferences(location);
        if (Files.isDirectory(location)) {
          CatalogFiles.synonyms(location).ifPresent(synonymFiles::add);
          if (files.isEmpty()) {
            problems.add(new Problem(location.toString(), 1, 1, "", "no catalog files (*.yaml, *.yml, *.json) here"));
          }
        } else if (isSynonyms) {
          synonymFiles.add(location);
        }
      } catch (IOException e) {
        problems.add(new Problem(location.toString(), 1, 1, "", "cannot list: " + e.getMessage()));
        continue;
      }
      for (Path file : files) {
        CatalogReader.FileResult result = reader.read(file, CatalogFiles.displayName(file));
        problems.addAll(result.problems());
        if (result.ok()) {
          good.add(new ConferenceFile(result.name(), result.conference()));
        }
      }
    }
    List<SynonymsFile> synonyms = new ArrayList<>();
    for (Path file : synonymFiles) {
      CatalogReader.SynonymsResult result = reader.readSynonyms(file, CatalogFiles.displayName(file));
      problems.addAll(result.problems());
      if (result.ok()) {
        synonyms.add(new SynonymsFile(result.name(), result.groups().size()));
      }
    }
    Map<String, String> owners = new HashMap<>();
    for (ConferenceFile file : good) {
      String owner = owners.putIfAbsent(file.conference().id(), file.name());
      if (owner != null) {
        problems.add(new Problem(file.name(), 1, 1, "conference", "id " + file.conference().id()
            + " is already used by " + owner + "; each file needs its own id"));
      }
    }
    return new Check(problems, good, synonyms);
  }
}
