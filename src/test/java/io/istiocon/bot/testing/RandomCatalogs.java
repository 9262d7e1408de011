package io.istiocon.bot.testing;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.SessionType;
import io.istiocon.bot.catalog.Speaker;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Seeded generators for fuzz tests: hostile text (any script, emoji, invisible and bidi marks,
 * lone surrogates, Slack and mrkdwn tokens, very long runs) and catalogs whose records are valid
 * under the schema but otherwise anything.
 */
public final class RandomCatalogs {
  private static final String[] WORDS = {"istio", "envoy", "ebpf", "wasm", "mesh", "security", "multi-cluster",
      "kubernetes", "gateway", "talk", "now", "next", "tuesday", "day", "3", "keynote", "workshops", "slides",
      "video", "who", "chinese", "most", "popular", "help", "feb", "24", "流量管理", "百度", "isito", "kialli",
      "Núñez", "eBay's", "2/24", "2021-02-24", "the", "of", "&", "<", ">", "*bold*", "_it_", "~s~", "`code`"};
  private static final String[] TOKENS = {"<!channel>", "<!here>", "<!everyone>", "<@U12345>", "<#C123|general>",
      "<https://evil.example|click>", "<!subteam^S123>", "&amp;", "&lt;", "\u202Eevil\u202C", "\u200B", "\uFEFF",
      "\uD83D", "\uDE00", "\uD83D\uDE00", "👍🏽", "👨‍👩‍👧‍👦", "\u0000", "\t", "\n", "\r\n", "ﷺ", "e\u0301"};
  private static final String[] TAGS = {"ebpf", "wasm", "security", "multicluster", "observability", "a", "b-c", "流量"};
  private static final String[] LANGUAGES = {"en", "zh", "und", "pt-BR", "ja"};

  private final Random random;

  /** Creates generators from a seed; the same seed always gives the same values. */
  public RandomCatalogs(long seed) {
    this.random = new Random(seed);
  }

  /** Returns the random source, for choices a test makes itself. */
  public Random random() {
    return random;
  }

  /** Returns hostile text of up to {@code max} characters (sometimes exactly that long). */
  public String text(int max) {
    int target = random.nextInt(10) == 0 ? max : random.nextInt(Math.max(1, Math.min(max, 60)) + 1);
    StringBuilder out = new StringBuilder();
    while (out.length() < target) {
      switch (random.nextInt(6)) {
        case 0, 1 -> out.append(WORDS[random.nextInt(WORDS.length)]);
        case 2 -> out.append(TOKENS[random.nextInt(TOKENS.length)]);
        case 3 -> out.appendCodePoint(randomCodePoint());
        case 4 -> out.append(' ');
        default -> out.append((char) (' ' + random.nextInt(95)));
      }
    }
    return out.length() > max ? out.substring(0, max) : out.toString();
  }

  private int randomCodePoint() {
    int[][] ranges = {{0x20, 0x7E}, {0xA0, 0x24F}, {0x300, 0x36F}, {0x590, 0x6FF}, {0x200B, 0x200F}, {0x202A, 0x202E},
        {0x3040, 0x30FF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0x1F300, 0x1FAFF}, {0xFF01, 0xFF5E}};
    int[] range = ranges[random.nextInt(ranges.length)];
    return range[0] + random.nextInt(range[1] - range[0] + 1);
  }

  /** Returns a catalog of up to {@code maxSessions} sessions, every record valid under the schema. */
  public Catalog catalog(int maxSessions) {
    LocalDate start = LocalDate.of(2021, 2, 22);
    LocalDate end = start.plusDays(random.nextInt(5));
    ZoneId zone = ZoneId.of(random.nextBoolean() ? "America/Los_Angeles" : "Asia/Shanghai");
    Instant opens = start.atStartOfDay(zone).toInstant();
    long minutes = Duration.between(opens, end.plusDays(1).atStartOfDay(zone).toInstant()).toMinutes();
    List<Session> sessions = new ArrayList<>();
    int count = random.nextInt(maxSessions + 1);
    for (int i = 0; i < count; i++) {
      int length = 5 + random.nextInt(240);
      Instant at = opens.plus(Duration.ofMinutes(random.nextInt((int) (minutes - length))));
      List<Speaker> speakers = new ArrayList<>();
      for (int k = random.nextInt(random.nextInt(20) == 0 ? 30 : 4); k > 0; k--) {
        String name = text(random.nextInt(10) == 0 ? 400 : 40);
        speakers.add(new Speaker(name.isBlank() ? "x" : name, random.nextBoolean() ? text(80) : null, List.of()));
      }
      List<String> tags = new ArrayList<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        String tag = TAGS[random.nextInt(TAGS.length)];
        if (!tags.contains(tag)) {
          tags.add(tag);
        }
      }
      String title = text(random.nextInt(8) == 0 ? 2000 : 120);
      sessions.add(new Session("fuzz", "s" + i, title.isBlank() ? "t" : title,
          SessionType.values()[random.nextInt(SessionType.values().length)], LANGUAGES[random.nextInt(LANGUAGES.length)],
          random.nextBoolean(), at, at.plus(Duration.ofMinutes(length)), speakers,
          text(random.nextInt(6) == 0 ? 20_000 : 600), random.nextBoolean() ? text(300) : "", tags, link(), link(), link(),
          random.nextBoolean() ? OptionalInt.of(random.nextInt(5000)) : OptionalInt.empty(),
          random.nextBoolean() ? text(40) : null, random.nextBoolean() ? text(40) : null));
    }
    Conference conference = new Conference("fuzz", text(80).isBlank() ? "Fuzz" : "Fuzz " + text(60), start, end, zone,
        URI.create("https://example.org/"), text(200), Map.of("registrants", 10L), sessions);
    return new Catalog(1 + random.nextInt(100), "fuzz", List.of(conference));
  }

  private URI link() {
    if (random.nextInt(3) == 0) {
      return null;
    }
    String path = "x".repeat(random.nextInt(10) == 0 ? 1500 : 20);
    return URI.create("https://example.org/" + path + "?q=%3C%21channel%3E&a=1");
  }
}
