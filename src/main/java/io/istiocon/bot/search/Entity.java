package io.istiocon.bot.search;

/**
 * A speaker, a company, a room, a track or a conference that a question can name; {@code docs}
 * are the sessions it stands for, in ascending order.
 */
record Entity(Kind kind, String label, int[] docs) {
  enum Kind { SPEAKER, COMPANY, ROOM, TRACK, CONFERENCE }
}
