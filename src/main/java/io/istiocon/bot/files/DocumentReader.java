package io.istiocon.bot.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML or JSON document into a {@link Node} tree; a file it cannot read, an empty file,
 * a syntax error or a second document becomes a problem with its line and column.
 */
final class DocumentReader {
  private final long maxBytes;
  private final YAMLFactory yaml;
  private final JsonFactory json;

  /** Creates a reader that refuses files larger than {@code maxBytes}. */
  DocumentReader(long maxBytes) {
    this.maxBytes = maxBytes;
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes));
    // Jackson reads an alias such as *a as the text "a" and never expands it, so an alias bomb stays
    // small whatever this says; the limit only matters should Jackson ever start composing aliases.
    options.setMaxAliasesForCollections(50);
    StreamReadConstraints nesting = StreamReadConstraints.builder().maxNestingDepth(64).build();
    this.yaml = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(nesting).build();
    this.json = JsonFactory.builder().streamReadConstraints(nesting).build();
  }

  /** Returns the file's bytes, or null after adding a problem when it is missing, unreadable or too large. */
  byte[] readBytes(Path path, Problems problems) {
    try {
      long size = Files.size(path);
      if (size > maxBytes) {
        problems.addAt(1, 1, "", "file is " + size + " bytes; the limit is " + maxBytes);
        return null;
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      problems.addAt(1, 1, "", "no such file");
    } catch (IOException | RuntimeException e) {
      problems.addAt(1, 1, "", "cannot read the file: " + e);
    }
    return null;
  }

  /** Returns the document's tree, or null after adding a problem; JSON when {@code name} ends in .json. */
  Node parse(byte[] bytes, String name, Problems problems) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      problems.addAt(1, 1, "", "the file is empty; a catalog needs a \"conference\" and \"sessions\"");
      return null;
    }
    boolean isJson = name.toLowerCase(Locale.ROOT).endsWith(".json");
    try (JsonParser parser = isJson ? json.createParser(text) : yaml.createParser(text)) {
      Node root = Node.read(parser, (key, line, column, firstLine) ->
          problems.addAt(line, column, "", "duplicate key \"" + key + "\" (first on line " + firstLine + ")"));
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        problems.addAt(at.getLineNr(), at.getColumnNr(), "", "more than one document in the file; keep one");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : at.getLineNr();
      int column = at == null ? 1 : at.getColumnNr();
      problems.addAt(line, column, "", (isJson ? "JSON" : "YAML") + " syntax error: " + syntaxMessage(e));
      return null;
    } catch (IOException | RuntimeException e) {
      problems.addAt(1, 1, "", "cannot parse the file: " + e.getMessage());
      return null;
    }
  }

  /** Turns a parser's multi-line message into one line without the parser's own position notes. */
  static String syntaxMessage(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    StringBuilder out = new StringBuilder();
    for (String line : message.split("\n")) {
      if (isPositionNote(line)) {
        continue;
      }
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(line.strip());
    }
    String result = out.toString().replaceAll(" ?\\(for Object starting at \\[Source.*", "");
    return result.isEmpty() ? message.strip() : result;
  }

  /** Returns whether a line of a parser's message only says where: a blank, a caret, a quoted source line. */
  private static boolean isPositionNote(String line) {
    String l = line.strip();
    if (l.isEmpty() || l.startsWith("in 'reader'") || l.startsWith("in 'string'") || l.startsWith("^")
        || l.startsWith("at [Source")) {
      return true;
    }
    return line.startsWith("    ") && !l.startsWith("found") && !l.startsWith("expected");
  }
}
