package io.istiocon.bot.agenda;

import java.util.Objects;

/** A message Slack holds that must be deleted ({@code chat.deleteScheduledMessage}) but could not be yet. */
public record Cancellation(String channel, String scheduledMessageId) {
  public Cancellation {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(scheduledMessageId, "scheduledMessageId");
  }
}
