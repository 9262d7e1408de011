package io.istiocon.bot.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The words of general English (SCOWL's common list, see {@code english-words.NOTICE}). A word a
 * question uses that the catalog lacks and English lacks too is most likely a product, project or
 * protocol ("dapr", "quic", "ipv6"): the most specific thing asked for, which no session covers.
 * Loaded on first use, once.
 */
final class EnglishWords {
  private EnglishWords() {}

  private static final class Holder {
    static final Set<String> WORDS = load();
  }

  /** Returns whether a folded word is general English. */
  static boolean contains(String word) {
    return Holder.WORDS.contains(word);
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>(100_000);
    try (InputStream in = EnglishWords.class.getResourceAsStream("english-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("english-words.txt is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty() && line.charAt(0) != '#') {
          words.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
