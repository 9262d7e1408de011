package io.istiocon.bot.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON Schema editors validate with knows the same session fields as the reader. */
class SchemaTest {
  @Test
  void schema_listsTheSessionFieldsTheReaderAccepts() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(Path.of("catalog/catalog.schema.json").toFile());
    List<String> properties = new ArrayList<>();
    schema.path("definitions").path("session").path("properties").fieldNames().forEachRemaining(properties::add);

    assertEquals(Set.copyOf(SessionCheck.FIELD_NAMES), Set.copyOf(properties));
  }
}
