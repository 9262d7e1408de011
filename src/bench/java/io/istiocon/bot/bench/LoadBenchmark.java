package io.istiocon.bot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.CatalogGenerator;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.Speaker;
import io.istiocon.bot.catalog.TestCatalogs;
import io.istiocon.bot.files.CatalogReader;
import io.istiocon.bot.search.SearchIndex;
import io.istiocon.bot.search.Synonyms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Loading a catalog file and indexing it, as a reload does: YAML bytes -> validated conference ->
 * search index. {@code cold} is the first load in a fresh JVM (what start-up pays); {@code warm}
 * is a reload in a running one.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class LoadBenchmark {
  @Param({"10000"})
  public int sessions;

  private byte[] yaml;
  private Catalog generated;
  private final CatalogReader reader = new CatalogReader();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    generated = new CatalogGenerator(TestCatalogs.real()).generate(sessions, 42);
    yaml = toYaml(generated.conferences().get(0));
  }

  /** Indexing alone, without reading the file: what the index's own build costs. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 5)
  @Measurement(iterations = 5, time = 5)
  @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
  public SearchIndex index() {
    return SearchIndex.build(generated, Synonyms.NONE);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public SearchIndex cold() {
    return load();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 5)
  @Measurement(iterations = 5, time = 5)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public SearchIndex warm() {
    return load();
  }

  private SearchIndex load() {
    CatalogReader.FileResult result = reader.read(Path.of("generated.yaml"), "generated.yaml", yaml);
    if (!result.ok()) {
      throw new IllegalStateException(result.problems().toString());
    }
    return SearchIndex.build(new Catalog(1, "bench", List.of(result.conference())), Synonyms.NONE);
  }

  static byte[] toYaml(Conference c) throws IOException {
    Map<String, Object> conference = new LinkedHashMap<>();
    conference.put("id", c.id());
    conference.put("name", c.name());
    conference.put("start", c.start().toString());
    conference.put("end", c.end().toString());
    conference.put("timezone", c.zone().getId());
    conference.put("website", c.website().toString());
    List<Map<String, Object>> sessions = new ArrayList<>();
    for (Session s : c.sessions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("title", s.title());
      m.put("type", s.type().id());
      m.put("language", s.language());
      m.put("start", s.start().toString());
      m.put("end", s.end().toString());
      List<Map<String, Object>> speakers = new ArrayList<>();
      for (Speaker sp : s.speakers()) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", sp.name());
        if (sp.company() != null) {
          p.put("company", sp.company());
        }
        speakers.add(p);
      }
      m.put("speakers", speakers);
      m.put("abstract", s.abstractText());
      m.put("tags", s.tags());
      s.videoLink().ifPresent(u -> m.put("video", u.toString()));
      s.slidesLink().ifPresent(u -> m.put("slides", u.toString()));
      s.popularity().ifPresent(p -> m.put("popularity", p));
      sessions.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("conference", conference);
    root.put("sessions", sessions);
    return new ObjectMapper(new YAMLFactory()).writeValueAsBytes(root);
  }
}
