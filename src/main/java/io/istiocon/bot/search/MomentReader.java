package io.istiocon.bot.search;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Reads the moment of asking as a question means it: "now", "what's next", "later today", "what
 * did I miss", "which talk just finished?", "has it started yet?", "about to start", and tells
 * those words apart from the same words in the asker's own story ("right now we rotate certs by
 * hand"). Part of {@link TimeReader}'s grammar; runs after the clock times and parts of the day.
 */
final class MomentReader {
  private MomentReader() {}

  private static final Set<String> FIRST_PERSON = Set.of("i", "we", "our", "my", "us", "me");
  /** Who a story is about: "right now we rotate them", "now they want fault injection". */
  private static final Set<String> PRONOUNS = Set.of("i", "we", "our", "my", "us", "me", "they", "he", "she", "you",
      "their", "your");
  /** "we're", "i'm", "we've" as folded, and "are"/"am" after a first person. */
  private static final Set<String> FIRST_PERSON_BE = Set.of("were", "im", "weve", "ive");
  /** How soon "about to start" is. */
  private static final Duration ABOUT_TO = Duration.ofMinutes(30);
  /** How far ahead "has it started yet?" looks for the session still to come: longer than any conference. */
  private static final Duration NOT_OVER = Duration.ofDays(31);
  /** After 现在, the first character of what the asker does: want, need, plan, use. */
  private static final String STORY_HAN = "想要准打用";
  private static final Set<String> ON_AIR = Set.of("on", "live", "playing", "showing", "streaming", "happening",
      "running", "airing");
  private static final Set<String> PAST_VERBS = Set.of("went", "became", "got", "came", "built", "made", "began",
      "wrote", "found", "gave", "took", "ran", "broke", "saw", "spoke", "told", "said", "did");

  /**
   * Takes the moment words of the asker's own story as no time: "right now we rotate them by hand",
   * "we're currently on 1.6", "we currently run consul", "they later switched over to istio". A
   * question about the program names the moment apart from such a clause ("what's on right now,
   * we just joined").
   */
  private static void skipStory(Words w) {
    // "was there a talk on it?", "has anyone automated that?": a question about the program as a whole,
    // so "right now" and "now" belong to the asker's story
    boolean retrospective = w.hasSeq("was", "there") || w.hasSeq("were", "there") || w.hasSeq("did", "anyone")
        || w.hasSeq("did", "someone") || w.hasSeq("has", "anyone") || w.hasSeq("has", "someone")
        || w.hasSeq("did", "anybody") || w.hasSeq("anyone", "share") || w.hasSeq("anyone", "shared");
    for (int i = 0; i < w.size(); i++) {
      if (!w.free(i)) {
        continue;
      }
      int end = w.at(i).equals("right") && w.at(i + 1).equals("now") ? i + 2
          : w.at(i).equals("at") && w.at(i + 1).equals("the") && w.at(i + 2).equals("moment") ? i + 3
          : TimeReader.NOW.contains(w.at(i)) && !Text.isHan(w.at(i).codePointAt(0)) ? i + 1 : -1;
      boolean story = end > 0 && (PRONOUNS.contains(w.at(end)) && !w.clauseStart(end)
          || FIRST_PERSON.contains(w.at(i - 1)) && !w.clauseStart(i)
          || !w.clauseStart(i) && (FIRST_PERSON_BE.contains(w.at(i - 1))
          || Set.of("are", "am").contains(w.at(i - 1)) && FIRST_PERSON.contains(w.at(i - 2))));
      if (end == i + 1 && w.at(i - 1).endsWith("er") && w.at(i - 1).length() > 4 && !w.at(i - 1).equals("later")) {
        story = true; // "is it easier now in 1.9?"
      }
      if (end > 0 && !Text.isHan(w.at(i).codePointAt(0)) && (retrospective
          || end == i + 1 && Set.of("that", "but").contains(w.at(end)) // "now that we have thousands of proxies"
          || end == i + 1 && Set.of("out", "off").contains(w.at(i - 1)))) { // "heading out now"
        story = true;
      }
      if (w.at(i).equals("现在") && STORY_HAN.indexOf(w.at(i + 1).isEmpty() ? ' ' : w.at(i + 1).charAt(1)) >= 0) {
        story = true; // "我们现在想上 istio": what the asker wants now
        end = i + 1;
      }
      if (end == i + 1 && Set.of("and", "but", "so", "yet").contains(w.at(i - 1)) && !w.at(i + 1).isEmpty()
          && !w.clauseStart(i + 1) && !ON_AIR.contains(w.at(i + 1))) {
        story = true; // "we built our own years ago and now want to switch"
      }
      if (w.at(i).equals("later") && (PAST_VERBS.contains(w.at(i + 1))
          || w.at(i + 1).endsWith("ed") && w.at(i + 1).length() > 4 && !w.at(i + 1).equals("scheduled"))) {
        end = i + 1;
        story = true;
      }
      if (story) {
        w.take(i, end);
      }
    }
  }

