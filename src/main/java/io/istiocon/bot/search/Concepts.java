package io.istiocon.bot.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a question's topic words into concepts: each word corrected against the catalog's own
 * vocabulary (exact, catalog misspelling, typo, split, prefix), then grouped into the speakers and
 * companies the catalog names, synonym phrases and compounds.
 */
final class Concepts {
  private static final float SYNONYM_WEIGHT = 0.9f;
  private static final float HAN_ATTESTED_WEIGHT = 0.5f;

  private Concepts() {}


  /** One idea in a question: a word or phrase, and the index terms that may stand for it. */
  static final class Concept {
    final String text;
    final boolean han;
    final List<List<String>> alternatives = new ArrayList<>();
    final List<Float> weights = new ArrayList<>();
    Entity entity;
    /** Whether the words are a glossary or synonym phrase: known to mean something, even if no session says it. */
    boolean glossed;

    Concept(String text, boolean han) {
      this.text = text;
      this.han = han;
    }

    void add(List<String> stems, float weight) {
      int at = alternatives.indexOf(stems);
      if (at >= 0) {
        weights.set(at, Math.max(weights.get(at), weight));
      } else {
        alternatives.add(List.copyOf(stems));
        weights.add(weight);
      }
    }

    /** Returns the stems that stand for the concept itself (its first alternative). */
    List<String> primary() {
      return alternatives.isEmpty() ? List.of() : alternatives.get(0);
    }
  }

  /** The concepts of a question's topic words, and how its words were read. */
  record Reading(List<Concept> concepts, List<Spelling.Correction> corrections) {}

