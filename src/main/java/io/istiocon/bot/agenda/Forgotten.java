package io.istiocon.bot.agenda;

/**
 * What {@link AgendaStore#forget} deleted about one user, kind by kind, so the bot can say so.
 *
 * @param savedTalks how many saved talks were deleted
 */
public record Forgotten(int savedTalks) {
  public Forgotten {
    if (savedTalks < 0) {
      throw new IllegalArgumentException("savedTalks must not be negative, got " + savedTalks);
    }
  }

  /** Returns whether nothing was stored about the user. */
  public boolean isEmpty() {
    return savedTalks == 0;
  }
}
