package io.istiocon.bot.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every documentation link resolves: the ones error messages print ({@link DocLinks}) and the
 * relative links between the Markdown pages, anchors included, so a moved heading fails the build.
 */
class DocLinksTest {
  /** Maven runs the tests from the project root, where the links start. */
  private static final Path ROOT = Path.of("").toAbsolutePath();

  @ParameterizedTest(name = "{0}")
  @FieldSource("io.istiocon.bot.docs.DocLinks#ALL")
  void docLink_pointsToAHeadingThatExists(String link) {
    assertTrue(link.contains("#"), link + " has no anchor; error messages point to a section");
    assertEquals(Optional.empty(), Markdown.problem(ROOT, null, link));
  }

  @Test
  void all_holdsEveryLinkConstant() throws IllegalAccessException {
    List<String> constants = new ArrayList<>();
    for (Field field : DocLinks.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        constants.add((String) field.get(null));
      }
    }
    assertEquals(Set.copyOf(constants), Set.copyOf(DocLinks.ALL), "a link missing from DocLinks.ALL is never checked");
  }

  @Test
  void markdownLinks_resolveToFilesAndHeadings() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("src/test/resources/eval/README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<Markdown.Link> links = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path page : pages) {
      List<Markdown.Link> found = Markdown.links(page);
      links.addAll(found);
      problems.addAll(Markdown.problems(ROOT, page, found));
    }

    // Guards against a scan that silently finds nothing and so checks nothing.
    assertTrue(links.stream().filter(l -> l.target().contains(".md#")).count() >= 10, "too few links found: " + links);
    assertEquals(List.of(), problems);
  }

  @Test
  void problems_reportEveryKindOfBrokenLink(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/ops.md"), "# Operations\n\n## Logs\n");
    Path page = root.resolve("README.md");
    Files.writeString(page, String.join("\n",
        "# Title",
        "[ok](docs/ops.md#logs), [ok too](#title), [web](https://example.com/nowhere.md#x), [dir](docs)",
        "[no file](docs/gone.md) and [no anchor](docs/ops.md#metrics)",
        "[outside](../elsewhere.md) and [wrapped",
        "text](docs/ops.md#log)",
        "`[in code](docs/gone.md)`",
        "```",
        "[in a fence](docs/gone.md)",
        "```",
        "[ref]: docs/ops.md#nope"));

    List<String> problems = Markdown.problems(root, page, Markdown.links(page));

    assertEquals(List.of(
        "README.md:3: docs/gone.md: no such file",
        "README.md:3: docs/ops.md#metrics: no heading in docs/ops.md has the anchor metrics (it has logs, operations)",
        "README.md:4: ../elsewhere.md: outside the repository",
        "README.md:5: docs/ops.md#log: no heading in docs/ops.md has the anchor log (it has logs, operations)",
        "README.md:10: docs/ops.md#nope: no heading in docs/ops.md has the anchor nope (it has logs, operations)"),
        problems);
  }

  @ParameterizedTest(name = "anchor({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "Catalog format                               | catalog-format",
      "Environment variables                        | environment-variables",
      "The `ask` and `validate` commands            | the-ask-and-validate-commands",
      "Question files (`--batch`)                   | question-files---batch",
      "1. Create the app from the manifest          | 1-create-the-app-from-the-manifest",
      "Faults in Slack's API                        | faults-in-slacks-api",
      "Reliability: load, catalog edits and faults  | reliability-load-catalog-edits-and-faults",
      "snake_case and kebab-case stay               | snake_case-and-kebab-case-stay",
      "See [the logs](docs/operations.md#logs)      | see-the-logs",
      "Núñez 流量管理                                | núñez-流量管理",
  })
  void anchor_followsGitHubsRules(String heading, String anchor) {
    assertEquals(anchor, Markdown.anchor(heading));
  }

  @Test
  void anchors_numberDuplicatesAndSkipFencedCode() {
    List<String> lines = List.of("# Logs", "", "## Logs ##", "```sh", "# not a heading", "```", "### Logs", "#hashtag");

    assertEquals(Set.of("logs", "logs-1", "logs-2"), Markdown.anchors(lines));
  }

  /** Just enough Markdown to find headings and links the way GitHub renders them. */
  static final class Markdown {
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?s:.+?)\\1");
    private static final Pattern INLINE_LINK =
        Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:[ \\t]*<?([^\\s>]+)>?");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:|^//");
    // GitHub keeps letters, marks, digits, connector punctuation ('_'), spaces and '-'.
    private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    /** A link as written, with the line it is on. */
    record Link(Path page, int line, String target) {}

    private Markdown() {}

    /** Returns the anchor GitHub gives a heading with this text. */
    static String anchor(String heading) {
      String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
      return NOT_IN_ANCHOR.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }

    /** Returns the anchors of a page's headings, duplicates numbered -1, -2 as GitHub does. */
    static Set<String> anchors(List<String> lines) {
      Set<String> anchors = new LinkedHashSet<>();
      Map<String, Integer> seen = new HashMap<>();
      List<String> prose = withoutFencedCode(lines);
      for (String line : prose) {
        Matcher m = HEADING.matcher(line);
        if (m.matches()) {
          String base = anchor(m.group(1));
          int count = seen.merge(base, 1, Integer::sum);
          anchors.add(count == 1 ? base : base + "-" + (count - 1));
        }
      }
      return anchors;
    }

    /** Returns the inline and reference links of a page, outside code. */
    static List<Link> links(Path page) {
      String text = blank(CODE_SPAN, String.join("\n", withoutFencedCode(read(page))));
      List<Link> links = new ArrayList<>();
      for (Pattern pattern : List.of(INLINE_LINK, REFERENCE)) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
          int line = 1 + (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count();
          links.add(new Link(page, line, m.group(1)));
        }
      }
      links.sort((a, b) -> Integer.compare(a.line(), b.line()));
      return links;
    }

    /** Returns one line per link that does not resolve inside {@code root}, as "page:line: target: why". */
    static List<String> problems(Path root, Path page, List<Link> links) {
      List<String> problems = new ArrayList<>();
      for (Link link : links) {
        problem(root, page, link.target()).ifPresent(why -> problems.add(
            root.relativize(page) + ":" + link.line() + ": " + link.target() + ": " + why));
      }
      return problems;
    }

    /**
     * Returns why {@code target} does not resolve inside {@code root}, or nothing when it does;
     * {@code page} is the page it is written in, or {@code null} for a link relative to the root.
     */
    static Optional<String> problem(Path root, Path page, String target) {
      if (SCHEME.matcher(target).find()) {
        return Optional.empty(); // another site: not ours to check offline
      }
      int hash = target.indexOf('#');
      String path = hash < 0 ? target : target.substring(0, hash);
      String fragment = hash < 0 ? "" : URLDecoder.decode(target.substring(hash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
      Path dir = page == null ? root : page.getParent();
      Path file;
      if (path.isEmpty()) {
        if (page == null) {
          return Optional.of("an anchor needs a page; write the file name before '#'");
        }
        file = page;
      } else {
        file = (path.startsWith("/") ? root.resolve(path.substring(1)) : dir.resolve(path)).normalize();
      }
      if (!file.startsWith(root.normalize())) {
        return Optional.of("outside the repository");
      }
      if (!Files.exists(file)) {
        return Optional.of("no such file");
      }
      if (fragment.isEmpty() || !file.toString().endsWith(".md")) {
        return Optional.empty();
      }
      Set<String> anchors = anchors(read(file));
      return anchors.contains(fragment) ? Optional.empty() : Optional.of("no heading in " + root.relativize(file)
          + " has the anchor " + fragment + " (it has " + String.join(", ", anchors.stream().sorted().toList()) + ")");
    }

    private static List<String> withoutFencedCode(List<String> lines) {
      List<String> prose = new ArrayList<>(lines.size());
      String fence = null;
      for (String line : lines) {
        Matcher m = FENCE.matcher(line);
        if (fence == null && m.find()) {
          fence = m.group(1);
          prose.add("");
        } else if (fence != null) {
          if (closes(fence, line.strip())) {
            fence = null;
          }
          prose.add(""); // keeps the line numbers
        } else {
          prose.add(line);
        }
      }
      return prose;
    }

    /** Returns whether {@code line} closes a block opened by {@code fence}: the same character, at least as many. */
    private static boolean closes(String fence, String line) {
      return line.startsWith(fence) && line.chars().allMatch(c -> c == fence.charAt(0));
    }

    /** Replaces every match with spaces, keeping line breaks so line numbers still hold. */
    private static String blank(Pattern pattern, String text) {
      Matcher m = pattern.matcher(text);
      StringBuilder out = new StringBuilder(text.length());
      int last = 0;
      while (m.find()) {
        out.append(text, last, m.start());
        char[] spaces = m.group().toCharArray();
        for (int i = 0; i < spaces.length; i++) {
          spaces[i] = spaces[i] == '\n' ? '\n' : ' ';
        }
        out.append(spaces);
        last = m.end();
      }
      return out.append(text, last, text.length()).toString();
    }

    private static List<String> read(Path file) {
      try {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
