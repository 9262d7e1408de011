package io.istiocon.bot.service;

import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads catalog files for the terminal commands: once for {@code ask}, without serving them for
 * {@code validate}. The files adapter implements it and {@code Main} hands it to the command line,
 * so the command line does not depend on how files are read.
 */
public interface CatalogLoader {
  /** Returns the catalog at a file or folder, read once, with every problem found in its files. */
  CatalogSnapshot load(Path location);

  /** Returns what is wrong with the catalog files at these files or folders, and what each good file holds. */
  Check check(List<Path> locations);

  /** What {@code validate} reports: every problem, or else each good file. */
  record Check(List<Problem> problems, List<ConferenceFile> conferences, List<SynonymsFile> synonyms) {
    public Check {
      problems = List.copyOf(problems);
      conferences = List.copyOf(conferences);
      synonyms = List.copyOf(synonyms);
    }
  }

  /** A valid conference file, named as errors name it. */
  record ConferenceFile(String name, Conference conference) {}

  /** A valid synonyms file and how many groups of synonyms it holds. */
  record SynonymsFile(String name, int groups) {}
}
