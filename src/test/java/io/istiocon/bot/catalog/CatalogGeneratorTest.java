package io.istiocon.bot.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

  @Test
  void generateConferences_yearsApart_eachWithItsSessionsInside() {
    Catalog catalog = generator.generateConferences(3, 200, 5);

    assertEquals(List.of("istiocon-2021", "istiocon-2022", "istiocon-2023"),
        catalog.conferences().stream().map(Conference::id).toList());
    assertEquals(List.of("IstioCon 2021", "IstioCon 2022", "IstioCon 2023"),
        catalog.conferences().stream().map(Conference::name).toList());
    assertEquals(600, catalog.size());
    for (Conference conference : catalog.conferences()) {
      assertEquals(conference.start().getDayOfWeek(), catalog.conferences().get(0).start().getDayOfWeek());
      assertTrue(conference.sessions().stream().allMatch(s -> s.conference().equals(conference.id())
          && !s.start().isBefore(conference.opens()) && !s.end().isAfter(conference.closes())), conference.id());
    }
  }
}