  /**
   * Reads "about to start": at a clock time, the half hour from it ("9:45 in tokyo, anything live or
   * about to start?"); alone, the next half hour.
   */
  private static void readAboutToStart(Words w) {
    for (String verb : List.of("start", "begin", "kick")) {
      int at = w.find("about", "to", verb);
      if (at < 0) {
        continue;
      }
      w.take(at, at + (verb.equals("kick") && w.at(at + 3).equals("off") ? 4 : 3));
      if (w.from != null && w.from.equals(w.to)) {
        w.to = w.from.plusMinutes(ABOUT_TO.toMinutes());
        w.relation = When.Relation.RUNNING; // on at the time, or starting within the half hour
      } else if (w.around == null) {
        w.around = new When.Around(When.Kind.SPAN, Duration.ZERO, ABOUT_TO);
      }
    }
  }

  static void read(Words w) {
    w.takeSeq("from", "now", "on"); // "it's TLS-only from now on": no time of the program
    for (String going : List.of("going", "on", "running", "happening", "live")) {
      int at = w.find("still", going);
      // "is the social still going?", but not "half our fleet is still on VMs"
      if (at >= 0 && w.from == null && w.to == null && (w.at(at + 2).isEmpty() || w.clauseStart(at + 2))) {
        w.take(at, at + 2);
        w.around = When.Around.of(When.Kind.NOW);
      }
    }
    readAboutToStart(w);
    skipStory(w);
    for (String verb : List.of("happening", "started", "begun", "on", "live", "starting")) {
      int at = w.find(verb, "yet");
      if (at < 0) {
        continue;
      }
      if (Set.of("havent", "hasnt", "not", "didnt", "arent", "isnt").contains(w.at(at - 1))) {
        w.take(at - 1, at + 2);
        w.around = When.Around.of(When.Kind.NEXT); // "which lightning talks haven't started yet today?"
      } else {
        w.take(at, at + 2);
        // "has the multicluster workshop started yet?": whether it is on or still to come, so not over
        w.around = new When.Around(When.Kind.SPAN, Duration.ZERO, NOT_OVER);
        w.relation = When.Relation.RUNNING;
      }
    }
    // "what's" is read as "what" (a possessive 's), "whats" as written
    boolean alone = w.size() <= 3 && w.unusedContentCount() == 0 && w.from == null && w.to == null && w.around == null
        && w.reference == null;
    if (alone && (w.takeSeq("whats", "on") | w.takeSeq("what", "on") | w.takeSeq("what", "is", "on")
        | w.takeSeq("anything", "on") | w.takeSeq("whats", "happening") | w.takeSeq("what", "happening")
        | w.takeSeq("whats", "going", "on") | w.takeSeq("what", "going", "on"))) {
      w.around = When.Around.of(When.Kind.NOW); // "what's on" and nothing else: now
    }
    boolean now = w.takeSeq("right", "now") | w.takeAny(TimeReader.NOW.toArray(String[]::new))
        | w.takeSeq("at", "the", "moment")
        | w.takeSeq("at", "present") | w.takeSeq("on", "air") | w.takeSeq("this", "minute")
        | w.takeSeq("as", "we", "speak") | w.takeSeqKeepLast("current", "talk") | w.takeSeqKeepLast("current", "session")
        | w.takeSeq("in", "progress");
    if (now && w.around == null) {
      w.around = When.Around.of(When.Kind.NOW);
    }
    if (w.takeSeq("later", "today") | w.takeSeq("rest", "of", "the", "day") | w.takeSeq("rest", "of", "today")
        | w.takeSeq("still", "to", "come") | w.takeAny("later")) {
      w.around = w.around == null ? When.Around.of(When.Kind.LATER_TODAY) : w.around;
    }
    boolean missed = w.takeSeq("so", "far", "today") | w.takeSeq("did", "i", "miss") | w.takeAny("missed")
        | w.takeSeq("earlier", "today") | w.takeSeq("earlier", "on") | w.takeSeq("this", "morning", "already");
    int miss = w.find("miss");
    if (miss >= 0 && (w.has("did") || w.has("i") || w.has("we"))) {
      w.used[miss] = true; // "what did i just miss"
      missed = true;
    }
    if (missed && w.order == Query.Order.NONE && w.unusedContentCount() <= 3) {
      w.order = Query.Order.LATEST; // what was just missed comes first; with a topic, the best match does
    }
    w.missed = missed;
    for (String done : List.of("finished", "ended", "wrapped", "done", "over", "ending", "wrapping")) {
      int at = w.find("just", done);
      if (at >= 0) {
        w.used[at] = true; // "which talk just finished?": the latest over first; the verb stays for the relation
        w.missed = true;
        w.order = w.order == Query.Order.NONE ? Query.Order.LATEST : w.order;
      }
    }
    int earlier = w.find("earlier");
    if (earlier >= 0 && (w.unusedContentCount() <= 3 || w.has("today"))) {
      w.used[earlier] = true; // "what happened earlier?", not "earlier versions of istio"
      w.missed = true;
    }
    if (w.missed && (w.around != null || w.from != null || w.to != null)) {
      w.clip = When.Clip.TO_NOW; // "what did I miss this morning": the rest is cut in when(), once days are read
    }
    readNext(w);
    readStatus(w);
    for (String done : List.of("presented", "shown", "streamed", "discussed", "covered", "broadcast", "played", "aired",
        "talked", "demoed", "presenting")) {
      int at = w.find("being", done);
      if (at >= 0 && w.around == null && w.from == null && w.to == null && w.reference == null) {
        w.take(at, at + 2); // "what's being presented?": what is on now
        w.around = When.Around.of(When.Kind.NOW);
      }
    }
    boolean anchored = w.around != null || w.from != null || w.to != null || w.reference != null;
    for (int i = 0; i < w.size() && !anchored; i++) {
      // "which talk is live?", "anything streaming?": but "drawing diagrams live" is a topic
      if (w.free(i) && Set.of("live", "streaming", "airing", "playing", "showing").contains(w.at(i))
          && (Set.of("is", "are", "what", "whats", "anything", "something", "currently").contains(w.at(i - 1))
          || w.unusedContentCount() == 1)) {
        w.used[i] = true;
        w.around = When.Around.of(When.Kind.NOW);
        anchored = true;
      }
    }
  }

