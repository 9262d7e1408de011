package io.istiocon.bot.files;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads typed values out of one mapping's fields (or one list's items); each missing or bad value
 * becomes a problem at the value's position, under the mapping's name (such as {@code sessions[3]
 * (id a4p)}), and reads as null so that checking goes on.
 */
final class Fields {
  private final Problems problems;
  private final Node map;
  private final String where;

  /** Creates a reader of {@code map}'s fields; {@code where} names the mapping in every problem. */
  Fields(Problems problems, Node map, String where) {
    this.problems = problems;
    this.map = map;
    this.where = where;
  }

  /** Returns the name problems give this mapping, such as {@code conference}. */
  String where() {
    return where;
  }

  /** Returns the value written for a field, or null when the field is absent. */
  Node node(String field) {
    return map.fields.get(field);
  }

  /** Adds a problem at a node under this mapping's name. */
  void problem(Node at, String message) {
    problems.add(at, where, message);
  }

  /** Adds a problem where {@code key} is written in {@code keys}, a mapping inside or equal to this one. */
  void problemAtKey(Node keys, String key, String message) {
    int[] at = keys.keyLocations.get(key);
    problems.addAt(at[0], at[1], where, message);
  }

  /** Returns whether a value is of the kind wanted, adding a problem when not. */
  boolean expect(Node value, Node.Kind kind, String what) {
    return problems.expect(value, kind, what, where);
  }

  /** Adds a problem for each field not in {@code allowed}, suggesting the nearest allowed one. */
  void rejectUnknown(List<String> allowed) {
    List<String> shown = allowed.stream().filter(a -> !a.startsWith("$")).toList();
    for (Map.Entry<String, int[]> e : map.keyLocations.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        problemAtKey(map, e.getKey(), "unknown field \"" + e.getKey() + "\""
            + DidYouMean.suffix(e.getKey(), shown) + " (allowed: " + String.join(", ", shown) + ")");
      }
    }
  }

  /** Returns a field's value, or null after adding a problem when it is absent or empty. */
  Node require(String field) {
    Node n = node(field);
    if (n == null || n.isNull()) {
      problem(n == null ? map : n, field + " is missing");
      return null;
    }
    return n;
  }

  /** Returns a scalar's text as written, or null after adding a problem when it is a list or mapping. */
  String text(Node value, String what) {
    if (value.kind == Node.Kind.STRING) {
      return value.text;
    }
    if (value.kind == Node.Kind.INTEGER || value.kind == Node.Kind.DECIMAL || value.kind == Node.Kind.BOOLEAN) {
      return value.text; // YAML reads "2021" or "yes" as non-text; the value is still what was written
    }
    problem(value, what + " must be text, found " + value.describe());
    return null;
  }

  /** Returns a required field's text, or null after adding a problem. */
  String requireText(String field) {
    Node n = require(field);
    return n == null ? null : text(n, field);
  }

  /** Returns an optional field's text; null when absent, empty or bad. */
  String optionalText(String field) {
    Node n = node(field);
    return n == null || n.isNull() ? null : text(n, field);
  }

  /** Returns an optional true/false field; false when absent, empty or bad. */
  boolean optionalBoolean(String field) {
    Node n = node(field);
    if (n == null || n.isNull()) {
      return false;
    }
    if (n.kind != Node.Kind.BOOLEAN) {
      problem(n, field + " must be true or false, found " + n.describe());
      return false;
    }
    return Boolean.parseBoolean(n.text);
  }

  /** Returns an optional whole number that is not negative; empty when absent, empty or bad. */
  OptionalInt optionalCount(String field) {
    Node n = node(field);
    if (n == null || n.isNull()) {
      return OptionalInt.empty();
    }
    if (n.kind != Node.Kind.INTEGER) {
      problem(n, field + " must be a whole number, found " + n.describe() + (n.text == null ? "" : " \"" + n.text + "\""));
      return OptionalInt.empty();
    }
    try {
      int value = Integer.parseInt(n.text);
      if (value < 0) {
        problem(n, field + " " + value + " must not be negative");
        return OptionalInt.empty();
      }
      return OptionalInt.of(value);
    } catch (NumberFormatException e) {
      problem(n, field + " " + n.text + " is too large");
      return OptionalInt.empty();
    }
  }

  /** Returns a required ISO-8601 instant with Z or an offset, or null after adding a problem. */
  Instant instant(String field) {
    String text = requireText(field);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeException e) {
      problem(node(field), field + " \"" + text + "\" is not an ISO-8601 instant"
          + " (such as 2021-02-22T16:00:00Z; include Z or an offset)");
      return null;
    }
  }

  /** Returns a required ISO-8601 date; an instant counts as its day in {@code zone} (UTC when null). */
  LocalDate date(String field, ZoneId zone) {
    String text = requireText(field);
    if (text == null) {
      return null;
    }
    String t = text.strip();
    try {
      return LocalDate.parse(t);
    } catch (DateTimeException notDate) {
      try {
        return OffsetDateTime.parse(t).toInstant().atZone(zone == null ? ZoneId.of("UTC") : zone).toLocalDate();
      } catch (DateTimeException e) {
        problem(node(field), field + " \"" + text + "\" is not an ISO-8601 date (such as 2021-02-22)");
        return null;
      }
    }
  }

  /** Returns a required IANA time zone, or null after adding a problem. */
  ZoneId zone(String field) {
    String text = requireText(field);
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      problem(node(field), field + " \"" + text + "\" is not an IANA time zone (such as America/Los_Angeles or UTC)");
      return null;
    }
  }

  /** Returns a required http(s) URL, or null after adding a problem. */
  URI requiredUrl(String field) {
    String text = requireText(field);
    return text == null ? null : url(field, text);
  }

  /** Returns an optional http(s) URL; null when absent, blank or bad. */
  URI optionalUrl(String field) {
    String text = optionalText(field);
    return text == null || text.isBlank() ? null : url(field, text);
  }

  private URI url(String field, String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // fall through to the problem below
    }
    problem(node(field), field + " \"" + text + "\" is not an http(s) URL");
    return null;
  }
}
