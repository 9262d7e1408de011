package io.istiocon.bot.importer;

import io.istiocon.bot.catalog.SessionType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The conversions every format shares: ids made safe, session types and languages recognised,
 * names and text cleaned, links checked, and "H:MM" durations read.
 */
final class Mapping {
  private static final Pattern UNSAFE_ID = Pattern.compile("[^A-Za-z0-9_-]+");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)[d.] ?)?(\\d{1,3}):(\\d{2})(?::(\\d{2}))?");
  private static final Pattern HTML = Pattern.compile(
      "</?(p|br|a|ul|ol|li|em|strong|b|i|h[1-6]|div|span|code|pre|blockquote)(\\s[^>]*)?/?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");
  private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t\\u00a0]+\n");
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
  private static final Pattern LEADING_SPACES = Pattern.compile("(?m)^ +");

  /** Words in an export's type (or track) that name one of our session types, checked in this order. */
  private record TypeWords(SessionType type, Pattern words) {}

  private static final List<TypeWords> TYPE_WORDS = List.of(
      new TypeWords(SessionType.KEYNOTE, Pattern.compile("key ?note")),
      new TypeWords(SessionType.LIGHTNING, Pattern.compile("lightning|blitz")),
      new TypeWords(SessionType.WORKSHOP, Pattern.compile("workshop|hands-on|tutorial")),
      new TypeWords(SessionType.PANEL, Pattern.compile("panel|podium|discussion|diskussion|round ?table|fishbowl")),
      new TypeWords(SessionType.SOCIAL, Pattern.compile("\\bsocial\\b|\\bparty\\b|meetup|\\bbofs?\\b|birds of a feather")),
      new TypeWords(SessionType.ADOPTION, Pattern.compile("adoption|case stud")),
      new TypeWords(SessionType.SPOTLIGHT, Pattern.compile("spotlight")));

  private Mapping() {}

  /** Returns the export's id made safe for a catalog id: other characters become '-', at most 64. */
  static String id(String raw) {
    String s = UNSAFE_ID.matcher(raw == null ? "" : raw.strip()).replaceAll("-").replaceAll("^[-_]+", "");
    return s.length() > 64 ? s.substring(0, 64) : s;
  }

  /**
   * Returns one catalog id per event: the export's ids when they are there and unique, else its
   * guids, made safe and, should two still collide, told apart by a suffix.
   */
  static List<String> uniqueIds(List<String> ids, List<String> guids) {
    boolean idsUsable = ids.stream().allMatch(i -> i != null && !id(i).isEmpty()) && Set.copyOf(ids).size() == ids.size();
    Set<String> taken = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String raw = idsUsable || guids.get(i) == null ? ids.get(i) : guids.get(i);
      String base = id(raw);
      if (base.isEmpty()) {
        base = "event";
      }
      String candidate = base;
      for (int n = 2; !taken.add(candidate); n++) {
        String suffix = "-" + n;
        candidate = (base.length() + suffix.length() > 64 ? base.substring(0, 64 - suffix.length()) : base) + suffix;
      }
      out.add(candidate);
    }
    return out;
  }

  /** Returns the non-blank texts as paragraphs, each once: an abstract that repeats the subtitle adds nothing. */
  static String paragraphs(String... texts) {
    List<String> kept = new ArrayList<>();
    for (String raw : texts) {
      String t = text(raw);
      if (!t.isEmpty() && kept.stream().noneMatch(k -> k.contains(t))) {
        kept.add(t);
      }
    }
    return String.join("\n\n", kept);
  }

  /** Returns the session type the first hint names (the export's type, then its track), or null. */
  static SessionType type(String... hints) {
    for (String hint : hints) {
      if (hint == null || hint.isBlank()) {
        continue;
      }
      String h = hint.toLowerCase(Locale.ROOT);
      for (TypeWords words : TYPE_WORDS) {
        if (words.words().matcher(h).find()) {
          return words.type();
        }
      }
    }
    return null;
  }

  /** Returns a BCP 47 code for a code ("de", "pt-BR") or a language's name ("German", "Deutsch"), or null. */
  static String language(String raw) {
    String s = line(raw);
    if (s == null) {
      return null;
    }
    if (LANGUAGE.matcher(s).matches()) {
      String tag = Locale.forLanguageTag(s).toLanguageTag();
      return tag.equals("und") ? null : tag;
    }
    for (String code : Locale.getISOLanguages()) {
      Locale locale = Locale.forLanguageTag(code);
      if (s.equalsIgnoreCase(locale.getDisplayLanguage(Locale.ENGLISH)) || s.equalsIgnoreCase(locale.getDisplayLanguage(locale))) {
        return locale.toLanguageTag();
      }
    }
    return null;
  }

  /** Returns a one-line value (a name, title, room or track) with stray and repeated spaces removed, or null when blank. */
  static String line(String raw) {
    if (raw == null) {
      return null;
    }
    String s = SPACES.matcher(raw).replaceAll(" ").strip();
    return s.isEmpty() ? null : s;
  }

  /** Returns text with Unix line ends and no trailing spaces; HTML, as Pentabarf writes it, becomes plain text. */
  static String text(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    String s = HTML.matcher(raw).find() ? htmlToText(raw) : raw;
    s = s.replace("\r\n", "\n").replace('\r', '\n');
    s = BLANK_LINES.matcher(TRAILING_SPACES.matcher(s).replaceAll("\n")).replaceAll("\n\n");
    return s.strip();
  }

  private static String htmlToText(String html) {
    StringBuilder out = new StringBuilder();
    Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          out.append(text.text());
        } else if (node instanceof Element e) {
          switch (e.normalName()) {
            case "br" -> out.append('\n');
            case "li" -> out.append("\n* ");
            case "p", "div", "ul", "ol", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6" -> out.append("\n\n");
            default -> { }
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && e.normalName().equals("a")) {
          String href = e.attr("href");
          if (href.startsWith("http") && !e.text().strip().equals(href)) {
            out.append(" (").append(href).append(')');
          }
        }
      }
    });
    return LEADING_SPACES.matcher(out).replaceAll("");
  }

  /** Returns an http(s) link with a host, resolving one relative to {@code base}; null for anything else. */
  static URI url(String raw, URI base) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(raw.strip());
      if (!uri.isAbsolute() && base != null) {
        uri = base.resolve(uri);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null; // a link we cannot use is left out, like one that is absent
    }
  }

  /** Returns a duration written "H:MM", "HH:MM:SS" or "1d 02:00"; null when it is none of these. */
  static Duration duration(String raw) {
    if (raw == null) {
      return null;
    }
    Matcher m = DURATION.matcher(raw.strip());
    if (!m.matches()) {
      return null;
    }
    long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long minutes = Long.parseLong(m.group(3));
    long seconds = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
    if (minutes > 59 || seconds > 59) {
      return null;
    }
    return Duration.ofDays(days).plusHours(Long.parseLong(m.group(2))).plusMinutes(minutes).plusSeconds(seconds);
  }
}
