package io.istiocon.bot.search;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Reads the zone a question's times are meant in: an abbreviation or offset ("PST", "UTC+8"), a
 * place next to "time", "clock" or a clock time ("9:30am Beijing time", "Tokyo clock says 12:00"),
 * or where the asker says they are ("I'm in Bangalore"). Part of {@link TimeReader}'s grammar.
 */
final class ZoneReader {
  private ZoneReader() {}

  // ---- zones ------------------------------------------------------------------------------

  static void read(Words w) {
    for (int i = 0; i < w.size(); i++) {
      if (!w.free(i)) {
        continue;
      }
      ZoneId zone = Clocks.offset(w.at(i));
      if (zone == null && !List.of("z", "et", "pt", "ist").contains(w.at(i))) {
        zone = Zones.abbreviation(w.at(i));
      }
      int end = i + 1;
      if (zone == null && (nearClock(w, i, 1) || w.at(i + 1).equals("time"))) {
        zone = Zones.abbreviation(w.at(i)); // the short ones need a clock or "time" beside them
      }
      if (zone == null) {
        for (int n = 2; n >= 1 && zone == null; n--) {
          ZoneId place = Zones.place(List.of(w.at(i), w.at(i + 1)).subList(0, n));
          boolean named = Set.of("time", "clock", "timezone", "tz", "local").contains(w.at(i + n))
              || (w.at(i + n + 1).equals("时间") && Text.isHan(w.at(i).codePointAt(0)) && w.at(i).length() == 2);
          if (place != null && (named || nearClock(w, i, n))) {
            zone = place;
            end = i + n;
          }
        }
      }
      if (zone != null) {
        if (Set.of("time", "clock", "timezone", "tz", "local", "here", "based").contains(w.at(end))) {
          end++;
        } else if (w.at(end + 1).equals("时间")) {
          end += 2;
        }
        w.zone = zone;
        w.take(i, end);
      }
    }
    readHome(w);
    w.takeSeq("my", "time");
    w.takeSeq("local", "time");
    w.takeSeq("my", "timezone");
  }

  /** Reads where the asker says they are: "I'm in Bangalore", "here in London", "we're based in Berlin". */
  private static void readHome(Words w) {
    for (int i = 0; i < w.size(); i++) {
      if (!w.at(i).equals("in") || !w.free(i + 1)) {
        continue;
      }
      String before = w.at(i - 1);
      boolean home = Set.of("im", "here", "based", "living", "located", "sitting", "were", "live").contains(before)
          || before.equals("am") && w.at(i - 2).equals("i") || before.equals("are") && w.at(i - 2).equals("we");
      if (!home) {
        continue;
      }
      for (int n = 2; n >= 1; n--) {
        ZoneId place = Zones.place(List.of(w.at(i + 1), w.at(i + 2)).subList(0, n));
        if (place != null && (n == 1 || w.free(i + 2))) {
          if (w.zone == null) {
            w.zone = place;
          }
          w.take(i - (before.equals("am") || before.equals("are") ? 2 : 1), i + 1 + n);
          return;
        }
      }
    }
  }

  /** Returns whether a clock marker sits right before {@code i} or right after the {@code n} words at {@code i}. */
  private static boolean nearClock(Words w, int i, int n) {
    String before = w.at(i - 1);
    return Clocks.time(before) != null || Clocks.time(w.at(i + n)) != null
        || Set.of("in", "at", "a").contains(before) && (Clocks.time(w.at(i - 2)) != null // "8am in sydney", "21h45 à paris"
            || TimeReader.isPartOfDay(w.at(i - 2))) // "thursday morning in tokyo"
        || TimeReader.isPartOfDay(w.at(i + n)) && !before.equals("in") // "the pacific evening"
        || !before.isEmpty() && before.chars().allMatch(Character::isDigit) // "after 12 pacific"
            && (TimeReader.UNTIL.contains(w.at(i - 2)) || Set.of("after", "at", "from", "since").contains(w.at(i - 2)))
        || Set.of("noon", "midday", "midnight").contains(before) // "between now and noon pacific"
        || w.at(i + n).equals("here") || w.at(i + n).equals("based"); // "tokyo here, what's on tonight?"
  }
}
