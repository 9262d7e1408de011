package io.istiocon.bot.search;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of time and of the live program in Portuguese, Spanish, German, French and Italian, as
 * askers mix them with English: "Aqui em São Paulo são 15h de sexta", "Dienstag 19:30 bei mir in
 * Berlin — was läuft gerade?", "22h45 à Paris vendredi soir, il reste quelque chose en direct ?".
 * Each is spelled in English before reading (folded text: accents are gone), as {@link Slang} does
 * for chat shorthand; only whole words and phrases are replaced, and none is a word of the catalog.
 */
final class ForeignWords {
  private static final Map<String, String> PHRASES = new LinkedHashMap<>();

  static {
    put("monday", "segunda feira", "segunda", "lunes", "montag", "lundi", "lunedi");
    put("tuesday", "terca feira", "terca", "martes", "dienstag", "mardi", "martedi");
    put("wednesday", "quarta feira", "quarta", "miercoles", "mittwoch", "mercredi", "mercoledi");
    put("thursday", "quinta feira", "quinta", "jueves", "donnerstag", "jeudi", "giovedi");
    put("friday", "sexta feira", "sexta", "viernes", "freitag", "vendredi", "venerdi");
    put("saturday", "sabado", "samstag", "samedi");
    put("sunday", "domingo", "sonntag", "dimanche", "domenica");
    put("today", "hoje", "hoy", "heute", "aujourd hui", "aujourdhui", "oggi");
    put("tomorrow", "amanha", "manana", "morgen", "demain", "domani");
    put("now", "agora", "ahora", "jetzt", "gerade", "maintenant", "adesso", "en ce moment");
    put("live", "ao vivo", "en vivo", "en direct", "in diretta", "im livestream");
    put("what is on", "was lauft", "o que esta passando", "que hay", "qu est ce qui passe");
    put("is on", "lauft");
    put("is there still", "il reste", "queda", "ainda tem", "gibt es noch");
    put("anything", "quelque chose", "etwas", "qualcosa");
    put("next", "proxima", "proximo", "siguiente", "prochaine", "prochain", "nachste", "naechste", "prossimo");
    put("first", "primeira", "primeiro", "primera", "primero", "erste", "primo");
    put("last", "ultima", "ultimo", "derniere", "dernier", "letzte");
    put("session", "sessao", "sesion", "sitzung", "vortrag", "palestra", "charla");
    put("evening", "soir", "soiree", "abend", "noite", "noche", "sera");
    put("morning", "matin", "manha", "morgens", "mattina");
    put("afternoon", "tarde", "nachmittag", "apres midi", "pomeriggio");
    put("here", "aqui", "bei mir", "ici");
    put("in", "em");
    put("on", "de");
    put("it is", "sao", "son les", "es sind", "il est");
  }

  private static final Pattern PHRASE;

  static {
    List<String> keys = PHRASES.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    PHRASE = Pattern.compile("(?<![\\w/])(" + String.join("|", keys.stream().map(Pattern::quote).toList()) + ")(?![\\w/])");
  }

  private ForeignWords() {}

  private static void put(String english, String... words) {
    for (String w : words) {
      PHRASES.put(w, english);
    }
  }

  /**
   * Returns folded text with the foreign words of time spelled in English. "São" says the time only
   * before one ("são 15h"), so "São Paulo" stays a place.
   */
  static String english(String folded) {
    Matcher m = PHRASE.matcher(folded);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String word = m.group(1);
      if (PHRASES.get(word).equals("it is") && !startsWithDigit(folded, m.end())) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(folded.length() + 16);
      }
      out.append(folded, last, m.start()).append(PHRASES.get(word));
      last = m.end();
    }
    return out == null ? folded : out.append(folded, last, folded.length()).toString();
  }

  private static boolean startsWithDigit(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i < s.length() && Character.isDigit(s.charAt(i));
  }
}
