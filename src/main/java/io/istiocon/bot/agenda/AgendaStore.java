package io.istiocon.bot.agenda;

import java.time.Instant;
import java.util.List;

/**
 * Where the bot keeps what it must remember across requests and replicas: each user's saved talks,
 * and claims that make a piece of work happen once. Every method may throw
 * {@link StoreUnavailableException} when the store cannot be reached; none leaves a change
 * half-written. Implementations are safe for use by many threads and many replicas at once.
 */
public interface AgendaStore {
  /** Saves a talk to the user's agenda; returns {@code false}, changing nothing, when it was already there. */
  boolean save(AgendaEntry entry);

  /** Removes a talk from the user's agenda; returns whether it was there. */
  boolean remove(String userId, String conference, String session);

  /** Returns the user's saved talks, oldest save first (program order needs the catalog). */
  List<AgendaEntry> list(String userId);

  /** Deletes everything stored about the user and returns what that was. */
  Forgotten forget(String userId);

  /**
   * Claims a piece of work; returns {@code true} for exactly one caller across all replicas, and
   * {@code false} to everyone after it until the claim is pruned at or after {@code expiresAt}.
   */
  boolean claim(ClaimKind kind, String id, Instant expiresAt);

  /** Deletes the claims that expired before {@code now}; returns how many. */
  int pruneClaims(Instant now);
}
