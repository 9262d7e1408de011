package io.istiocon.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layering: a pure core ({@code catalog}, {@code search}), the {@code service} around it,
 * adapters around that which do not know each other, shared infrastructure ({@code ops},
 * {@code docs}) any of them may use, and the wiring on top ({@code Main}, {@code Server}).
 */
class ArchitectureTest {
  private static final String BOT = "io.istiocon.bot";
  private static final List<String> ADAPTERS = List.of("cli", "slack", "web", "files", "importer", "store", "calendar");
  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(BOT);
  }

  @Test
  void core_dependsOnlyOnJavaAndItself() {
    classes().that().resideInAnyPackage("io.istiocon.bot.catalog..", "io.istiocon.bot.search..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "io.istiocon.bot.catalog..", "io.istiocon.bot.search..")
        .because("the catalog model and the query engine are pure: no Slack, Jackson or Caffeine")
        .check(production);
  }

  @Test
  void storePort_dependsOnlyOnJavaAndItself() {
    classes().that().resideInAPackage("io.istiocon.bot.agenda..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.istiocon.bot.agenda..")
        .because("the agenda store port is core: no JDBC driver, pool or Flyway, so any adapter can sit behind it")
        .check(production);
  }

  @Test
  void storeAdapter_doesNotDependOnOtherAdapters() {
    noClasses().that().resideInAPackage("io.istiocon.bot.store..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("com.slack..", "io.istiocon.bot.slack..", "io.istiocon.bot.cli..", "io.istiocon.bot.web..",
            "io.istiocon.bot.files..", "io.istiocon.bot.calendar..")
        .check(production);
  }

  @Test
  void calendarFeed_dependsOnlyOnTheCoreTheServiceAndItsLibraries() {
    classes().that().resideInAPackage("io.istiocon.bot.calendar..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "javax.servlet..", "net.fortuna.ical4j..", "org.slf4j..", "io.istiocon.bot.calendar..",
            "io.istiocon.bot.agenda..", "io.istiocon.bot.catalog..", "io.istiocon.bot.service..")
        .because("the feed reads the store through its port and the catalog through the service; Server mounts it")
        .check(production);
  }

  @Test
  void ical4j_isUsedOnlyByTheCalendarFeed() {
    noClasses().that().resideOutsideOfPackage("io.istiocon.bot.calendar..")
        .should().dependOnClassesThat().resideInAPackage("net.fortuna.ical4j..")
        .because("one adapter writes iCalendar; the Add to calendar link is a plain URL")
        .check(production);
  }

  @Test
  void catalogModel_doesNotKnowTheSearchEngine() {
    noClasses().that().resideInAPackage("io.istiocon.bot.catalog..")
        .should().dependOnClassesThat().resideInAPackage("io.istiocon.bot.search..")
        .check(production);
  }

  @Test
  void adapters_doNotDependOnSlackOrTheCommandLine() {
    noClasses().that().resideInAnyPackage("io.istiocon.bot.files..", "io.istiocon.bot.service..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("com.slack..", "io.istiocon.bot.slack..", "io.istiocon.bot.cli..", "io.istiocon.bot.web..")
        .check(production);
  }

  @Test
  void commandLine_doesNotDependOnSlack() {
    noClasses().that().resideInAPackage("io.istiocon.bot.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "io.istiocon.bot.slack..")
        .check(production);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cli", "slack", "web", "files", "importer", "store", "calendar"})
  void adapter_doesNotDependOnAnotherAdapter(String adapter) {
    String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).map(a -> BOT + "." + a + "..").toArray(String[]::new);
    noClasses().that().resideInAPackage(BOT + "." + adapter + "..")
        .should().dependOnClassesThat().resideInAnyPackage(others)
        .because("adapters meet only through the service and the core; Main and Server wire them together")
        .check(production);
  }

  @Test
  void service_dependsOnNoAdapter() {
    noClasses().that().resideInAPackage("io.istiocon.bot.service..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(ADAPTERS.stream().map(a -> BOT + "." + a + "..").toArray(String[]::new))
        .because("the service owns the interfaces the adapters implement, such as CatalogLoader")
        .check(production);
  }

  @Test
  void sharedInfrastructure_dependsOnNoOtherPartOfTheBot() {
    noClasses().that().resideInAnyPackage("io.istiocon.bot.ops..", "io.istiocon.bot.docs..")
        .should().dependOnClassesThat().resideInAnyPackage(BOT, "io.istiocon.bot.catalog..", "io.istiocon.bot.search..",
            "io.istiocon.bot.service..", "io.istiocon.bot.cli..", "io.istiocon.bot.slack..", "io.istiocon.bot.web..",
            "io.istiocon.bot.files..", "io.istiocon.bot.importer..", "io.istiocon.bot.calendar..")
        .because("metrics, the log encoder and the docs links are used by every adapter, so they must not pull one in")
        .check(production);
  }

  @Test
  void wiring_isUsedByNothing() {
    noClasses().that().resideOutsideOfPackage(BOT)
        .should().dependOnClassesThat().resideInAPackage(BOT)
        .because("Main and Server sit on top and wire the rest together")
        .check(production);
  }
}