  /** Reads topic words; {@code literal} words are taken as written, never corrected. */
  static Reading of(SearchIndex index, List<Text.Word> content, Set<String> literal) {
    List<Text.Word> words = new ArrayList<>();
    List<Text.Word> glueWords = new ArrayList<>();
    for (Text.Word word : content) {
      (word.joined() ? glueWords : words).add(word);
    }
    // A word split in pieces ("authpoliciesdeepdive") becomes one slot per piece, so the pieces can
    // name a speaker or company or start a synonym as typed words would; later words move along.
    List<Spelling.Correction> corrections = new ArrayList<>();
    List<Spelling.Correction> slots = new ArrayList<>();
    Map<Integer, Integer> moved = new HashMap<>(); // old position -> new position
    int extra = 0;
    for (Text.Word word : words) {
      Spelling.Correction c = Spelling.correct(index, word, literal);
      corrections.add(c);
      moved.put(word.position(), word.position() + extra);
      if (c.kind() == Spelling.Correction.Kind.SPLIT) {
        List<String> pieces = List.of(c.best().split(" "));
        for (int k = 0; k < pieces.size(); k++) {
          Text.Word piece = new Text.Word(pieces.get(k), word.position() + extra + k, false);
          slots.add(new Spelling.Correction(piece, pieces.get(k), List.of(List.of(Stemmer.stem(pieces.get(k)))),
              List.of(c.weights().get(0)), Spelling.Correction.Kind.SPLIT));
        }
        extra += pieces.size() - 1;
      } else {
        slots.add(new Spelling.Correction(new Text.Word(word.text(), word.position() + extra, word.han()), c.best(),
            c.alts(), c.weights(), c.kind()));
      }
    }
    Map<Integer, Text.Word> glues = new HashMap<>();
    for (Text.Word glue : glueWords) {
      Integer at = moved.get(glue.position());
      if (at != null) {
        glues.put(at, new Text.Word(glue.text(), at, false, true, glue.span()));
      }
    }
    List<Concept> concepts = new ArrayList<>();
    int i = 0;
    while (i < slots.size()) {
      Spelling.Correction slot = slots.get(i);
      // 1. A speaker or company named by the next words.
      int entityLength = entityAt(index, slots, i);
      if (entityLength > 0) {
        List<String> key = bests(slots, i, entityLength);
        Entity entity = index.entities().get(key);
        if (entity == null) {
          entity = index.entities().get(List.of(String.join("", key)));
        }
        if (entity == null) {
          entity = entityLength == 3 ? gluedName(index, slots, i) : nearName(index, slots, i);
          key = Entities.surface(entity.label());
        }
        Concept c = new Concept(String.join(" ", key), false);
        c.entity = entity;
        c.add(stems(key), 1f);
        if (entityLength > 1) {
          c.add(List.of(Stemmer.stem(String.join("", key))), 1f);
        }
        concepts.add(c);
        i += entityLength;
        continue;
      }
      // 2. A compound, written glued or apart ("multi-cluster", "multi cluster", "multicluster").
      Text.Word glue = glues.get(slot.word().position());
      int span = 0;
      String joined = null;
      if (glue != null && glue.span() > 1 && i + glue.span() <= slots.size()) {
        span = glue.span();
        joined = glue.text();
      } else if (i + 1 < slots.size() && !slot.word().han() && !slots.get(i + 1).word().han()
          && slots.get(i + 1).word().position() == slot.word().position() + 1) {
        String glued = slot.best() + slots.get(i + 1).best();
        if (index.vocabulary().df(glued) > 0) {
          span = 2;
          joined = glued;
        }
      }
      // 3. Synonyms, longest phrase first.
      List<String> bestStems = new ArrayList<>();
      for (int k = i; k < slots.size(); k++) {
        bestStems.add(stemOf(slots.get(k)));
      }
      Synonyms.Match synonym = index.synonyms().longestAt(bestStems, 0);
      if (synonym != null && synonym.length() >= Math.max(span, 1)) {
        Concept c = new Concept(text(slots, i, synonym.length()), slot.word().han());
        c.glossed = true;
        List<String> matched = bestStems.subList(0, synonym.length());
        if (synonym.length() == 1) {
          addSlot(c, slot);
        } else {
          c.add(matched, 1f);
          c.add(List.of(String.join("", matched)), 1f);
        }
        // A Chinese phrase the catalog itself uses ("灰度发布") finds its own sessions first; its
        // translation ("canary") weighs less then, or English titles would outrank them.
        float weight = slot.word().han() && index.postings().df(index.postings().termIds(matched)) > 0
            ? HAN_ATTESTED_WEIGHT : SYNONYM_WEIGHT;
        for (List<String> alt : synonym.alternatives()) {
          c.add(alt, weight);
          if (alt.size() > 1) {
            c.add(List.of(String.join("", alt)), weight);
          }
          if (c.entity == null && slot.word().han()) {
            c.entity = index.entities().get(alt); // "百度" names Baidu, as "baidu" would
          }
        }
        concepts.add(c);
        i += synonym.length();
        continue;
      }
      if (span > 1) {
        Concept c = new Concept(text(slots, i, span), false);
        c.add(bestStems.subList(0, span), 1f);
        c.add(List.of(Stemmer.stem(joined)), 1f);
        concepts.add(c);
        i += span;
        continue;
      }
      Concept c = new Concept(slot.word().text(), slot.word().han());
      addSlot(c, slot);
      concepts.add(c);
      i++;
    }
    // A named speaker, company, room or conference stands for its sessions even when the words as
    // typed are not the index's ("许超" for 超 许).
    concepts.removeIf(c -> c.entity == null
        && c.alternatives.stream().noneMatch(alt -> alt.stream().allMatch(index.postings()::hasStem)) && clearUnknown(c));
    return new Reading(concepts, corrections);
  }

