package io.istiocon.bot.agenda;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Where the calendar feed keeps what it must remember: each user's feed link, as a hash of its token
 * (the token itself is never stored, so a copy of the database opens nobody's feed), and each
 * talk's version, so that calendar apps see its {@code SEQUENCE} rise when it changes. Every method
 * may throw {@link StoreUnavailableException}; implementations are safe for many threads and
 * replicas, as {@link AgendaStore}'s are. {@link AgendaStore#forget} deletes the user's link too.
 */
public interface CalendarStore {
  /** Stores the user's first link; returns {@code false}, changing nothing, when they already have one. */
  boolean addCalendarLink(String userId, String tokenHash, Instant issuedAt);

  /** Stores a link for the user in place of any old one, which stops working at once. */
  void replaceCalendarLink(String userId, String tokenHash, Instant issuedAt);

  /** Returns the user whose link has this token hash; empty when no link has it (never had, or revoked). */
  Optional<String> calendarUser(String tokenHash);

  /**
   * Returns each talk's sequence number: 0 the first time a talk is seen, then one more each time it
   * is seen with another fingerprint than the one stored. Replicas passing the same change at once
   * raise it once between them, and a number never goes down.
   */
  Map<TalkVersion, Integer> sequences(Collection<TalkVersion> talks);
}
