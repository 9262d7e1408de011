package io.istiocon.bot.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON value that remembers where it was written, so every error can name its line and
 * column. Built from Jackson's streaming parser, which reports token locations for both formats.
 */
final class Node {
  enum Kind { MAP, LIST, STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

  final Kind kind;
  final int line;
  final int column;
  final String text;
  final Map<String, Node> fields;
  final Map<String, int[]> keyLocations;
  final List<Node> items;

  private Node(Kind kind, int line, int column, String text) {
    this.kind = kind;
    this.line = line;
    this.column = column;
    this.text = text;
    this.fields = kind == Kind.MAP ? new LinkedHashMap<>() : Map.of();
    this.keyLocations = kind == Kind.MAP ? new LinkedHashMap<>() : Map.of();
    this.items = kind == Kind.LIST ? new ArrayList<>() : List.of();
  }

  boolean isNull() {
    return kind == Kind.NULL;
  }

  boolean isScalar() {
    return kind != Kind.MAP && kind != Kind.LIST;
  }

  /** Returns the kind as a reader would name it in an error. */
  String describe() {
    return switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      case STRING -> "text";
      case INTEGER -> "a whole number";
      case DECIMAL -> "a number";
      case BOOLEAN -> "true/false";
      case NULL -> "empty";
    };
  }

  /** Reads one document; duplicate keys are reported, not silently overwritten. */
  static Node read(JsonParser parser, DuplicateKeys duplicates) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      return new Node(Kind.NULL, 1, 1, null);
    }
    return value(parser, token, duplicates);
  }

  /** Receives keys written twice in one mapping. */
  interface DuplicateKeys {
    void report(String key, int line, int column, int firstLine);
  }

  private static Node value(JsonParser p, JsonToken token, DuplicateKeys duplicates) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    int line = Math.max(1, at.getLineNr());
    int column = Math.max(1, at.getColumnNr());
    switch (token) {
      case START_OBJECT -> {
        Node map = new Node(Kind.MAP, line, column, null);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonLocation keyAt = p.currentTokenLocation();
          int keyLine = Math.max(1, keyAt.getLineNr());
          int keyColumn = Math.max(1, keyAt.getColumnNr());
          Node child = value(p, p.nextToken(), duplicates);
          if (map.fields.containsKey(key)) {
            duplicates.report(key, keyLine, keyColumn, map.keyLocations.get(key)[0]);
          } else {
            map.fields.put(key, child);
            map.keyLocations.put(key, new int[] {keyLine, keyColumn});
          }
        }
        return map;
      }
      case START_ARRAY -> {
        Node list = new Node(Kind.LIST, line, column, null);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
          list.items.add(value(p, t, duplicates));
        }
        return list;
      }
      case VALUE_STRING -> {
        return new Node(Kind.STRING, line, column, p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return new Node(Kind.INTEGER, line, column, p.getText());
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Node(Kind.DECIMAL, line, column, p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node(Kind.BOOLEAN, line, column, p.getText());
      }
      case VALUE_NULL -> {
        return new Node(Kind.NULL, line, column, null);
      }
      default -> {
        // Embedded objects (YAML binary) and anything else: keep the text, let validation complain.
        return new Node(Kind.STRING, line, column, p.getText());
      }
    }
  }
}
