package io.istiocon.bot.files;

import io.istiocon.bot.catalog.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the problems found in one file, each pinned to a line and column, in the order found. */
final class Problems {
  private final String file;
  private final List<Problem> found = new ArrayList<>();

  /** Creates an empty collection; {@code file} is how each problem names the file. */
  Problems(String file) {
    this.file = file;
  }

  /** Adds a problem at a node, or at the start of the file when there is no node. */
  void add(Node at, String where, String message) {
    found.add(new Problem(file, at == null ? 1 : at.line, at == null ? 1 : at.column, where, message));
  }

  /** Adds a problem at a line and column, moved to 1 when the parser knew no better. */
  void addAt(int line, int column, String where, String message) {
    found.add(new Problem(file, Math.max(1, line), Math.max(1, column), where, message));
  }

  /** Returns whether the node is of the kind wanted, and adds a problem naming both kinds when not. */
  boolean expect(Node n, Node.Kind kind, String what, String where) {
    if (n.kind == kind) {
      return true;
    }
    String wanted = switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      default -> kind.name().toLowerCase(Locale.ROOT);
    };
    add(n, where, what + " must be " + wanted + ", found " + n.describe());
    return false;
  }

  /** Returns how many problems were found so far. */
  int count() {
    return found.size();
  }

  /** Returns whether no problem was found. */
  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Returns the problems found, in order. */
  List<Problem> list() {
    return List.copyOf(found);
  }
}
