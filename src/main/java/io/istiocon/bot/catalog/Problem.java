package io.istiocon.bot.catalog;

/**
 * One thing wrong with a catalog file, printed as {@code file:line:column: where: message}. It sits
 * in the core, beside the model it describes, so that whoever reads the files, serves them or
 * reports on them ({@code ask}, {@code validate}, {@code /readyz}) shares it without depending on
 * each other.
 *
 * @param where the record at fault, such as {@code sessions[12] (id e7p)}, or empty
 */
public record Problem(String file, int line, int column, String where, String message) {
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file).append(':').append(line).append(':').append(column).append(": ");
    if (!where.isEmpty()) {
      out.append(where).append(": ");
    }
    return out.append(message).toString();
  }
}
