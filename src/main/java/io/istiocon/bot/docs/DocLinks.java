package io.istiocon.bot.docs;

import java.util.List;

/**
 * Every place in the documentation that an error message sends a person to, in one class, so a
 * moved heading is fixed once; {@code DocLinksTest} checks that each anchor exists.
 */
public final class DocLinks {
  /** The catalog file format and its validation rules. */
  public static final String CATALOG_FORMAT = "docs/catalog.md#catalog-format";
  /** The variables {@code serve} reads from the environment. */
  public static final String ENVIRONMENT = "docs/operations.md#environment-variables";
  /** Where the agenda is kept (DATA_DIR or DATABASE_URL), and how to choose. */
  public static final String STORAGE = "docs/operations.md#storage-sqlite-or-postgresql-and-how-to-choose";
  /** Log formats and fields. */
  public static final String LOGS = "docs/operations.md#logs";
  /** The {@code import} command and how each export format maps onto the catalog. */
  public static final String IMPORT = "docs/import.md#importing-schedules";
  /** Why an import asks for {@code --timezone}, and which zone to give. */
  public static final String IMPORT_TIME_ZONES = "docs/import.md#time-zones";

  /** {@code CATALOG_SOURCES}: the exports {@code serve} polls and imports. */
  public static final String IMPORT_FEEDS = "docs/import.md#keeping-it-current";

  /** All the links above, for the test that checks them. */
  public static final List<String> ALL = List.of(CATALOG_FORMAT, ENVIRONMENT, STORAGE, LOGS, IMPORT, IMPORT_TIME_ZONES,
      IMPORT_FEEDS);

  private DocLinks() {}

  /** Returns "see LINK", the way error messages end. */
  public static String see(String link) {
    return "see " + link;
  }
}
