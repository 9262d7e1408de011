package io.istiocon.bot.slack;

import io.istiocon.bot.search.QueryParser;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a More or Share button needs to show a page again, carried in the button's value so
 * that any replica can answer the click: the question, the first hit to show and the minute the
 * question was asked (so "what's on now" pages through the same answer).
 */
record PageToken(String question, int offset, long minute) {
  private static final String VERSION = "1";
  static final int MAX_OFFSET = 10_000;

  PageToken {
    Objects.requireNonNull(question, "question");
    if (question.codePointCount(0, question.length()) > QueryParser.MAX_LENGTH) {
      throw new IllegalArgumentException("question must be at most " + QueryParser.MAX_LENGTH + " characters");
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException("offset must be from 0 to " + MAX_OFFSET + ", got " + offset);
    }
    if (minute < 0) {
      throw new IllegalArgumentException("minute must not be negative, got " + minute);
    }
  }

  /** Returns the start of the minute the question was asked. */
  Instant asked() {
    return Instant.ofEpochSecond(minute * 60);
  }

  /** Returns the button value; at most about 1,020 characters, under Block Kit's 2,000. */
  String encode() {
    return VERSION + "|" + offset + "|" + minute + "|" + question;
  }

  /** Reads a button value; empty for anything this version did not write. */
  static Optional<PageToken> decode(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split("\\|", 4);
    if (parts.length != 4 || !parts[0].equals(VERSION)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PageToken(parts[3], Integer.parseInt(parts[1]), Long.parseLong(parts[2])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
