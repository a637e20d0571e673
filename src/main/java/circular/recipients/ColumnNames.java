package circular.recipients;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The rule for a column header: it must be usable as a template variable, {@code ${country}}. */
final class ColumnNames {
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Words that the template expression languages (OGNL, Thymeleaf) read as operators or literals.
   */
  private static final Set<String> RESERVED =
      Set.of(
          "and",
          "or",
          "not",
          "in",
          "instanceof",
          "new",
          "true",
          "false",
          "null",
          "this",
          "eq",
          "ne",
          "neq",
          "lt",
          "le",
          "lte",
          "gt",
          "ge",
          "gte",
          "div",
          "mod",
          "shl",
          "shr",
          "ushr",
          "band",
          "bor",
          "xor",
          "bnot",
          "param",
          "session",
          "application");

  private ColumnNames() {}

  /** Why {@code header} cannot be a variable name, with the name to use instead; empty if fine. */
  static Optional<String> problem(String header) {
    if (VARIABLE.matcher(header).matches() && !RESERVED.contains(header)) {
      return Optional.empty();
    }
    String suggestion = suggest(header);
    if (RESERVED.contains(header)) {
      return Optional.of(
          "'"
              + header
              + "' is a reserved word in templates; rename the column to '"
              + suggestion
              + "'");
    }
    return Optional.of(
        "'"
            + Text.visible(header)
            + "' cannot be a template variable name (letters, digits and '_'"
            + " only, not starting with a digit); rename the column to '"
            + suggestion
            + "'");
  }

  /**
   * A valid variable name close to {@code header}: accents dropped, other characters to '_', lower
   * case.
   */
  static String suggest(String header) {
    String plain =
        Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").strip();
    String name =
        plain.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "").toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      return "column";
    }
    if (Character.isDigit(name.charAt(0))) {
      name = "_" + name;
    }
    return RESERVED.contains(name) ? name + "_" : name;
  }
}
