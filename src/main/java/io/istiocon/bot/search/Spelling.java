package io.istiocon.bot.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Corrects one question word against the catalog's own words: exact, the catalog's own rare
 * misspelling, a typo (an edit distance scaled to length), words run together ("ratelimitoperator"),
 * or a prefix. A correction is a guess, so it must be one the catalog bears out: a run-together
 * word is split only into words that some title or abstract uses in that order, or that some
 * session's labels hold together; a plain English word is no typo, and a word written as an
 * acronym or a product name ("QUIC", "IPv6", "OpenTelemetry") is meant as written, so neither is
 * corrected: an unknown specific term is never silently turned into a known generic one.
 */
final class Spelling {
  private static final float SPLIT_WEIGHT = 0.8f;
  private static final float FUZZY1_WEIGHT = 0.7f;
  private static final float FUZZY2_WEIGHT = 0.5f;
  private static final float PREFIX_WEIGHT = 0.5f;
  private static final float CATALOG_TYPO_WEIGHT = 0.2f;
  /** A run-together word is split only if it is at least this long ("redhat"), into pieces of two letters or more. */
  private static final int SPLIT_FROM = 5;

  private Spelling() {}

  /**
   * A question word after correction: the word it was read as ({@code best}), the index terms that
   * may stand for it with their weights, and how it was corrected, if it was.
   */
  record Correction(Text.Word word, String best, List<List<String>> alts, List<Float> weights, Kind kind) {
    /** How a word was read. */
    enum Kind { EXACT, TYPO, SPLIT, PREFIX, NONE }
  }

  /** Returns how many edits a typo of a word this long may have. */
  static int maxEdits(String word) {
    int n = word.length();
    return n < 4 ? 0 : n <= 6 ? 1 : 2;
  }

  /** Orders typo candidates: fewest edits, then the word more sessions use, then alphabetically. */
  static Comparator<FuzzyDictionary.Candidate> closestFirst(SearchIndex index) {
    return Comparator.comparingInt(FuzzyDictionary.Candidate::distance)
        .thenComparing(c -> -index.vocabulary().df(c.word()))
        .thenComparing(FuzzyDictionary.Candidate::word);
  }

  /** Corrects a word; {@code literal} words (acronyms, product names as written) are taken as they are. */
  static Correction correct(SearchIndex index, Text.Word word, Set<String> literal) {
    String w = word.text();
    String stem = word.han() ? w : Stemmer.stem(w);
    List<List<String>> alts = new ArrayList<>();
    List<Float> weights = new ArrayList<>();
    Vocabulary vocabulary = index.vocabulary();
    if (word.han() || vocabulary.df(w) > 0 || index.postings().hasStem(stem) || w.length() < 4 || isNumeric(w)) {
      String typoOf = word.han() ? null : catalogTypo(index, w);
      if (typoOf != null) {
        // The catalog's own rare misspelling ("Isito-cni") should not outrank what was meant.
        alts.add(List.of(Stemmer.stem(typoOf)));
        weights.add(1f);
        alts.add(List.of(stem));
        weights.add(CATALOG_TYPO_WEIGHT);
        return new Correction(word, typoOf, alts, weights, Correction.Kind.EXACT);
      }
      alts.add(List.of(stem));
      weights.add(1f);
      return new Correction(word, w, alts, weights, Correction.Kind.EXACT);
    }
    if (literal.contains(w) || EnglishWords.contains(w) || EnglishWords.isProduct(w)) {
      // An English word the catalog lacks is no typo of one it has ("serving" is not "service"), and an
      // acronym or product name as written is meant as written.
      return new Correction(word, w, alts, weights, Correction.Kind.NONE);
    }
    List<FuzzyDictionary.Candidate> near = new ArrayList<>(vocabulary.near(w, maxEdits(w)));
    if (w.length() == 4) {
      // A four-letter word is corrected by a swap or a change, or by the letter it dropped ("kafa" is
      // "kafka", "locl" "local"); an added letter makes a shorter word of it. Products are never
      // corrected ("quic" is not "quick"), see above.
      near.removeIf(c -> c.word().length() < 4);
    }
    if (!near.isEmpty()) {
      near.sort(closestFirst(index));
      int best = near.get(0).distance();
      for (FuzzyDictionary.Candidate c : near) {
        if (c.distance() > best || alts.size() >= 3) {
          break;
        }
        alts.add(List.of(Stemmer.stem(c.word())));
        weights.add(c.distance() == 1 ? FUZZY1_WEIGHT : FUZZY2_WEIGHT);
      }
      return new Correction(word, near.get(0).word(), alts, weights, Correction.Kind.TYPO);
    }
    List<String> pieces = split(index, w);
    if (pieces == null) {
      pieces = splitWithTypo(index, w);
    }
    if (pieces != null) {
      alts.add(pieces.stream().map(Stemmer::stem).toList());
      weights.add(SPLIT_WEIGHT);
      return new Correction(word, String.join(" ", pieces), alts, weights, Correction.Kind.SPLIT);
    }
    List<String> completions = new ArrayList<>(vocabulary.withPrefix(w, 64));
    completions.sort(Comparator.comparing((String c) -> -vocabulary.df(c)).thenComparing(c -> c));
    for (String completion : completions.subList(0, Math.min(3, completions.size()))) {
      alts.add(List.of(Stemmer.stem(completion)));
      weights.add(PREFIX_WEIGHT);
    }
    return completions.isEmpty() ? new Correction(word, w, alts, weights, Correction.Kind.NONE)
        : new Correction(word, completions.get(0), alts, weights, Correction.Kind.PREFIX);
  }

