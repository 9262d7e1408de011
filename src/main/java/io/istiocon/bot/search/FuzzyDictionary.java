package io.istiocon.bot.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The catalog's own words in a trie, searched by edit distance (Damerau, optimal string
 * alignment) with rows of the distance table shared along common prefixes, so a lookup visits only
 * the branches that can still come within the bound. Candidates share the looked-up word's first
 * letter, or its second when the first two are swapped.
 */
public final class FuzzyDictionary {
  /** A dictionary word near the one looked up. */
  public record Candidate(String word, int distance) {}

  private static final class Node {
    char[] keys = new char[0];
    Node[] kids = new Node[0];
    String word;

    Node child(char c) {
      int i = Arrays.binarySearch(keys, c);
      return i >= 0 ? kids[i] : null;
    }

    Node add(char c) {
      int i = Arrays.binarySearch(keys, c);
      if (i >= 0) {
        return kids[i];
      }
      int at = -i - 1;
      char[] k = new char[keys.length + 1];
      Node[] n = new Node[kids.length + 1];
      System.arraycopy(keys, 0, k, 0, at);
      System.arraycopy(kids, 0, n, 0, at);
      k[at] = c;
      n[at] = new Node();
      System.arraycopy(keys, at, k, at + 1, keys.length - at);
      System.arraycopy(kids, at, n, at + 1, kids.length - at);
      keys = k;
      kids = n;
      return n[at];
    }
  }

  private final Node root = new Node();
  private int size;

  /** Builds a dictionary of the given words. */
  public FuzzyDictionary(Collection<String> words) {
    for (String word : words) {
      Node node = root;
      for (int i = 0; i < word.length(); i++) {
        node = node.add(word.charAt(i));
      }
      if (node.word == null) {
        node.word = word;
        size++;
      }
    }
  }

  int size() {
    return size;
  }

  /** Returns every word within {@code maxDistance} edits of {@code word}, excluding the word itself. */
  public List<Candidate> near(String word, int maxDistance) {
    List<Candidate> out = new ArrayList<>();
    if (maxDistance <= 0) {
      return out;
    }
    int cols = word.length() + 1;
    // One row of the distance table per trie depth, reused across branches: no allocation per node.
    int[][] rows = new int[cols + maxDistance + 1][cols];
    for (int j = 0; j < cols; j++) {
      rows[0][j] = j;
    }
    // People rarely get the first letter wrong, so only words that share it are searched (as
    // spell checkers commonly do); a swap of the first two letters is searched too ("sitio").
    // This keeps a two-edit search to a small part of the trie.
    Node first = root.child(word.charAt(0));
    if (first != null) {
      walk(first, word.charAt(0), '\0', 1, rows, word, maxDistance, out);
    }
    if (word.length() >= 2 && word.charAt(1) != word.charAt(0)) {
      Node second = root.child(word.charAt(1));
      if (second != null) {
        walk(second, word.charAt(1), '\0', 1, rows, word, maxDistance, out);
      }
    }
    out.removeIf(c -> c.word().equals(word));
    return out;
  }

  private static void walk(Node node, char ch, char prevCh, int depth, int[][] rows, String word, int max,
      List<Candidate> out) {
    if (depth >= rows.length) {
      return; // longer than any word within reach
    }
    int cols = word.length() + 1;
    int[] row = rows[depth];
    int[] prevRow = rows[depth - 1];
    int[] prevPrevRow = depth >= 2 ? rows[depth - 2] : null;
    row[0] = prevRow[0] + 1;
    int rowMin = row[0];
    for (int j = 1; j < cols; j++) {
      int cost = word.charAt(j - 1) == ch ? 0 : 1;
      int v = Math.min(Math.min(row[j - 1] + 1, prevRow[j] + 1), prevRow[j - 1] + cost);
      if (prevPrevRow != null && j > 1 && ch == word.charAt(j - 2) && prevCh == word.charAt(j - 1)) {
        v = Math.min(v, prevPrevRow[j - 2] + 1);
      }
      row[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (node.word != null && row[cols - 1] <= max) {
      out.add(new Candidate(node.word, row[cols - 1]));
    }
    if (rowMin > max) {
      return;
    }
    for (int k = 0; k < node.keys.length; k++) {
      walk(node.kids[k], node.keys[k], ch, depth + 1, rows, word, max, out);
    }
  }

  /** Returns up to {@code limit} words that start with {@code prefix}, excluding the prefix itself. */
  List<String> withPrefix(String prefix, int limit) {
    Node node = root;
    for (int i = 0; i < prefix.length() && node != null; i++) {
      node = node.child(prefix.charAt(i));
    }
    List<String> out = new ArrayList<>();
    if (node != null) {
      collect(node, prefix, limit, out);
    }
    return out;
  }

  private static void collect(Node node, String prefix, int limit, List<String> out) {
    if (out.size() >= limit) {
      return;
    }
    if (node.word != null && !node.word.equals(prefix)) {
      out.add(node.word);
    }
    for (Node kid : node.kids) {
      collect(kid, prefix, limit, out);
    }
  }
}
