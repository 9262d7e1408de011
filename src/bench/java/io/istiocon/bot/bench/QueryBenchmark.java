package io.istiocon.bot.bench;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.CatalogGenerator;
import io.istiocon.bot.catalog.TestCatalogs;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.QueryEngine;
import io.istiocon.bot.search.SearchIndex;
import io.istiocon.bot.search.Synonyms;
import io.istiocon.bot.files.CatalogReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one question through the query engine (parse, correct, rank, explain), with typo
 * tolerance on and no answer cache, on the real catalog and on generated ones. Each invocation asks
 * the next of the 341 evaluation questions, so the percentiles cover the whole mix.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class QueryBenchmark {
  /** The real catalog, a generated one of this many sessions, or {@code CxN}: C conferences of N sessions each. */
  @Param({"real", "10000", "100000", "10x1000"})
  public String catalog;

  private SearchIndex index;
  private List<Questions.Asked> questions;
  private final QueryEngine engine = new QueryEngine();
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Catalog real = TestCatalogs.real();
    Catalog chosen;
    if (catalog.equals("real")) {
      chosen = real;
    } else if (catalog.contains("x")) {
      String[] sizes = catalog.split("x");
      chosen = new CatalogGenerator(real).generateConferences(Integer.parseInt(sizes[0]), Integer.parseInt(sizes[1]), 42);
    } else {
      chosen = new CatalogGenerator(real).generate(Integer.parseInt(catalog), 42);
    }
    CatalogReader.SynonymsResult synonyms = new CatalogReader().readSynonyms(Path.of("catalog/synonyms.yaml"), "synonyms");
    index = SearchIndex.build(chosen, Synonyms.of(synonyms.groups()));
    questions = Questions.load();
  }

  @Benchmark
  public Answer ask() {
    Questions.Asked q = questions.get(next++ % questions.size());
    return engine.answer(index, engine.parse(q.question()), q.now(), q.zone());
  }
}
