package io.istiocon.bot.agenda;

/**
 * What a claim stands for. Ids of different kinds never collide, so a Slack event id and an
 * interaction id that happen to be equal are claimed separately.
 */
public enum ClaimKind {
  /** A Slack Events API delivery, by its {@code event_id}; retries carry the same id. */
  SLACK_EVENT,
  /** A Slack interaction (a button click), by an id the Slack side derives from the payload. */
  SLACK_INTERACTION;

  /** The longest claim id the store accepts. */
  public static final int MAX_ID_LENGTH = 200;
}
