package io.istiocon.bot.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The export formats the importer reads, and how to tell them apart by their content. */
enum Format {
  PRETALX("pretalx", "pretalx schedule.json"),
  C3VOC("c3voc", "C3VOC schedule.json"),
  FRAB("frab", "frab/Pentabarf schedule.xml"),
  SESSIONIZE("sessionize", "Sessionize API (All)");

  private final String id;
  private final String label;

  Format(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** Returns the name used on the command line, such as {@code frab}. */
  String id() {
    return id;
  }

  /** Returns the name shown in summaries, such as "frab/Pentabarf schedule.xml". */
  String label() {
    return label;
  }

  /** Parses a {@code --format} value; empty for {@code auto}. */
  static Optional<Format> fromOption(String value) throws ImportException {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("auto")) {
      return Optional.empty();
    }
    for (Format f : values()) {
      if (f.id.equals(v)) {
        return Optional.of(f);
      }
    }
    throw ImportException.usage("--format must be one of auto, " + String.join(", ",
        Arrays.stream(values()).map(Format::id).toList()) + ", got \"" + value + "\"");
  }

  /** Returns whether the bytes hold XML rather than JSON: the first character that is not a space is {@code <}. */
  static boolean isXml(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '<') {
        return true;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
        return false; // the three bytes above are UTF-8's byte order mark
      }
    }
    return false;
  }

  /**
   * Tells a JSON export's format from its top level: {@code schedule} is pretalx, or C3VOC when its
   * generator says {@code voc/schedule}; {@code sessions} with {@code speakers} or {@code rooms} is Sessionize.
   */
  static Format detect(JsonNode root, String name) throws ImportException {
    if (root.isObject() && root.path("schedule").isObject()) {
      String generator = root.path("schedule").path("generator").path("name").asText(root.path("generator").path("name").asText(""));
      return generator.startsWith("voc/") ? C3VOC : PRETALX;
    }
    if (root.isObject() && root.path("sessions").isArray() && (root.has("speakers") || root.has("rooms"))) {
      return SESSIONIZE;
    }
    if (root.isArray()) {
      throw ImportException.usage(name + ": a JSON list looks like a Sessionize \"Sessions\" or \"Speakers\" view;"
          + " export the \"All\" view (sessions, speakers, rooms and categories in one object)");
    }
    throw ImportException.usage(name + ": cannot tell the format: not a pretalx or C3VOC schedule.json (no \"schedule\")"
        + " nor a Sessionize \"All\" export (no \"sessions\" with \"speakers\"); give --format "
        + String.join("|", Arrays.stream(values()).map(Format::id).toList()) + " if it is one of them");
  }
}
