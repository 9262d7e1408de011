package io.istiocon.bot.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CatalogGeneratorTest {
  private final CatalogGenerator generator = new CatalogGenerator(TestCatalogs.real());

  @Test
  void generate_sameSeedSameCatalog() {
    assertEquals(generator.generate(500, 7).sessions(), generator.generate(500, 7).sessions());
    assertNotEquals(generator.generate(500, 7).sessions(), generator.generate(500, 8).sessions());
  }

  @Test
  void generate_sessionsStayWithinTheConference() {
    Catalog catalog = generator.generate(2000, 1);
    Conference conference = catalog.conferences().get(0);
    assertEquals(2000, catalog.size());
    assertTrue(catalog.sessions().stream().allMatch(s ->
        !s.start().isBefore(conference.opens()) && !s.end().isAfter(conference.closes())));
  }
}