  /**
   * Takes a session said to be still on as the asker's situation when the question asks what comes
   * next: "workshop's still going but I'm not in it - what's the next thing that starts?" asks for
   * anything next, not the next workshop.
   */
  private static void readStatus(Words w) {
    if (w.around == null || w.around.kind() != When.Kind.NEXT) {
      return;
    }
    for (String going : List.of("going", "on", "running", "happening")) {
      int at = w.find("still", going);
      int subject = at - (Set.of("is", "s").contains(w.at(at - 1)) ? 2 : 1);
      if (at > 0 && w.free(subject) && (TypeWords.single(w.at(subject)) != null
          || TimeReader.SESSION_NOUNS.contains(w.at(subject)) && !w.at(subject).equals("one"))) {
        w.take(subject, at + 2);
        w.relation = w.relation == null ? When.Relation.STARTS : w.relation; // its "running" is no relation asked for
      }
    }
  }

  /** Words between "next" and its noun: "the next english-language talk", "the next lightning talk". */
  private static final Set<String> MODIFIERS = Set.of("english", "chinese", "language", "lightning", "live",
      "big", "main", "short", "technical", "tech", "adoption", "user", "actual", "real", "proper", "full", "length");
  private static final Set<String> NEXT_NOUNS = Set.of("talk", "talks", "session", "sessions", "presentation",
      "presentations", "one", "ones", "slot", "up", "item", "thing", "keynote", "workshop");

