package io.istiocon.bot.files;

import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and validates catalog files (YAML or JSON). It never throws for bad content: every problem
 * comes back with its file, line and column, and a file with any problem yields no conference.
 */
public final class CatalogReader {
  /** Files larger than this are refused rather than read into memory. */
  public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private final DocumentReader documents = new DocumentReader(MAX_FILE_BYTES);

  /** Creates a reader; YAML documents may be up to {@link #MAX_FILE_BYTES} long. */
  public CatalogReader() {}

  /** What reading one conference file gave: a conference, or the problems that stopped it. */
  public record FileResult(Path path, String name, Conference conference, List<Problem> problems) {
    public FileResult {
      problems = List.copyOf(problems);
    }

    /** Returns whether the file loaded without problems. */
    public boolean ok() {
      return conference != null && problems.isEmpty();
    }
  }

  /** Reads a conference file; {@code name} is how errors refer to it (usually the path as given). */
  public FileResult read(Path path, String name) {
    Problems problems = new Problems(name);
    byte[] bytes = documents.readBytes(path, problems);
    return bytes == null ? new FileResult(path, name, null, problems.list()) : read(path, name, bytes);
  }

  /** Reads a conference file from bytes already in memory. */
  public FileResult read(Path path, String name, byte[] bytes) {
    Problems problems = new Problems(name);
    Node root = documents.parse(bytes, name, problems);
    Conference conference = root == null ? null : conference(root, problems);
    return new FileResult(path, name, problems.isEmpty() ? conference : null, problems.list());
  }

  private static Conference conference(Node root, Problems problems) {
    try {
      return ConferenceCheck.read(root, problems);
    } catch (RuntimeException e) {
      // Validation should have caught it; never let a record's own check escape as a crash.
      problems.add(root, "", "cannot load: " + e.getMessage());
      return null;
    }
  }

  /** What reading a synonyms file gave: groups of phrases, or the problems that stopped it. */
  public record SynonymsResult(Path path, String name, List<List<String>> groups, List<Problem> problems) {
    public SynonymsResult {
      problems = List.copyOf(problems);
    }

    /** Returns whether the file loaded without problems. */
    public boolean ok() {
      return groups != null && problems.isEmpty();
    }
  }

  /** Reads a synonyms file: {@code synonyms:} then a list of groups, each a list of phrases. */
  public SynonymsResult readSynonyms(Path path, String name) {
    Problems problems = new Problems(name);
    byte[] bytes = documents.readBytes(path, problems);
    Node root = bytes == null ? null : documents.parse(bytes, name, problems);
    List<List<String>> groups = root == null ? null : SynonymsCheck.read(root, problems);
    return new SynonymsResult(path, name, groups, problems.list());
  }
}
