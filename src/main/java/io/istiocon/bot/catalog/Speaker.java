package io.istiocon.bot.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person presenting a session.
 *
 * @param name the name as published
 * @param company the employer, or {@code null} when the source names none
 * @param aliases other published spellings of the name (for search)
 */
public record Speaker(String name, String company, List<String> aliases) {
  public Speaker {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("speaker name must not be blank");
    }
    if (company != null && company.isBlank()) {
      company = null;
    }
    aliases = List.copyOf(aliases);
  }

  /** Creates a speaker without aliases. */
  public static Speaker of(String name, String company) {
    return new Speaker(name, company, List.of());
  }

  /** Returns the company, if the catalog names one. */
  public Optional<String> companyName() {
    return Optional.ofNullable(company);
  }

  /** Returns "Name (Company)" or just the name. */
  public String display() {
    return company == null ? name : name + " (" + company + ")";
  }
}
