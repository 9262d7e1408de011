package io.istiocon.bot.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which files in a catalog location are conferences and which holds synonyms. Hidden entries are
 * skipped, which also skips a Kubernetes ConfigMap's {@code ..data} and timestamped folders.
 */
public final class CatalogFiles {
  private CatalogFiles() {}

  /** The synonyms file's base name; any of .yaml, .yml or .json. */
  public static final String SYNONYMS = "synonyms";

  /** Lists the conference files at a location (a file or a directory), sorted by name. */
  public static List<Path> conferences(Path location) throws IOException {
    if (!Files.isDirectory(location)) {
      return Files.exists(location) ? List.of(location) : List.of();
    }
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(location)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (isConferenceName(name) && Files.isRegularFile(entry)) {
          out.add(entry);
        }
      }
    }
    out.sort(null);
    return out;
  }

  /** Finds the synonyms file for a location: in the directory, or beside a single file. */
  public static Optional<Path> synonyms(Path location) {
    Path dir = Files.isDirectory(location) ? location : location.toAbsolutePath().getParent();
    if (dir == null) {
      return Optional.empty();
    }
    for (String ext : List.of(".yaml", ".yml", ".json")) {
      Path candidate = dir.resolve(SYNONYMS + ext);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static boolean isConferenceName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith(".") || lower.endsWith(".schema.json")) {
      return false;
    }
    boolean catalogExtension = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    boolean synonyms = lower.equals(SYNONYMS + ".yaml") || lower.equals(SYNONYMS + ".yml") || lower.equals(SYNONYMS + ".json");
    return catalogExtension && !synonyms;
  }

  /** Returns how errors name a path: relative to the working directory when it lies below it. */
  public static String displayName(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : path.toString();
  }
}
