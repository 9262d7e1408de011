package io.istiocon.bot.files;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Problem;
import io.istiocon.bot.search.SearchIndex;
import io.istiocon.bot.search.Synonyms;
import io.istiocon.bot.service.CatalogSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog being served, held in a Caffeine {@link LoadingCache} that refreshes itself: after
 * {@code pollInterval} a read (or the scheduler) triggers a rescan on the cache's executor, and the
 * old snapshot keeps serving until the new one is complete. A rescan re-reads only files whose
 * fingerprint (real path, size, modification time, inode, and for small files a checksum) changed,
 * so it notices edits in place, atomic renames, ConfigMap symlink swaps and new files. A file that
 * fails validation keeps its last good version serving.
 */
public final class LiveCatalog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveCatalog.class);
  private static final String KEY = "catalog";
  private static final long CHECKSUM_LIMIT = 1024 * 1024;
  /** A file must be missing this many scans in a row before its conference is dropped. */
  private static final int MISSING_SCANS = 2;

  /** Hears about reloads, for logs and metrics. */
  public interface Events {
    /** A scan produced a new catalog version. */
    default void loaded(CatalogSnapshot snapshot, Duration took) {}

    /** A file was rejected; its last good version (if any) keeps serving. */
    default void rejected(String file, List<Problem> problems) {}
  }

  private record Stamp(Path real, long size, long modified, Object fileKey, long checksum) {}

  private static final class FileState {
    Stamp stamp;
    Conference good;
    List<Problem> problems = List.of();
    int missing;
  }

  private final Path location;
  private final CatalogReader reader;
  private final Clock clock;
  private final Events events;
  private final LoadingCache<String, CatalogSnapshot> cache;
  private final Duration pollInterval;
  private final Object scanLock = new Object();
  private final Map<Path, FileState> files = new LinkedHashMap<>();
  private final FileState synonyms = new FileState();
  private Synonyms goodSynonyms = Synonyms.NONE;
  private Path synonymsPath;
  private long version;
  private Synonyms indexedSynonyms;
  private volatile ScheduledFuture<?> poller;

  /**
   * Creates a live catalog over a file or directory. Nothing is read until the first
   * {@link #current()}.
   *
   * @param ticker Caffeine's clock for the refresh interval (a fake one in tests)
   * @param executor where rescans run ({@code Runnable::run} in tests)
   */
  public LiveCatalog(Path location, CatalogReader reader, Clock clock, Ticker ticker, Executor executor,
      Duration pollInterval, Events events) {
    this.location = location;
    this.reader = reader;
    this.clock = clock;
    this.events = events;
    this.pollInterval = pollInterval;
    this.cache = Caffeine.newBuilder()
        .ticker(ticker)
        .executor(executor)
        .refreshAfterWrite(pollInterval)
        .build(new CacheLoader<String, CatalogSnapshot>() {
          @Override
          public CatalogSnapshot load(String key) {
            return scan(null);
          }

          @Override
          public CatalogSnapshot reload(String key, CatalogSnapshot old) {
            return scan(old);
          }
        });
  }

  /** Returns the snapshot being served; never blocks on a rescan once the first load is done. */
  public CatalogSnapshot current() {
    return cache.get(KEY);
  }

  /** Asks for a rescan on the executor; readers keep the current snapshot meanwhile. */
  public void refresh() {
    cache.refresh(KEY);
  }

  /** Rescans now, on the calling thread, and serves the result. */
  public CatalogSnapshot reloadNow() {
    CatalogSnapshot old = cache.getIfPresent(KEY);
    CatalogSnapshot fresh = scan(old);
    cache.put(KEY, fresh);
    return fresh;
  }

  /** Rescans every {@code pollInterval} on the scheduler, so changes go live even when nobody asks. */
  public void start(ScheduledExecutorService scheduler) {
    long millis = pollInterval.toMillis();
    poller = scheduler.scheduleWithFixedDelay(() -> {
      try {
        refresh();
      } catch (RuntimeException e) {
        log.warn("catalog rescan failed to start: {}", e.toString());
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Returns the location being watched. */
  public Path location() {
    return location;
  }

  @Override
  public void close() {
    ScheduledFuture<?> p = poller;
    if (p != null) {
      p.cancel(false);
    }
  }

  // ---- scanning ---------------------------------------------------------------------------

  private CatalogSnapshot scan(CatalogSnapshot old) {
    synchronized (scanLock) {
      long began = System.nanoTime();
      boolean changed = old == null;
      List<Path> paths;
      List<Problem> listing = new ArrayList<>();
      try {
        paths = CatalogFiles.conferences(location);
        if (paths.isEmpty()) {
          listing.add(new Problem(CatalogFiles.displayName(location), 1, 1, "",
              Files.exists(location) ? "no catalog files (*.yaml, *.yml, *.json) here" : "no such file or directory"));
        }
      } catch (IOException | RuntimeException e) {
        listing.add(new Problem(CatalogFiles.displayName(location), 1, 1, "", "cannot list: " + e));
        paths = new ArrayList<>(files.keySet()); // keep serving what we have
      }
      changed |= scanSynonyms();
      for (Path path : paths) {
        FileState state = files.computeIfAbsent(path, p -> new FileState());
        state.missing = 0;
        Stamp stamp = stamp(path);
        if (stamp != null && stamp.equals(state.stamp)) {
          continue;
        }
        state.stamp = stamp;
        CatalogReader.FileResult result = reader.read(path, CatalogFiles.displayName(path));
        state.problems = result.problems();
        if (result.ok()) {
          state.good = result.conference();
          changed = true;
        } else {
          changed = true; // the problems list changed, even if the catalog did not
          events.rejected(result.name(), result.problems());
          for (Problem p : result.problems()) {
            log.warn("{}{}", p, state.good == null ? "" : " (keeping the last good version of this file)");
          }
        }
      }
      for (Map.Entry<Path, FileState> e : new ArrayList<>(files.entrySet())) {
        if (!paths.contains(e.getKey()) && ++e.getValue().missing >= MISSING_SCANS) {
          log.info("{} is gone; its conference is no longer served", CatalogFiles.displayName(e.getKey()));
          files.remove(e.getKey());
          changed = true;
        }
      }
      if (!changed && old != null) {
        return old;
      }
      return publish(old, listing, began);
    }
  }

  private boolean scanSynonyms() {
    Path path = CatalogFiles.synonyms(location).orElse(null);
    if (path == null) {
      boolean had = synonymsPath != null;
      synonymsPath = null;
      synonyms.stamp = null;
      if (had) {
        goodSynonyms = Synonyms.NONE;
      }
      return had;
    }
    Stamp stamp = stamp(path);
    if (path.equals(synonymsPath) && stamp != null && stamp.equals(synonyms.stamp)) {
      return false;
    }
    synonymsPath = path;
    synonyms.stamp = stamp;
    CatalogReader.SynonymsResult result = reader.readSynonyms(path, CatalogFiles.displayName(path));
    synonyms.problems = result.problems();
    if (result.ok()) {
      goodSynonyms = Synonyms.of(result.groups());
    } else {
      events.rejected(result.name(), result.problems());
      for (Problem p : result.problems()) {
        log.warn("{} (keeping the last good synonyms)", p);
      }
    }
    return true;
  }

  private CatalogSnapshot publish(CatalogSnapshot old, List<Problem> listing, long began) {
    List<Problem> problems = new ArrayList<>(listing);
    problems.addAll(synonyms.problems);
    List<Conference> conferences = new ArrayList<>();
    Map<String, Path> owners = new HashMap<>();
    MessageDigest sha = sha256();
    for (Map.Entry<Path, FileState> e : files.entrySet()) {
      FileState state = e.getValue();
      problems.addAll(state.problems);
      if (state.good == null) {
        continue;
      }
      Path owner = owners.putIfAbsent(state.good.id(), e.getKey());
      if (owner != null) {
        Problem clash = new Problem(CatalogFiles.displayName(e.getKey()), 1, 1, "conference",
            "id " + state.good.id() + " is already used by " + CatalogFiles.displayName(owner) + "; each file needs its own id");
        problems.add(clash);
        log.warn("{}", clash);
        continue;
      }
      conferences.add(state.good);
      Stamp stamp = state.stamp;
      String part = e.getKey() + "|" + (stamp == null ? "" : stamp.size() + "|" + stamp.modified() + "|" + stamp.checksum());
      sha.update(part.getBytes(StandardCharsets.UTF_8));
    }
    sha.update(Integer.toString(goodSynonyms.size()).getBytes(StandardCharsets.UTF_8));
    boolean same = old != null && old.catalog().conferences().equals(conferences) && indexedSynonyms == goodSynonyms;
    Catalog catalog;
    SearchIndex index;
    if (same) {
      catalog = old.catalog();
      index = old.index();
    } else {
      version++;
      catalog = new Catalog(version, HexFormat.of().formatHex(sha.digest(), 0, 6), conferences);
      index = SearchIndex.build(catalog, goodSynonyms);
      indexedSynonyms = goodSynonyms;
    }
    CatalogSnapshot snapshot = new CatalogSnapshot(catalog, index, clock.instant(), problems);
    if (!same) {
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      log.info("catalog v{} ({}) serving {} sessions in {} conference(s) from {}, built in {} ms{}", catalog.version(),
          catalog.digest(), catalog.size(), conferences.size(), CatalogFiles.displayName(location), took.toMillis(),
          problems.isEmpty() ? "" : "; " + problems.size() + " problem(s) in the files");
      events.loaded(snapshot, took);
    }
    return snapshot;
  }

  private static Stamp stamp(Path path) {
    try {
      Path real = path.toRealPath();
      BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      long checksum = 0;
      if (attributes.size() <= CHECKSUM_LIMIT) {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(real)) {
          crc.update(in.readAllBytes());
        }
        checksum = crc.getValue();
      }
      return new Stamp(real, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
          attributes.fileKey(), checksum);
    } catch (IOException | RuntimeException e) {
      return null; // unreadable now: read() will report why
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
