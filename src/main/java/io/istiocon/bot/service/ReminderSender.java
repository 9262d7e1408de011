package io.istiocon.bot.service;

import io.istiocon.bot.agenda.TalkRecord;
import io.istiocon.bot.catalog.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What reminders and change notices need from Slack, as a port the service owns: schedule a DM that
 * Slack posts later, delete one, and send a DM or a channel message now. The Slack adapter
 * implements it with {@code chat.scheduleMessage}, {@code chat.deleteScheduledMessage} and
 * {@code chat.postMessage}; tests and the benchmark with fakes. {@link #schedule} and
 * {@link #delete} make one attempt and say what happened, so that a rate-limited reminder stays
 * pending in the store rather than holding a thread.
 */
public interface ReminderSender {
  /** How an attempt ended. */
  enum Kind {
    /** Done. */
    OK,
    /** Slack: {@code time_in_past}, the post time has passed. */
    TIME_IN_PAST,
    /** Slack: {@code time_too_far}, more than 120 days ahead. */
    TIME_TOO_FAR,
    /** Slack: {@code restricted_too_many}, over 30 messages within 5 minutes to that channel. */
    TOO_MANY,
    /** HTTP 429: try again after {@link Result#retryAfter()}. */
    RATE_LIMITED,
    /** Delete only: {@code invalid_scheduled_message_id}, the message was posted or deleted already. */
    GONE,
    /** Slack could not be reached or failed (5xx, network): worth trying again later. */
    FAILED,
    /** Slack said no for another reason ({@code channel_not_found}, a missing scope, ...): trying again will not help. */
    REFUSED
  }

  /**
   * What an attempt did.
   *
   * @param channel the DM channel Slack scheduled the message in (schedule, OK only)
   * @param scheduledMessageId the id Slack gave it (schedule, OK only)
   * @param retryAfter how long Slack asked to wait (RATE_LIMITED only), else zero
   * @param error Slack's error code, for the log; null when OK
   */
  record Result(Kind kind, String channel, String scheduledMessageId, Duration retryAfter, String error) {
    public Result {
      Objects.requireNonNull(kind, "kind");
      retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    /** Returns a scheduled message. */
    public static Result scheduled(String channel, String scheduledMessageId) {
      return new Result(Kind.OK, channel, Objects.requireNonNull(scheduledMessageId), Duration.ZERO, null);
    }

    /** Returns an attempt that ended without a message. */
    public static Result of(Kind kind, String error) {
      return new Result(kind, null, null, Duration.ZERO, error);
    }

    /** Returns a 429. */
    public static Result rateLimited(Duration retryAfter) {
      return new Result(Kind.RATE_LIMITED, null, null, retryAfter, "ratelimited");
    }
  }

  /** What changed about a saved talk, for a notice. */
  enum Change {
    /** It starts or ends at another time. */
    MOVED,
    /** The catalog no longer has it. */
    CANCELLED,
    /** Another title or room, same time. */
    CHANGED
  }

  /**
   * A change to tell about.
   *
   * @param was the talk as last recorded
   * @param now the talk as the catalog has it now; null when cancelled
   */
  record Notice(Change change, TalkRecord was, Session now) {
    public Notice {
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(was, "was");
      if ((change == Change.CANCELLED) != (now == null)) {
        throw new IllegalArgumentException("a cancelled talk has no new version, and only it");
      }
    }
  }

  /** Schedules the talk's reminder in the user's DM, posted at {@code postAt}: {@code minutes} before it starts. */
  Result schedule(String userId, Session talk, Instant postAt);

  /** Deletes a scheduled message. */
  Result delete(String channel, String scheduledMessageId);

  /** Tells the user in a DM about a change to a talk they saved; returns whether Slack took it. */
  boolean notice(String userId, Notice notice);

  /** Tells the user in a DM why their reminder of {@code talk} could not be set; returns whether Slack took it. */
  boolean refused(String userId, Session talk, Kind why);

  /** Posts one summary of changes to saved talks in a channel; returns whether Slack took it. */
  boolean announce(String channel, List<Notice> notices);
}