  private static void readNext(Words w) {
    w.takeSeq("as", "soon", "as"); // "as soon as sidecars are injected" says nothing about the time
    w.takeSeq("anytime", "soon"); // "not moving to k8s anytime soon"
    w.takeSeq("any", "time", "soon");
    boolean next = w.takeSeq("pick", "back", "up") | w.takeSeq("picks", "back", "up") | w.takeSeq("start", "again")
        | w.takeSeq("starts", "again") | w.takeAny("resume", "resumes") | takeHowLong(w) | takeUpcoming(w) | w.takeAny("afterwards", "接下来", "soon", "下一", "下个") | w.takeSeq("接下", "下来") | w.takeSeq("coming", "up")
        | w.takeSeq("up", "next") | w.takeSeq("after", "this") | w.takeSeq("after", "that");
    for (int i = 0; i < w.size(); i++) {
      if (!w.free(i) || !w.at(i).equals("next")) {
        continue;
      }
      String before = w.at(i - 1);
      int noun = i + 1;
      while (noun <= i + 3 && MODIFIERS.contains(w.at(noun))) {
        noun++; // "the next english-language talk"
      }
      String after = w.at(noun);
      if (w.unusedContentCount() == 1 || after.isEmpty() && w.unusedContentCount() <= 3 || NEXT_NOUNS.contains(after)
          || Set.of("what", "whats", "s", "is", "comes", "come").contains(before)) {
        w.used[i] = true;
        if (Set.of("comes", "come").contains(before) && w.free(i - 1)) {
          w.used[i - 1] = true; // "what comes next"
        }
        if (NEXT_NOUNS.contains(after) && !after.equals("keynote") && !after.equals("workshop")) {
          w.used[noun] = true;
        }
        next = true;
      }
    }
    if (next && w.around == null) {
      w.around = When.Around.of(When.Kind.NEXT);
    }
  }

  /** Takes "how long till", "how long until", "how much longer before": the answer is what comes. */
  private static boolean takeHowLong(Words w) {
    boolean found = false;
    for (String until : List.of("till", "til", "until", "untill", "before")) {
      found |= w.takeSeq("how", "long", until) | w.takeSeq("how", "much", "longer", until)
          | w.takeSeq("how", "many", "minutes", until) | w.takeSeq("how", "many", "hours", until);
    }
    return found;
  }

  /** Takes "upcoming" when it asks what comes ("what's upcoming", "upcoming talks"), not "the upcoming standard". */
  private static boolean takeUpcoming(Words w) {
    int at = w.find("upcoming");
    if (at < 0) {
      return false;
    }
    String after = w.at(at + 1);
    boolean asks = after.isEmpty() || NEXT_NOUNS.contains(after) || TypeWords.single(after) != null
        || Set.of("what", "whats", "s", "anything", "is", "any").contains(w.at(at - 1));
    if (asks) {
      w.used[at] = true;
    }
    return asks;
  }
}
