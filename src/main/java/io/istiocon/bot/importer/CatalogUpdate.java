package io.istiocon.bot.importer;

import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.docs.DocLinks;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One import into one catalog file, for the command and for the feeds alike: read what the file
 * holds, convert the export, read the result back as the bot will, then replace the file in one
 * rename. Anything that fails leaves the file exactly as it was.
 */
final class CatalogUpdate {
  private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

  /**
   * The export and what the command line adds to it; each option is null when not given.
   *
   * @param exportName how errors and the file's {@code source} name the export: its path or URL
   */
  record Request(String exportName, Optional<Format> format, ZoneId timezone, String id, String name, URI website) {}

  /**
   * What was written: the conference as the reader read it back, the diff against the file it
   * replaced (null when there was none), the events left out, and the file's {@code source} note.
   */
  record Outcome(Conference conference, Conversion.Diff diff, List<String> skipped, String source) {}

  private CatalogUpdate() {}

  /** Imports {@code export} into {@code out}; the file is replaced only when every step succeeds. */
  static Outcome apply(CatalogCheck check, byte[] export, Request request, Path out) throws ImportException {
    String outName = out.toString();
    Conference existing = existing(check, out, outName);
    Zones zones = new Zones(request.timezone(), existing == null ? null : existing.zone());
    Schedule schedule = Exports.read(export, request.exportName(), request.format(), zones);
    String fileName = out.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    Conversion.Result result = Conversion.convert(schedule,
        new Conversion.Options(request.id(), request.name(), request.website(), request.timezone(), fileName), existing);
    String source = request.exportName() + " (" + schedule.format().label() + ")";
    byte[] yaml = CatalogYaml.write(result.conference(), source, schedule.format().label()).getBytes(StandardCharsets.UTF_8);
    CatalogCheck.Result checked = check.read(outName, yaml);
    if (!checked.ok()) {
      throw ImportException.bad("the converted catalog does not pass validation, so " + outName + " was left as it was;"
          + " this is a bug in the importer: please report it with the export", checked.problems());
    }
    write(out, yaml);
    return new Outcome(checked.conference(), result.diff(), schedule.skipped(), source);
  }

  /** Returns the conference already in the file, or null when there is none; a broken one stops the import. */
  private static Conference existing(CatalogCheck check, Path path, String name) throws ImportException {
    if (!Files.exists(path)) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw ImportException.bad(name + ": cannot read the catalog to update: " + e.getMessage());
    }
    CatalogCheck.Result result = check.read(name, bytes);
    if (!result.ok()) {
      throw ImportException.bad(name + " has problems, so it was left as it was; fix them (or move the file away) and"
          + " import again; " + DocLinks.see(DocLinks.CATALOG_FORMAT), result.problems());
    }
    return result.conference();
  }

  /** Writes a temporary file beside the target, then renames it over the target in one step. */
  private static void write(Path target, byte[] bytes) throws ImportException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Set<PosixFilePermission> permissions = Files.exists(target) && posix(target)
          ? Files.getPosixFilePermissions(target) : READABLE;
      temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      Files.write(temp, bytes);
      if (posix(temp)) {
        Files.setPosixFilePermissions(temp, permissions);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
    } catch (AtomicMoveNotSupportedException e) {
      throw ImportException.bad(target + ": this file system cannot replace a file atomically; write to a local folder");
    } catch (IOException e) {
      throw ImportException.bad(target + ": cannot write: " + e.getMessage());
    } finally {
      deleteQuietly(temp);
    }
  }

  private static boolean posix(Path path) {
    return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // a stray hidden .tmp file is harmless: the catalog scanner skips hidden files
      }
    }
  }
}
