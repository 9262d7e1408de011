package io.istiocon.bot.importer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.Speaker;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Writes a conference in the catalog format, fields in the order docs/catalog.md lists them, text
 * quoted and abstracts as literal blocks, so an imported file reads like a hand-written one.
 */
final class CatalogYaml {
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();

  private CatalogYaml() {}

  /** Returns the catalog text: a header comment, then the conference and its sessions. */
  static String write(Conference c, String source, String format) {
    StringWriter out = new StringWriter();
    out.write("# yaml-language-server: $schema=./catalog.schema.json\n");
    out.write("# Imported by \"istiocon-bot import\" from a " + format + ". Importing again updates what the export\n");
    out.write("# holds and keeps tags, popularity, summaries and speakers' companies and aliases; see docs/import.md.\n\n");
    try (JsonGenerator g = YAML.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("conference");
      g.writeStringField("id", c.id());
      g.writeStringField("name", c.name());
      g.writeStringField("start", c.start().toString());
      g.writeStringField("end", c.end().toString());
      g.writeStringField("timezone", c.zone().getId());
      g.writeStringField("website", c.website().toString());
      if (!c.description().isBlank()) {
        g.writeStringField("description", c.description());
      }
      stats(g, c.stats());
      g.writeStringField("source", source);
      g.writeEndObject();
      g.writeArrayFieldStart("sessions");
      for (Session s : c.sessions()) {
        session(g, s);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toString();
  }

  private static void stats(JsonGenerator g, Map<String, Object> stats) throws IOException {
    if (stats.isEmpty()) {
      return;
    }
    g.writeObjectFieldStart("stats");
    for (Map.Entry<String, Object> e : stats.entrySet()) {
      g.writeFieldName(e.getKey());
      if (e.getValue() instanceof Long n) {
        g.writeNumber(n);
      } else if (e.getValue() instanceof Double d) {
        g.writeNumber(d);
      } else {
        g.writeString(e.getValue().toString());
      }
    }
    g.writeEndObject();
  }

  private static void session(JsonGenerator g, Session s) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", s.id());
    g.writeStringField("title", s.title());
    g.writeStringField("type", s.type().id());
    g.writeStringField("language", s.language());
    if (s.subtitled()) {
      g.writeBooleanField("subtitled", true);
    }
    g.writeStringField("start", s.start().toString());
    g.writeStringField("end", s.end().toString());
    optional(g, "room", s.room());
    optional(g, "track", s.track());
    g.writeArrayFieldStart("speakers");
    for (Speaker speaker : s.speakers()) {
      g.writeStartObject();
      g.writeStringField("name", speaker.name());
      optional(g, "company", speaker.company());
      strings(g, "aliases", speaker.aliases());
      g.writeEndObject();
    }
    g.writeEndArray();
    optional(g, "abstract", s.abstractText().isBlank() ? null : s.abstractText());
    optional(g, "summary", s.summary().isBlank() ? null : s.summary());
    strings(g, "tags", s.tags());
    link(g, "video", s.video());
    link(g, "slides", s.slides());
    link(g, "page", s.page());
    if (s.popularity().isPresent()) {
      g.writeNumberField("popularity", s.popularity().getAsInt());
    }
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private static void link(JsonGenerator g, String field, URI value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value.toString());
    }
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
