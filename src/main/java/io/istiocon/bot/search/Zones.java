package io.istiocon.bot.search;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of time zones as people write them: abbreviations ("PST", "CET", "JST"), offsets ("UTC+8",
 * "GMT-5"), regions ("pacific", "eastern") and cities or countries ("Berlin time", "Beijing",
 * "Tokyo"). Cities come from the JDK's own zone database (every {@code Area/City} id), plus the
 * large cities that share a zone with one it names.
 */
final class Zones {
  private static final Pattern OFFSET = Pattern.compile("(?:utc|gmt)([+-])(\\d{1,2})(?::?(\\d{2}))?");

  /** Zones that need no context to be read as one. */
  private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
      Map.entry("utc", "UTC"), Map.entry("gmt", "UTC"), Map.entry("z", "UTC"),
      Map.entry("pst", "America/Los_Angeles"), Map.entry("pdt", "America/Los_Angeles"),
      Map.entry("pt", "America/Los_Angeles"), Map.entry("mst", "America/Denver"),
      Map.entry("mdt", "America/Denver"), Map.entry("cdt", "America/Chicago"),
      Map.entry("est", "America/New_York"), Map.entry("edt", "America/New_York"), Map.entry("et", "America/New_York"),
      Map.entry("cet", "Europe/Berlin"), Map.entry("cest", "Europe/Berlin"), Map.entry("bst", "Europe/London"),
      Map.entry("wet", "Europe/Lisbon"), Map.entry("eet", "Europe/Helsinki"), Map.entry("eest", "Europe/Helsinki"),
      Map.entry("msk", "Europe/Moscow"), Map.entry("ist", "Asia/Kolkata"), Map.entry("sgt", "Asia/Singapore"),
      Map.entry("hkt", "Asia/Hong_Kong"), Map.entry("jst", "Asia/Tokyo"), Map.entry("kst", "Asia/Seoul"),
      Map.entry("aest", "Australia/Sydney"), Map.entry("aedt", "Australia/Sydney"),
      Map.entry("nzst", "Pacific/Auckland"), Map.entry("nzdt", "Pacific/Auckland"), Map.entry("brt", "America/Sao_Paulo"),
      Map.entry("北京时间", "Asia/Shanghai"));

  /** Regions, cities and countries: read as a zone only next to "time", "clock" or a clock time. */
  private static final Map<String, String> PLACES = places();

  private Zones() {}

  private static Map<String, String> places() {
    Map<String, String> out = new HashMap<>();
    for (String id : ZoneId.getAvailableZoneIds()) {
      int slash = id.lastIndexOf('/');
      if (slash > 0 && !id.startsWith("Etc/") && !id.startsWith("SystemV/") && Character.isUpperCase(id.charAt(0))) {
        out.putIfAbsent(id.substring(slash + 1).toLowerCase(java.util.Locale.ROOT).replace('_', ' '), id);
      }
    }
    String[][] more = {
        {"America/Los_Angeles", "pacific", "san francisco", "sf", "bay area", "silicon valley", "seattle", "portland",
            "california", "west coast"},
        {"America/Denver", "mountain"},
        {"America/Chicago", "central", "austin", "dallas", "houston"},
        {"America/New_York", "eastern", "east coast", "nyc", "boston", "washington", "atlanta", "miami"},
        {"Asia/Shanghai", "beijing", "china", "shenzhen", "hangzhou", "guangzhou", "chengdu", "北京", "上海", "深圳", "杭州",
            "中国"},
        {"Asia/Kolkata", "india", "bangalore", "bengaluru", "mumbai", "delhi", "new delhi", "hyderabad", "pune", "chennai"},
        {"Asia/Tokyo", "japan", "东京"}, {"Asia/Seoul", "korea"}, {"Asia/Singapore", "singapore"},
        {"Europe/London", "london", "uk", "england", "britain"}, {"Europe/Berlin", "germany", "munich", "frankfurt",
            "hamburg", "cologne"}, {"Europe/Paris", "france"}, {"Europe/Madrid", "spain", "barcelona"},
        {"Europe/Amsterdam", "netherlands"}, {"Europe/Rome", "italy", "milan"}, {"Europe/Warsaw", "poland"},
        {"Europe/Zurich", "switzerland"}, {"Europe/Moscow", "russia"}, {"Asia/Jerusalem", "israel", "tel aviv"},
        {"Australia/Sydney", "australia"}, {"America/Sao_Paulo", "brazil"}, {"Asia/Jakarta", "indonesia"},
        {"Asia/Ho_Chi_Minh", "vietnam", "saigon"}, {"Asia/Manila", "philippines"}, {"Asia/Kuala_Lumpur", "malaysia"},
        {"America/Toronto", "toronto"}, {"America/Vancouver", "vancouver"}, {"Asia/Dubai", "dubai", "uae"},
    };
    for (String[] row : more) {
      for (int i = 1; i < row.length; i++) {
        out.put(row[i], row[0]);
      }
    }
    return Map.copyOf(out);
  }

  /** Returns the zone an abbreviation or offset names ("pst", "utc+8"), or null. */
  static ZoneId abbreviation(String word) {
    String id = ABBREVIATIONS.get(word);
    if (id != null) {
      return ZoneId.of(id);
    }
    Matcher m = OFFSET.matcher(word);
    if (m.matches()) {
      try {
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int sign = m.group(1).equals("-") ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      } catch (DateTimeException e) {
        return null; // "utc+30": not an offset
      }
    }
    return null;
  }

  /** Returns the zone a place name of one or two words names ("berlin", "new york"), or null. */
  static ZoneId place(List<String> words) {
    String id = PLACES.get(String.join(" ", words));
    return id == null ? null : ZoneId.of(id);
  }
}
