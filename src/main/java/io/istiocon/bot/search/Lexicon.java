package io.istiocon.bot.search;

import java.util.Arrays;
import java.util.Set;

/** Word lists the query parser and the index share. */
final class Lexicon {
  private Lexicon() {}

  /** Function words: they carry no topic, in questions or in titles. */
  static final Set<String> STOPWORDS = words(
      "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "from", "with", "by", "as",
      "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
      "there", "here", "into", "onto", "via", "vs", "than", "then", "so", "but", "if", "not", "no",
      "do", "does", "did", "doing", "done", "has", "have", "had", "will", "would", "should", "could",
      "can", "may", "might", "must", "shall", "your", "you", "yours", "our", "ours", "we", "us", "my",
      "me", "i", "im", "ive", "they", "them", "their", "he", "she", "his", "her", "what", "whats",
      "which", "who", "whom", "whose", "where", "when", "why", "how", "s", "t", "any", "some", "all",
      "about", "up", "out", "over", "under", "just", "also", "too", "very", "much", "many", "more",
      "most", "such", "own", "same", "other", "each", "both", "few", "only", "again", "once", "among",
      "amongst", "through", "throughout", "across", "along", "beyond", "despite", "during", "toward", "towards",
      "upon", "whether", "while", "whilst", "though", "although", "else", "really", "actually", "basically",
      "probably", "maybe", "perhaps", "quite", "rather", "even", "ever", "never", "always", "often", "usually",
      "still", "yet", "already", "anyway", "anyways", "within", "without", "whatever", "whichever", "got",
      "gets", "getting", "whole", "entire", "overall");

  /**
   * Words people wrap a question in: they name no topic ("show me", "are there any talks about",
   * "which session covers").
   */
  static final Set<String> FILLER = words(
      "show", "list", "give", "tell", "find", "search", "get", "see", "look", "looking", "want", "wanna",
      "need", "know", "like", "please", "pls", "thanks", "thank", "hey", "hi", "hello", "bot", "istiocon",
      "talk", "talks", "session", "sessions", "presentation", "presentations", "covers", "cover",
      "covered", "covering", "mention", "mentions", "mentioned", "mentioning", "discuss", "discusses",
      "discussed", "discussing", "regarding", "related", "relating", "anything", "something",
      "everything", "stuff", "topic", "topics", "thing", "things", "item", "items", "recommend", "recommended",
      "suggest", "interesting", "good", "great", "cool", "nice", "happening", "scheduled", "schedule",
      "program", "programme", "agenda", "lineup", "event", "events", "conference", "there", "available", "held",
      "given", "giving", "gives", "give", "presenting", "presents", "present", "presented",
      "speaking", "speaks", "speak", "spoke", "talking", "run", "running", "runs", "hosted", "hosting",
      "hosts", "host", "delivered", "delivering", "covering", "explain", "explains", "explained",
      "learn", "learning", "anyone", "someone", "somebody", "people", "person", "speaker", "speakers",
      "one", "ones", "let", "lets", "go", "going", "gonna", "company", "companies", "block", "blocks",
      "ok", "okay", "sorry", "ugh", "hmm", "um", "uh", "lol", "btw", "dumb", "silly", "stupid", "honestly",
      "arent", "isnt", "dont", "doesnt", "didnt", "wont", "cant", "wasnt", "werent", "havent", "hasnt", "ago", "ran",
      "involving", "involve", "involves", "concerning", "featuring", "share", "shares", "am", "queueing", "queuing",
      "dealing", "deals", "guys", "folks", "gave",
      // Chinese, as the pairs of characters Han text is read in: "talk", "share", "is there", "about", "which"...
      "演讲", "分享", "讲座", "议题", "报告", "有没", "没有", "关于", "有关", "相关", "哪些", "什么", "一下", "介绍一",
      "请问", "推荐", "会议", "大会");

  /**
   * Filler words that still carry topic when they are all there is: "run" in "how does eBay run
   * istio" is filler, but a question that is only "learning" keeps it.
   */
  static boolean isFiller(String word) {
    return STOPWORDS.contains(word) || FILLER.contains(word);
  }

  /** Words that ask for the program as a whole, when no topic is given. */
  static final Set<String> WHOLE_PROGRAM = words(
      "schedule", "program", "programme", "agenda", "all", "everything", "list", "lineup", "full");

  /** Words that ask for facts about the conference. */
  static final Set<String> ABOUT = words(
      "stats", "statistics", "registrants", "registered", "registration", "attendees", "attendance",
      "attended", "countries", "country", "viewers", "figures", "numbers", "istiocon", "conference",
      "event", "dates", "about", "website");

  /** Words that ask how to use the bot. */
  static final Set<String> HELP = words(
      "help", "usage", "commands", "command", "howto", "hi", "hello", "hey", "start", "examples",
      "example", "options", "menu", "usage");

  private static Set<String> words(String... words) {
    return Set.copyOf(Arrays.asList(words));
  }
}
