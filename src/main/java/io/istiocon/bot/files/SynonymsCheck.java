package io.istiocon.bot.files;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a synonyms document: {@code synonyms:} then a list of groups, each a list of at least two
 * phrases, with no phrase in two groups.
 */
final class SynonymsCheck {
  private static final List<String> TOP_FIELDS = List.of("synonyms", "$schema");

  private final Problems problems;
  /** Each phrase seen, lower-cased, with its group index and line, to report a phrase in two groups. */
  private final Map<String, int[]> seen = new HashMap<>();

  private SynonymsCheck(Problems problems) {
    this.problems = problems;
  }

  /** Returns the groups of phrases a document holds, or null when any problem was found in its file. */
  static List<List<String>> read(Node root, Problems problems) {
    if (root.kind != Node.Kind.MAP) {
      problems.add(root, "", "expected a mapping with a \"synonyms\" list, found " + root.describe());
      return null;
    }
    Fields top = new Fields(problems, root, "");
    top.rejectUnknown(TOP_FIELDS);
    Node list = top.require("synonyms");
    List<List<String>> groups = new ArrayList<>();
    if (list != null && top.expect(list, Node.Kind.LIST, "synonyms")) {
      SynonymsCheck check = new SynonymsCheck(problems);
      for (int g = 0; g < list.items.size(); g++) {
        List<String> group = check.group(list.items.get(g), g);
        if (group != null) {
          groups.add(group);
        }
      }
    }
    return problems.isEmpty() ? List.copyOf(groups) : null;
  }

  private List<String> group(Node group, int g) {
    String where = "synonyms[" + g + "]";
    if (!problems.expect(group, Node.Kind.LIST, "a group", where)) {
      return null;
    }
    Fields fields = new Fields(problems, group, where);
    List<String> phrases = new ArrayList<>();
    for (Node item : group.items) {
      String phrase = phrase(item, g, fields);
      if (phrase != null) {
        phrases.add(phrase);
      }
    }
    if (phrases.size() < 2) {
      fields.problem(group, "a group needs at least two phrases, found " + phrases.size());
      return null;
    }
    return List.copyOf(phrases);
  }

  private String phrase(Node item, int g, Fields fields) {
    String phrase = fields.text(item, "phrase");
    if (phrase == null) {
      return null;
    }
    if (phrase.isBlank()) {
      fields.problem(item, "phrase is empty");
      return null;
    }
    int[] first = seen.putIfAbsent(phrase.strip().toLowerCase(Locale.ROOT), new int[] {g, item.line});
    if (first != null && first[0] != g) {
      fields.problem(item, "\"" + phrase + "\" is already in synonyms[" + first[0] + "] (line " + first[1]
          + "); a phrase belongs to one group only");
      return null;
    }
    return phrase.strip();
  }
}
