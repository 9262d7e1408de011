package io.istiocon.bot.search;

import io.istiocon.bot.catalog.SessionType;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A question's words and which of them a reader has consumed, with the small matchers the readers
 * share: take a word, take a run of words, look without taking. What no reader takes is topic.
 */
final class Words {
  final List<Text.Word> words;
  final boolean[] used;
  final Set<SessionType> types = EnumSet.noneOf(SessionType.class);
  final Set<String> languages = new LinkedHashSet<>();
  final Set<DayRef> days = new LinkedHashSet<>();
  Query.Time time = Query.Time.ANY;
  Query.Lead lead = Query.Lead.NONE;
  boolean popular;

  Words(List<Text.Word> words) {
    this.words = words;
    this.used = new boolean[words.size()];
  }

  String word(int i) {
    return words.get(i).text();
  }

  boolean has(String w) {
    for (Text.Word word : words) {
      if (word.text().equals(w)) {
        return true;
      }
    }
    return false;
  }

  boolean hasSeq(String... seq) {
    return find(seq) >= 0;
  }

  int unusedContentCount() {
    int n = 0;
    for (int i = 0; i < words.size(); i++) {
      if (!used[i] && !Lexicon.isFiller(word(i))) {
        n++;
      }
    }
    return n;
  }

  /** Marks every unused occurrence of any of the words; returns whether there was one. */
  boolean takeAny(String... ws) {
    boolean found = false;
    for (int i = 0; i < words.size(); i++) {
      if (used[i]) {
        continue;
      }
      for (String w : ws) {
        if (word(i).equals(w)) {
          used[i] = true;
          found = true;
          break;
        }
      }
    }
    return found;
  }

  private int find(String... seq) {
    outer:
    for (int i = 0; i + seq.length <= words.size(); i++) {
      for (int k = 0; k < seq.length; k++) {
        if (used[i + k] || !word(i + k).equals(seq[k])) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Marks a run of words; returns whether it was there. */
  boolean takeSeq(String... seq) {
    int at = find(seq);
    if (at < 0) {
      return false;
    }
    for (int k = 0; k < seq.length; k++) {
      used[at + k] = true;
    }
    return true;
  }

  /** Marks all but the last word of a run ("best" of "best talks"), leaving the noun. */
  boolean takeSeqKeepLast(String... seq) {
    int at = find(seq);
    if (at < 0) {
      return false;
    }
    for (int k = 0; k < seq.length - 1; k++) {
      used[at + k] = true;
    }
    return true;
  }
}