  /**
   * Splits words run together ("authpoliciesdeepdive") into the fewest catalog words, preferring
   * common ones, and keeps the split only if the catalog bears it out; null otherwise.
   */
  /**
   * Splits two words run together when the second has a typo ("ratelimt" is "rate limit"): the first
   * piece a catalog word of four letters or more, the second one edit from one, borne out like a split.
   */
  private static List<String> splitWithTypo(SearchIndex index, String w) {
    for (int k = 4; k <= w.length() - 4; k++) {
      String first = w.substring(0, k);
      if (index.vocabulary().df(first) == 0) {
        continue;
      }
      List<FuzzyDictionary.Candidate> near = new ArrayList<>(index.vocabulary().near(w.substring(k), 1));
      near.sort(closestFirst(index));
      for (FuzzyDictionary.Candidate c : near) {
        List<String> pieces = List.of(first, c.word());
        if (attested(index, pieces)) {
          return pieces;
        }
      }
    }
    return null;
  }

  static List<String> split(SearchIndex index, String w) {
    List<String> exact = split(index, w, false);
    return exact != null ? exact : split(index, w, true);
  }

  /** Splits as {@link #split(SearchIndex, String)} does; {@code shortened} also lets a piece stand for a longer word. */
  private static List<String> split(SearchIndex index, String w, boolean shortened) {
    if (w.length() < SPLIT_FROM) {
      return null;
    }
    int n = w.length();
    int[] pieces = new int[n + 1];
    double[] weight = new double[n + 1];
    int[] from = new int[n + 1];
    String[] meant = new String[n + 1]; // the catalog word a piece stands for, when it is short for one
    java.util.Arrays.fill(pieces, Integer.MAX_VALUE);
    pieces[0] = 0;
    for (int end = 2; end <= n; end++) {
      for (int start = Math.max(0, end - 24); start <= end - 2; start++) {
        if (pieces[start] == Integer.MAX_VALUE) {
          continue;
        }
        String piece = w.substring(start, end);
        int df = index.vocabulary().df(piece);
        String word = piece;
        if (df == 0 && Lexicon.STOPWORDS.contains(piece)) {
          df = 1; // "tamingistioconfigwithhelm": the catalog does not index "with", yet titles run it together
        } else if (df == 0 && shortened && piece.length() >= 5 && !EnglishWords.contains(piece)) {
          word = shortFor(index, piece); // "config" in "tamingistioconfigwithhelm"
          df = word == null ? 0 : 1;
        }
        if (df == 0) {
          continue;
        }
        double score = weight[start] + Math.log(1 + df);
        if (pieces[start] + 1 < pieces[end] || pieces[start] + 1 == pieces[end] && score > weight[end]) {
          pieces[end] = pieces[start] + 1;
          weight[end] = score;
          from[end] = start;
          meant[end] = word;
        }
      }
    }
    if (pieces[n] == Integer.MAX_VALUE || pieces[n] < 2 || n / pieces[n] < 3) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int end = n; end > 0; end = from[end]) {
      out.add(0, meant[end]);
    }
    return attested(index, out) ? out : null;
  }

  /** Returns whether some session uses the pieces in a row, or holds them all in its title, names or tags. */
  /** Returns the most used catalog word a piece is the start of ("config": "configuration"), or null. */
  private static String shortFor(SearchIndex index, String piece) {
    String best = null;
    for (String word : index.vocabulary().withPrefix(piece, 16)) {
      if (best == null || index.vocabulary().df(word) > index.vocabulary().df(best)) {
        best = word;
      }
    }
    return best;
  }

  private static boolean attested(SearchIndex index, List<String> pieces) {
    List<String> stems = new ArrayList<>();
    for (String piece : pieces) {
      if (!Lexicon.STOPWORDS.contains(piece)) {
        stems.add(Stemmer.stem(piece));
      }
    }
    int[] ids = index.postings().termIds(stems);
    return ids != null && ids.length > 0 && (index.postings().inARow(ids) || index.postings().labelsHoldAll(ids));
  }

  /**
   * Returns the word a rare catalog word is probably a misspelling of: the word appears in at most
   * five abstracts and nowhere else, and a word one edit away is used ten times as often.
   */
  private static String catalogTypo(SearchIndex index, String w) {
    int df = index.vocabulary().df(w);
    if (df == 0 || df > 5 || w.length() < 4 || index.vocabulary().isLabel(w)) {
      return null;
    }
    String best = null;
    int bestDf = Math.max(10, 10 * df);
    for (FuzzyDictionary.Candidate c : index.vocabulary().near(w, 1)) {
      int cdf = index.vocabulary().df(c.word());
      if (cdf >= bestDf) {
        best = c.word();
        bestDf = cdf;
      }
    }
    return best;
  }

  private static boolean isNumeric(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
