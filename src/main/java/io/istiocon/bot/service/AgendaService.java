package io.istiocon.bot.service;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.istiocon.bot.agenda.AgendaEntry;
import io.istiocon.bot.agenda.AgendaStore;
import io.istiocon.bot.agenda.CalendarLinks;
import io.istiocon.bot.agenda.ClaimKind;
import io.istiocon.bot.agenda.Forgotten;
import io.istiocon.bot.agenda.StoreUnavailableException;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each user's agenda on the {@link AgendaStore}: saving talks that are in the catalog being served,
 * removing them, listing them in program order, forgetting a user; and the claims that make a piece
 * of work happen once across replicas. The calls a person makes (save, remove, agenda, forget)
 * always try the store and throw {@link StoreUnavailableException} when it cannot be reached; the
 * ones that only decorate or guard an answer ({@link #savedIfQuick}, {@link #claim}) never throw,
 * never wait long, and skip the store for {@link #COOL_DOWN} after it failed, so an outage does not
 * slow every question down.
 */
public final class AgendaService {
  private static final Logger log = LoggerFactory.getLogger(AgendaService.class);
  /**
   * How long a user's saved talks are kept in memory for drawing cards. A save on this replica
   * updates them at once; one on another replica shows here within this time.
   */
  public static final Duration CACHED = Duration.ofSeconds(30);
  /** How long a claim is kept: far longer than Slack retries an event (about 5 minutes). */
  public static final Duration CLAIMS_KEPT = Duration.ofHours(1);
  /** How long the store is left alone for drawing and claims after it failed. */
  public static final Duration COOL_DOWN = Duration.ofSeconds(10);

  /** Hears about each failed or skipped store call, by operation ({@code save}, {@code claim}, ...). */
  @FunctionalInterface
  public interface Failures {
    /** Counts one failure of {@code operation}. */
    void failed(String operation);
  }

  /** What a save did. */
  public enum Saved {
    /** The talk is now in the agenda. */
    SAVED,
    /** The talk was in the agenda already; nothing changed. */
    ALREADY_SAVED,
    /** The catalog being served has no such talk (unknown, or removed since the card was drawn); nothing stored. */
    NOT_IN_PROGRAM
  }

  /**
   * A user's agenda as of one catalog.
   *
   * @param talks the saved talks the catalog still has, in program order
   * @param missing how many saved talks the catalog no longer has
   */
  public record MyAgenda(List<Session> talks, int missing, Catalog catalog) {
    public MyAgenda {
      talks = List.copyOf(talks);
      Objects.requireNonNull(catalog, "catalog");
    }

    /** Returns the first saved talk that has not ended at {@code now}: the one on now, or the next. */
    public Optional<Session> next(Instant now) {
      return talks.stream().filter(s -> s.end().isAfter(now)).findFirst();
    }

    /** Returns whether nothing is saved. */
    public boolean isEmpty() {
      return talks.isEmpty() && missing == 0;
    }
  }

  /**
   * What the bot can say about a user's calendar feed.
   *
   * @param state whether feeds are served, and whether a link was issued now
   * @param url the link, present only when it was issued now (the store keeps only its hash)
   */
  public record FeedLink(FeedState state, Optional<URI> url) {
    public FeedLink {
      if ((state == FeedState.ISSUED) != url.isPresent()) {
        throw new IllegalArgumentException("a link is shown exactly when it was issued now: " + state + ", " + url);
      }
    }

    static FeedLink off() {
      return new FeedLink(FeedState.OFF, Optional.empty());
    }
  }

  /** Whether calendar feeds are served and what a request for a link did. */
  public enum FeedState {
    /** No feeds here: {@code PUBLIC_URL} is not set. */
    OFF,
    /** A link was issued now; this is the only time its URL can be shown. */
    ISSUED,
    /** The user had a link already, shown when it was issued; only they know it. */
    ISSUED_BEFORE
  }

  private final AgendaStore store;
  private final Optional<CalendarLinks> links;
  private final Supplier<Catalog> catalog;
  private final Clock clock;
  private final Ticker ticker;
  private final Failures failures;
  private final AsyncLoadingCache<String, Set<TalkId>> saved;
  private volatile boolean failing;
  private volatile long failedAt;

  /**
   * Creates the service.
   *
   * @param catalog the catalog being served, which decides what can be saved and in which order
   * @param clock the time saves and claims are stamped with
   * @param ticker the in-memory caches' clock and the cool-down's
   * @param lookups where saved talks are read for drawing, so an answer waits for them only briefly
   */
  public AgendaService(AgendaStore store, Supplier<Catalog> catalog, Clock clock, Ticker ticker, Executor lookups,
      Failures failures) {
    this(store, Optional.empty(), catalog, clock, ticker, lookups, failures);
  }

  /** Creates the service with calendar feed links ({@code links} present when {@code PUBLIC_URL} is set). */
  public AgendaService(AgendaStore store, Optional<CalendarLinks> links, Supplier<Catalog> catalog, Clock clock,
      Ticker ticker, Executor lookups, Failures failures) {
    this.store = Objects.requireNonNull(store, "store");
    this.links = Objects.requireNonNull(links, "links");
    this.catalog = catalog;
    this.clock = clock;
    this.ticker = ticker;
    this.failures = failures;
    this.saved = Caffeine.newBuilder()
        .executor(lookups)
        .ticker(ticker)
        .expireAfterWrite(CACHED)
        .maximumSize(100_000)
        .buildAsync(user -> call("list", () -> ids(store.list(user))));
  }

  /** Saves a talk to the user's agenda if the catalog being served has it. */
  public Saved save(String user, TalkId talk) {
    if (catalog.get().session(talk.conference(), talk.session()).isEmpty()) {
      return Saved.NOT_IN_PROGRAM;
    }
    AgendaEntry entry = new AgendaEntry(user, talk.conference(), talk.session(), clock.instant());
    boolean added = call("save", () -> store.save(entry));
    saved.synchronous().invalidate(user);
    return added ? Saved.SAVED : Saved.ALREADY_SAVED;
  }

  /** Removes a talk from the user's agenda, in the catalog or not; returns whether it was there. */
  public boolean remove(String user, TalkId talk) {
    boolean removed = call("remove", () -> store.remove(user, talk.conference(), talk.session()));
    saved.synchronous().invalidate(user);
    return removed;
  }

  /** Returns the talks the user saved, read from the store now (and kept for drawing). */
  public Set<TalkId> saved(String user) {
    Set<TalkId> ids = call("list", () -> ids(store.list(user)));
    saved.put(user, CompletableFuture.completedFuture(ids));
    return ids;
  }

  /**
   * Returns the talks the user saved if they are known within {@code wait} (kept in memory for
   * {@link #CACHED}, else read from the store); empty when the store is slow, failing or down,
   * so that an answer is drawn without them rather than late.
   */
  public Optional<Set<TalkId>> savedIfQuick(String user, Duration wait) {
    if (coolingDown()) {
      return Optional.empty();
    }
    CompletableFuture<Set<TalkId>> ids = saved.get(user);
    try {
      return Optional.of(ids.get(wait.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException | ExecutionException e) {
      return Optional.empty(); // a slow read finishes in the background and is kept; a failure was counted
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Returns the user's agenda as of the catalog being served. */
  public MyAgenda agenda(String user) {
    List<AgendaEntry> entries = call("list", () -> store.list(user));
    saved.put(user, CompletableFuture.completedFuture(ids(entries)));
    Catalog served = catalog.get();
    List<Session> talks = new ArrayList<>();
    for (AgendaEntry entry : entries) {
      served.session(entry.conference(), entry.session()).ifPresent(talks::add);
    }
    talks.sort(Conference.PROGRAM_ORDER);
    return new MyAgenda(talks, entries.size() - talks.size(), served);
  }

  /** Deletes everything stored about the user and returns what that was. */
  public Forgotten forget(String user) {
    Forgotten forgotten = call("forget", () -> store.forget(user));
    saved.put(user, CompletableFuture.completedFuture(Set.of()));
    return forgotten;
  }

  /**
   * Returns the user's calendar feed link if they have none yet (issuing it), or says they have one
   * or that feeds are off. Two requests racing for one user issue one link.
   */
  public FeedLink feedLink(String user) {
    if (links.isEmpty()) {
      return FeedLink.off();
    }
    Optional<URI> first = call("calendar_link", () -> links.get().firstLink(user));
    return first.map(url -> new FeedLink(FeedState.ISSUED, Optional.of(url)))
        .orElseGet(() -> new FeedLink(FeedState.ISSUED_BEFORE, Optional.empty()));
  }

  /** Issues the user a new calendar feed link, revoking the old one at once; says so when feeds are off. */
  public FeedLink newFeedLink(String user) {
    if (links.isEmpty()) {
      return FeedLink.off();
    }
    URI url = call("calendar_link", () -> links.get().newLink(user));
    return new FeedLink(FeedState.ISSUED, Optional.of(url));
  }

  /**
   * Claims a piece of work for this replica; returns {@code false} only when another delivery
   * claimed it first, within {@link #CLAIMS_KEPT}. When the store cannot say (failing, down, or an
   * id it cannot hold), returns {@code true}: answering twice is better than never answering.
   */
  public boolean claim(ClaimKind kind, String id) {
    if (id == null || id.isBlank() || id.length() > ClaimKind.MAX_ID_LENGTH) {
      return true;
    }
    if (coolingDown()) {
      failures.failed("claim");
      return true;
    }
    try {
      return call("claim", () -> store.claim(kind, id, clock.instant().plus(CLAIMS_KEPT)));
    } catch (StoreUnavailableException e) {
      log.warn("could not claim {} {} in the agenda store ({}); answering it anyway, so another replica may answer "
          + "it too", kind, id, e.getMessage());
      return true;
    }
  }

  /** Deletes expired claims; a failure is counted and logged, and the next run tries again. */
  public void pruneClaims() {
    if (coolingDown()) {
      return;
    }
    try {
      int pruned = call("prune", () -> store.pruneClaims(clock.instant()));
      log.debug("pruned {} expired claim(s)", pruned);
    } catch (StoreUnavailableException e) {
      log.warn("could not prune expired claims: {}; trying again later", e.getMessage());
    }
  }

  private <T> T call(String operation, Supplier<T> work) {
    try {
      T result = work.get();
      failing = false;
      return result;
    } catch (StoreUnavailableException e) {
      failedAt = ticker.read();
      failing = true;
      failures.failed(operation);
      throw e;
    }
  }

  private boolean coolingDown() {
    return failing && ticker.read() - failedAt < COOL_DOWN.toNanos();
  }

  private static Set<TalkId> ids(List<AgendaEntry> entries) {
    return entries.stream().map(AgendaEntry::talk).collect(Collectors.toUnmodifiableSet());
  }
}