  /** Returns whether a session holds the concept: all the terms of one of its alternatives. */
  static boolean matches(SearchIndex index, Concept c, int d) {
    for (List<String> alt : c.alternatives) {
      int[] ids = index.postings().termIds(alt);
      boolean all = ids != null;
      for (int k = 0; all && k < ids.length; k++) {
        all = java.util.Arrays.binarySearch(index.postings().docs(ids[k]), d) >= 0;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** Returns the sessions whose title or tags hold the concept (what they are about), ascending. */
  static int[] labelDocs(SearchIndex index, Concept c) {
    java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
    Postings postings = index.postings();
    for (List<String> alt : c.alternatives) {
      int[] ids = postings.termIds(alt);
      if (ids == null) {
        continue;
      }
      int[] docs = postings.docs(ids[0]);
      int[] packed = postings.packed(ids[0]);
      for (int i = 0; i < docs.length; i++) {
        boolean all = about(packed[i]);
        for (int k = 1; all && k < ids.length; k++) {
          int at = java.util.Arrays.binarySearch(postings.docs(ids[k]), docs[i]);
          all = at >= 0 && about(postings.packed(ids[k])[at]);
        }
        if (all) {
          out.add(docs[i]);
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean about(int packed) {
    return Field.TITLE.tf(packed) + Field.TAGS.tf(packed) > 0;
  }

  /** Drops alternatives the index has never seen; a concept left with none is unknown. */
  private static boolean clearUnknown(Concept c) {
    c.alternatives.clear();
    c.weights.clear();
    // Unknown Han bigrams ("有什") are dropped quietly: they are usually question words. A glossary
    // term ("区块链") is a real topic that no session covers, and stays to say so.
    return c.han && !c.glossed;
  }

  private static void addSlot(Concept c, Spelling.Correction slot) {
    for (int k = 0; k < slot.alts().size(); k++) {
      c.add(slot.alts().get(k), slot.weights().get(k));
    }
  }

  private static String stemOf(Spelling.Correction slot) {
    return slot.word().han() ? slot.best() : Stemmer.stem(slot.best());
  }

  private static List<String> stems(List<String> surfaces) {
    return surfaces.stream().map(Stemmer::stem).toList();
  }

  private static List<String> bests(List<Spelling.Correction> slots, int from, int length) {
    List<String> out = new ArrayList<>();
    for (int k = from; k < from + length; k++) {
      out.add(slots.get(k).best());
    }
    return out;
  }

  private static String text(List<Spelling.Correction> slots, int from, int length) {
    StringBuilder out = new StringBuilder();
    for (int k = from; k < from + length; k++) {
      Text.Word word = slots.get(k).word();
      if (k > from && word.han() && slots.get(k - 1).word().han()) {
        out.appendCodePoint(word.text().codePointBefore(word.text().length())); // 区块 + 块链 = 区块链
      } else {
        out.append(k > from ? " " : "").append(word.text());
      }
    }
    return out.toString();
  }

  /** Returns the speaker two words at {@code i} sound like, if neither word is a plain topic word. */
  private static Entity nearName(SearchIndex index, List<Spelling.Correction> slots, int i) {
    Text.Word a = slots.get(i).word();
    Text.Word b = slots.get(i + 1).word();
    boolean topic = index.vocabulary().df(a.text()) > 0 && index.vocabulary().df(b.text()) > 0;
    return a.han() || b.han() || topic ? null : index.entities().nearName(a.text(), b.text());
  }

  /** Returns the speaker three words at {@code i} name with two of them written as one ("chao meng zhang"). */
  private static Entity gluedName(SearchIndex index, List<Spelling.Correction> slots, int i) {
    String a = slots.get(i).word().text();
    String b = slots.get(i + 1).word().text();
    String c = slots.get(i + 2).word().text();
    if (slots.get(i).word().han() || slots.get(i + 1).word().han() || slots.get(i + 2).word().han()) {
      return null;
    }
    for (List<String> key : List.of(List.of(a + b, c), List.of(a, b + c))) {
      Entity exact = index.entities().get(key);
      if (exact != null && exact.kind() == Entity.Kind.SPEAKER) {
        return exact;
      }
      Entity near = index.entities().nearName(key.get(0), key.get(1));
      if (near != null) {
        return near;
      }
    }
    return null;
  }

  private static int entityAt(SearchIndex index, List<Spelling.Correction> slots, int i) {
    for (int len = Math.min(index.entities().longestKey(), slots.size() - i); len >= 1; len--) {
      if (slots.get(i + len - 1).word().position() != slots.get(i).word().position() + len - 1) {
        continue; // only adjacent words name someone
      }
      List<String> key = bests(slots, i, len);
      if (index.entities().get(key) != null) {
        return len;
      }
      if (len == 2 && index.entities().get(List.of(String.join("", key))) != null) {
        return len;
      }
      if (len == 2 && nearName(index, slots, i) != null) {
        return len;
      }
      if (len == 3 && gluedName(index, slots, i) != null) {
        return len; // "chao meng zang" is Chaomeng Zhang
      }
    }
    return 0;
  }
}
