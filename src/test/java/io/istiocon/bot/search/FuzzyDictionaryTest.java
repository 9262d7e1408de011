package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FuzzyDictionaryTest {
  private final FuzzyDictionary dictionary = new FuzzyDictionary(
      List.of("istio", "kubernetes", "christian", "kiali", "envoy", "mesh", "meshery", "murthy"));

  @Test
  void near_findsTranspositionsAtDistanceOne() {
    assertEquals(List.of(new FuzzyDictionary.Candidate("istio", 1)), dictionary.near("isito", 1));
  }

  @Test
  void near_findsInsertionsAndDeletions() {
    assertTrue(dictionary.near("cristian", 1).contains(new FuzzyDictionary.Candidate("christian", 1)));
    assertTrue(dictionary.near("kialli", 1).contains(new FuzzyDictionary.Candidate("kiali", 1)));
    assertTrue(dictionary.near("murty", 1).contains(new FuzzyDictionary.Candidate("murthy", 1)));
  }

  @Test
  void near_respectsTheBound() {
    assertTrue(dictionary.near("kubrnets", 1).isEmpty());
    assertEquals(List.of(new FuzzyDictionary.Candidate("kubernetes", 2)), dictionary.near("kubrnets", 2));
  }

  @Test
  void near_excludesTheWordItselfAndZeroBound() {
    assertTrue(dictionary.near("mesh", 1).stream().noneMatch(c -> c.word().equals("mesh")));
    assertTrue(dictionary.near("isito", 0).isEmpty());
  }

  @Test
  void withPrefix_listsCompletionsButNotThePrefix() {
    assertEquals(List.of("meshery"), dictionary.withPrefix("mesh", 10));
    assertEquals(List.of(), dictionary.withPrefix("zzz", 10));
  }
}
