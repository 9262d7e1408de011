package io.istiocon.bot.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of general English (SCOWL's common list, see {@code english-words.NOTICE}). A word a
 * question uses that the catalog lacks and English lacks too is most likely a product, project or
 * protocol ("dapr", "quic", "ipv6"): the most specific thing asked for, which no session covers.
 * Products whose names are English words too ("consul", "vault", "swarm") are listed apart
 * ({@code products.txt}) and count as not English. Loaded on first use, once.
 */
final class EnglishWords {
  private EnglishWords() {}

  private static final class Holder {
    static final Set<String> WORDS = load("english-words.txt");
    static final Set<String> PRODUCTS = load("products.txt");
    static final Set<String> PLACES = places();
  }

  /**
   * Returns whether a folded word is general English and not also the name of a product of the
   * field. Countries and the names of their languages and people count as English ("japanese",
   * "indonesia"): they describe who is asked about, they are never the subject no session covers.
   */
  static boolean contains(String word) {
    return (Holder.WORDS.contains(word) || Holder.PLACES.contains(word)) && !Holder.PRODUCTS.contains(word);
  }

  /** Returns countries and languages by their English names, and common names of peoples, folded. */
  private static Set<String> places() {
    Set<String> out = new HashSet<>(List.of("american", "brazilian", "indian", "australian", "canadian", "swiss",
        "israeli", "singaporean", "european", "asian", "african", "mexican", "argentinian", "chilean", "british",
        "scottish", "irish", "danish", "swedish", "finnish", "norwegian", "polish", "turkish", "egyptian", "nigerian",
        "kenyan", "pakistani", "filipino", "taiwanese", "vietnamese", "thai", "malaysian", "korean", "emirati",
        "saudi", "belgian", "austrian", "czech", "ukrainian", "russian", "spanish", "portuguese", "greek"));
    for (String country : Locale.getISOCountries()) {
      out.add(Text.fold(new Locale("", country).getDisplayCountry(Locale.ENGLISH)));
    }
    for (String language : Locale.getISOLanguages()) {
      out.add(Text.fold(new Locale(language).getDisplayLanguage(Locale.ENGLISH)));
    }
    out.removeIf(name -> name.contains(" ") || name.isEmpty());
    return Set.copyOf(out);
  }

  /** Returns whether a folded word names a product of the field that is also an English word ("consul"). */
  static boolean isProduct(String word) {
    return Holder.PRODUCTS.contains(word);
  }

  private static Set<String> load(String resource) {
    Set<String> words = new HashSet<>(100_000);
    try (InputStream in = EnglishWords.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
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
