package io.istiocon.bot.catalog;

import java.util.Locale;
import java.util.Optional;

/** The kinds of session a catalog may list; {@link #id()} is the value written in catalog files. */
public enum SessionType {
  KEYNOTE("Keynote", "Keynotes"),
  TALK("Talk", "Talks"),
  LIGHTNING("Lightning talk", "Lightning talks"),
  WORKSHOP("Workshop", "Workshops"),
  PANEL("Panel", "Panels"),
  ADOPTION("Adoption story", "Adoption stories"),
  SPOTLIGHT("User spotlight", "User spotlights"),
  SOCIAL("Social", "Social events");

  private final String label;
  private final String plural;

  SessionType(String label, String plural) {
    this.label = label;
    this.plural = plural;
  }

  /** Returns the lower-case name used in catalog files, such as {@code lightning}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the human label, such as "Lightning talk". */
  public String label() {
    return label;
  }

  /** Returns the plural label, such as "Lightning talks". */
  public String plural() {
    return plural;
  }

  /** Parses a catalog value such as {@code workshop}; case-sensitive, as the schema is. */
  public static Optional<SessionType> fromId(String id) {
    for (SessionType type : values()) {
      if (type.id().equals(id)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Returns the allowed catalog values, comma separated, for error messages. */
  public static String allowedIds() {
    StringBuilder out = new StringBuilder();
    for (SessionType type : values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(type.id());
    }
    return out.toString();
  }
}
