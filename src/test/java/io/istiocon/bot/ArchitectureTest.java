package io.istiocon.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering the README describes: a pure core, adapters around it, wiring on top. */
class ArchitectureTest {
  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.istiocon.bot");
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
            "io.istiocon.bot.files..")
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
}
