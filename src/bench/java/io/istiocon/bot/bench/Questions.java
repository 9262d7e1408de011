package io.istiocon.bot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's questions: every evaluation set, as people type them, with their clocks and zones. */
final class Questions {
  private Questions() {}

  /** A question, the instant it is asked at, and the asker's zone (null for the conference's). */
  record Asked(String question, Instant now, ZoneId zone) {}

  static final Instant DEFAULT_NOW = Instant.parse("2021-02-24T17:50:00Z");

  static List<Asked> load() {
    ObjectMapper json = new ObjectMapper();
    List<Asked> out = new ArrayList<>();
    for (String set : List.of("dev-questions.jsonl", "dev-questions-2.jsonl", "team-questions.jsonl",
        "team-questions-2.jsonl")) {
      try {
        for (String line : Files.readAllLines(Path.of("src/test/resources/eval", set))) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = json.readTree(line);
          Instant now = node.has("now") ? Instant.parse(node.get("now").asText()) : DEFAULT_NOW;
          ZoneId zone = node.has("tz") ? ZoneId.of(node.get("tz").asText()) : null;
          out.add(new Asked(node.get("q").asText(), now, zone));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
