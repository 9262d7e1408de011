package io.istiocon.bot.agenda;

/**
 * What {@link AgendaStore#forget} deleted about one user, kind by kind, so the bot can say so.
 *
 * @param savedTalks how many saved talks were deleted
 * @param calendarLinks how many calendar feed links were revoked (a user has at most one)
 */
public record Forgotten(int savedTalks, int calendarLinks) {
  public Forgotten {
    if (savedTalks < 0) {
      throw new IllegalArgumentException("savedTalks must not be negative, got " + savedTalks);
    }
    if (calendarLinks < 0) {
      throw new IllegalArgumentException("calendarLinks must not be negative, got " + calendarLinks);
    }
  }

  /** Returns whether nothing was stored about the user. */
  public boolean isEmpty() {
    return savedTalks == 0 && calendarLinks == 0;
  }
}
