package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

  @ParameterizedTest(name = "fold({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "Núñez-Cacho     | nunez-cacho",
      "ISTIO           | istio",
      "Ｉｓｔｉｏ       | istio",
      "Straße          | strasse",
      "Fundaró         | fundaro",
      "e\u0301bpf      | ebpf",
      "zero\u200Bwidth | zerowidth",
      "\u200Frtl mark  | rtl mark",
      "don’t           | don't",
      "流量管理         | 流量管理",
  })
  void fold_foldsCaseWidthAccentsAndInvisibleMarks(String raw, String folded) {
    assertEquals(folded, Text.fold(raw));
  }

  @ParameterizedTest(name = "words({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "multi-cluster             | multi cluster multicluster",
      "eBay's mesh               | ebay mesh",
      "don't panic               | dont panic",
      "Istio.io, Solo.io!        | istio io istioio solo io soloio",
      "layer-7 traffic           | layer 7 layer7 traffic",
      "流量管理                   | 流量 量管 管理",
      "百度APP基于Istio           | 百度 app 基于 istio",
      "a - b                     | a b",
      "   ---   ???              | ''",
  })
  void words_splitsCompoundsPossessivesAndHanBigrams(String raw, String expected) {
    List<String> words = Text.analyze(raw).stream().map(Text.Word::text).toList();
    assertEquals(expected, String.join(" ", words));
  }

  @ParameterizedTest(name = "the glue form of {0} spans {1} parts")
  @CsvSource({"multi-cluster, 2", "e-commerce, 2", "a.b.c, 3"})
  void words_glueFormSpansItsParts(String raw, int span) {
    Text.Word glue = Text.analyze(raw).stream().filter(Text.Word::joined).findFirst().orElseThrow();
    assertEquals(span, glue.span());
    assertEquals(0, glue.position());
  }
}
