package io.istiocon.bot.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** Reads an export's bytes into a {@link Schedule}: tells (or checks) the format and hands it to its reader. */
final class Exports {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Exports() {}

  /**
   * Reads an export; {@code format} is the {@code --format} option (empty for auto), and
   * {@code zones} says where local times are counted.
   */
  static Schedule read(byte[] bytes, String name, Optional<Format> format, Zones zones) throws ImportException {
    if (Format.isXml(bytes)) {
      if (format.isPresent() && format.get() != Format.FRAB) {
        throw ImportException.usage(name + ": --format " + format.get().id() + " expects JSON, but this is XML;"
            + " use --format frab or auto");
      }
      return FrabXml.read(bytes, name, zones);
    }
    if (format.isPresent() && format.get() == Format.FRAB) {
      throw ImportException.usage(name + ": --format frab expects a schedule.xml, but this is not XML; use --format auto");
    }
    JsonNode root = parse(bytes, name);
    Format f = format.isPresent() ? format.get() : Format.detect(root, name);
    return f == Format.SESSIONIZE ? SessionizeJson.read(root, name, zones) : ScheduleJson.read(root, f, name, zones);
  }

  private static JsonNode parse(byte[] bytes, String name) throws ImportException {
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null || root.isMissingNode()) {
        throw ImportException.bad(name + ":1:1: the file is empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int column = at == null ? 1 : Math.max(1, at.getColumnNr());
      String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
      throw ImportException.bad(name + ":" + line + ":" + column + ": JSON syntax error: " + message.lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw ImportException.bad(name + ": cannot read: " + e.getMessage());
    }
  }
}
