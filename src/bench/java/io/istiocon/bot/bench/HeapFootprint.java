package io.istiocon.bot.bench;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.CatalogGenerator;
import io.istiocon.bot.catalog.TestCatalogs;
import io.istiocon.bot.search.SearchIndex;
import io.istiocon.bot.search.Synonyms;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Measures the heap a catalog and its index keep: used heap after full collections, with and
 * without them. Run it with a heap cap to prove the catalog fits under it:
 * {@code mvn -B -q -P bench test-compile exec:exec@heap} (see docs/benchmarks.md).
 */
public final class HeapFootprint {
  private HeapFootprint() {}

  /** Prints the retained heap for each size given (default 10000 and 100000). */
  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {10_000, 100_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    Catalog real = TestCatalogs.real();
    for (int size : sizes) {
      long before = settledHeap();
      Catalog catalog = new CatalogGenerator(real).generate(size, 42);
      long start = System.nanoTime();
      SearchIndex index = SearchIndex.build(catalog, Synonyms.NONE);
      long built = System.nanoTime() - start;
      long after = settledHeap();
      System.out.printf(Locale.ROOT, "sessions=%d retained_heap_mib=%.1f index_build_ms=%.0f vocabulary=%d max_heap_mib=%d%n",
          index.size(), (after - before) / 1048576.0, built / 1e6, index.vocabularySize(),
          Runtime.getRuntime().maxMemory() / 1048576);
      if (index.size() != size) {
        throw new IllegalStateException("index lost sessions");
      }
    }
  }

  private static long settledHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
