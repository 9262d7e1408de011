package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StemmerTest {

  @ParameterizedTest(name = "{0} and {1} share a stem")
  @CsvSource({
      "debugging, debug",
      "failures, failure",
      "retries, retry",
      "timeouts, timeout",
      "services, service",
      "migration, migrate",
      "migrating, migrated",
      "configuration, configure",
      "configuring, configure",
      "observability, observe",
      "security, secure",
      "scaling, scale",
      "scalability, scalable",
      "routing, route",
      "meshes, mesh",
      "processes, process",
      "authentication, authenticate",
      "management, manage",
      "kubernets, kubernetes",
      "planning, plan",
  })
  void stem_conflatesInflections(String a, String b) {
    assertEquals(Stemmer.stem(b), Stemmer.stem(a));
  }

  @ParameterizedTest(name = "{0} stays {0}")
  @CsvSource({"istio", "mesh", "ebpf", "5g", "dns", "spring", "status", "analysis", "ingress", "oauth2", "流量"})
  void stem_leavesShortNumericAndNonLatinWordsAlone(String word) {
    assertEquals(word, Stemmer.stem(word));
  }
}
