package io.istiocon.bot.search;

import io.istiocon.bot.catalog.SessionType;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A question's words, which of them a reader has consumed, and what the readers found. The small
 * matchers the readers share: take a word, take a run of words, look without taking. What no
 * reader takes is topic. Words inside an exclusion ("not the lightning ones") are {@link #negated}:
 * a reader that takes one files what it found under the exclusions.
 */
final class Words {
  final List<Text.Word> words;
  final boolean[] used;
  final boolean[] negated;
  final Set<SessionType> types = EnumSet.noneOf(SessionType.class);
  final Set<String> languages = new LinkedHashSet<>();
  final Set<SessionType> notTypes = EnumSet.noneOf(SessionType.class);
  final Set<String> notLanguages = new LinkedHashSet<>();
  final Set<DayRef> days = new LinkedHashSet<>();
  Query.Lead lead = Query.Lead.NONE;
  Query.Order order = Query.Order.NONE;
  int pick;
  Duration length;
  /** -1 when the length is the most a session may last ("shorter than 15 minutes"), 1 the least, 0 about it. */
  int lengthBound;
  // What the time reader found (see When).
  boolean everyDay;
  LocalTime from;
  LocalTime to;
  When.Around around;
  ZoneId zone;
  When.Relation relation;
  When.Clip clip = When.Clip.NONE;
  When.Reference reference;
  /** The live viewers asked for ("more than 500 viewers"), or null. */
  Query.Audience audience;
  /** Whether the asker told the time it is where they are ("it's 9pm here in nyc"): the moment of asking. */
  boolean toldTheTime;
  /** Whether the question asks what was missed: sessions that ran before the moment of asking. */
  boolean missed;
  /** Whether the question names the whole event ("this week", "the whole conference"): no day in particular. */
  boolean wholeEvent;
  /** Whether the span came as "in 10 minutes", which means the moment then when asking what is on. */
  boolean inSpan;

  /** Positions of the words that start a part of the sentence, after a comma, a full stop, a bracket. */
  private final java.util.BitSet clauseStarts = new java.util.BitSet();

  /** Positions where words written with a hyphen or dot start ("day-two", "istio.io"). */
  private final Set<Integer> glued = new java.util.HashSet<>();

  Words(List<Text.Word> words) {
    this.words = words;
    this.used = new boolean[words.size()];
    this.negated = new boolean[words.size()];
  }

  /** Remembers the compounds of the question, as {@link Text#words} glues them. */
  void compounds(List<Text.Word> joined) {
    for (Text.Word word : joined) {
      if (word.joined()) {
        glued.add(word.position());
      }
    }
  }

  /** Remembers where the parts of the sentence start, as {@link Text#words(String, java.util.BitSet)} finds them. */
  void clauses(java.util.BitSet starts) {
    clauseStarts.or(starts);
  }

  /** Returns whether the word at {@code i} starts a part of the sentence (it follows a comma, a full stop...). */
  boolean clauseStart(int i) {
    return i > 0 && i < words.size() && clauseStarts.get(words.get(i).position());
  }

  /** Returns whether the word at {@code i} was written joined to the next ("day-two"). */
  boolean glued(int i) {
    return i >= 0 && i < words.size() && glued.contains(words.get(i).position());
  }

  int size() {
    return words.size();
  }

  /** Returns the word at {@code i}, or "" past either end. */
  String at(int i) {
    return i >= 0 && i < words.size() ? words.get(i).text() : "";
  }

  /** Returns whether the word at {@code i} exists and no reader has taken it. */
  boolean free(int i) {
    return i >= 0 && i < words.size() && !used[i];
  }

  /** Marks the words from {@code from} to {@code to}, exclusive, as taken. */
  void take(int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(to, words.size()); i++) {
      used[i] = true;
    }
  }

  /** Returns whether the word at {@code i} is one of {@code options}. */
  boolean is(int i, Set<String> options) {
    return options.contains(at(i));
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

  /** Returns where the first unused run of {@code seq} starts, or -1. */
  int find(String... seq) {
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

  /**
   * Marks the words an exclusion covers ("not the lightning ones", "other than Intel", "without
   * the Chinese sessions", "excluding keynotes", "no keynotes"): from the cue up to four words,
   * stopping at a word that starts a new part of the question.
   */
  void markExclusions() {
    for (int i = 0; i < words.size(); i++) {
      if (POST_CUES.contains(at(i)) || at(i).equals("not") && at(i + 1).equals("included")) {
        // "keynotes excluded", "google talks, keynotes aside": the word before is excluded
        int j = i - 1;
        if (j >= 0 && !used[j] && !Lexicon.isFiller(at(j))) {
          negated[j] = true;
          take(i, at(i).equals("not") ? i + 2 : i + 1);
        }
        continue;
      }
      int after = exclusionCue(i);
      if (after < 0) {
        continue;
      }
      for (int j = after, n = 0; j < words.size() && n < 4; j++) {
        String w = at(j);
        if (j > after && Set.of("and", "or", "nor").contains(w) && (isFilterWord(at(j + 1))
            || Set.of("the", "a", "any").contains(at(j + 1)) && isFilterWord(at(j + 2)))) {
          continue; // "other than keynotes and workshops", "minus the keynote and the adoption story"
        }
        if (j > after && (SCOPE_ENDS.contains(w) || clauseStart(j) || exclusionCue(j) >= 0)) {
          break;
        }
        negated[j] = true;
        n += Lexicon.isFiller(w) ? 0 : 1;
      }
      take(i, after);
    }
  }

  private static final Set<String> POST_CUES = Set.of("excluded", "aside", "omitted");
  private static final Set<String> NEGATIONS = Set.of("not", "no", "arent", "isnt", "dont", "doesnt", "wasnt", "werent");

  private static boolean isFilterWord(String w) {
    return TypeWords.single(w) != null || DayReader.isWeekday(w)
        || Set.of("chinese", "english", "mandarin", "adoption", "user", "case", "end").contains(w);
  }

  private static final Set<String> SCOPE_ENDS = Set.of("that", "which", "who", "about", "on", "with", "for", "during",
      "at", "is", "are", "please", "but", "and", "so", "because", "since", "when", "where", "in");

  /** Returns the index just past an exclusion cue starting at {@code i}, or -1. */
  private int exclusionCue(int i) {
    String w = at(i);
    String next = at(i + 1);
    if (used[i]) {
      return -1;
    }
    if (w.equals("other") && next.equals("than") || w.equals("apart") && next.equals("from")
        || w.equals("aside") && next.equals("from") || w.equals("but") && next.equals("not")
        || w.equals("leaving") && next.equals("out")) {
      return i + 2;
    }
    // "not interested in the office hours", "don't care about keynotes", "not a fan of the lightning talks"
    if (NEGATIONS.contains(w) && (next.equals("interested") && at(i + 2).equals("in")
        || next.equals("care") && Set.of("about", "for").contains(at(i + 2)))) {
      return i + 3;
    }
    if (w.equals("not") && next.equals("a") && at(i + 2).equals("fan") && at(i + 3).equals("of")) {
      return i + 4;
    }
    if (w.equals("without") && Set.of("a", "an").contains(next)) {
      return -1; // "tls for a cache without an egress gateway" says how, it excludes nothing
    }
    if (Set.of("except", "excluding", "exclude", "without", "minus", "skip", "skipping", "ignore", "ignoring").contains(w)
        || w.equals("besides") && Set.of("the", "that", "those").contains(next)) {
      return i + 1;
    }
    if (w.equals("non") && (isFilterWord(next) || TimeReader.SESSION_NOUNS.contains(at(i + 2)))) {
      return i + 1; // "non-keynote talks", "non-wasm sessions"; but "non-http protocols" is a topic
    }
    if (NEGATIONS.contains(w) && (isFilterWord(next) || Set.of("the", "any", "in", "about", "on", "from", "by")
        .contains(next))) {
      return i + 1; // "not the lightning ones", "that aren't about contributing", "aren't in chinese"
    }
    return -1;
  }
}
