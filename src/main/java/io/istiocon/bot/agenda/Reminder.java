package io.istiocon.bot.agenda;

import java.time.Instant;
import java.util.Objects;

/**
 * One reminder of a saved talk: a DM Slack posts {@code postAt}. While it waits for Slack it is
 * {@link State#PENDING}; once Slack holds it, {@link State#SCHEDULED}, with the id and the DM
 * channel {@code chat.scheduleMessage} answered with (both null while pending).
 */
public record Reminder(String userId, TalkId talk, Instant postAt, State state, String channel,
    String scheduledMessageId) {
  /** Where a reminder is. */
  public enum State {
    /** Not with Slack yet: too far ahead, rate limited, or about to be scheduled. */
    PENDING,
    /** Slack holds it, under {@code scheduledMessageId}. */
    SCHEDULED
  }

  public Reminder {
    AgendaEntry.checkId("userId", userId);
    Objects.requireNonNull(talk, "talk");
    Objects.requireNonNull(postAt, "postAt");
    Objects.requireNonNull(state, "state");
    if ((state == State.SCHEDULED) != (scheduledMessageId != null)) {
      throw new IllegalArgumentException("a scheduled reminder has a scheduled_message_id, and only it");
    }
  }

  /** Returns a reminder waiting to be scheduled. */
  public static Reminder pending(String userId, TalkId talk, Instant postAt) {
    return new Reminder(userId, talk, postAt, State.PENDING, null, null);
  }

  /** Returns this reminder as Slack holds it. */
  public Reminder scheduled(String channel, String scheduledMessageId) {
    return new Reminder(userId, talk, postAt, State.SCHEDULED, channel, Objects.requireNonNull(scheduledMessageId));
  }

  /** Returns whether Slack holds it. */
  public boolean isScheduled() {
    return state == State.SCHEDULED;
  }
}
