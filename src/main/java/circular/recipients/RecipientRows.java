package circular.recipients;

import circular.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of a recipient list, checked row by row as a CSV file or a workbook's sheet is read:
 * the header names usable columns including {@code id} and {@code email}; every row has a unique
 * id, valid addresses, a language code and the files it names. Every problem is collected, so the
 * user fixes them in one pass. One instance reads one list; not thread-safe.
 */
final class RecipientRows {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?");

  private final Path file;
  private final Places places;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Recipient> recipients = new ArrayList<>();
  private final Map<String, Long> idRows = new HashMap<>();
  private Row.Columns columns;
  private boolean usable;

  /**
   * @param file the list as the user named it; the files of its {@code attachments} column are next
   *     to it
   */
  RecipientRows(Path file, Places places) {
    this.file = file;
    this.places = places;
  }

  Places places() {
    return places;
  }

  /**
   * The header row; its problems are noted, and rows are checked unless it lacks a column every row
   * needs.
   */
  void header(long row, List<String> names) {
    columns = new Row.Columns(names.stream().map(String::strip).toList());
    int before = problems.size();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < columns.names.size(); i++) {
      String name = columns.names.get(i);
      if (name.isEmpty()) {
        problems.add(places.at(row, i, "column " + (i + 1) + " has no name; name it or delete it"));
        continue;
      }
      Integer earlier = seen.putIfAbsent(name, i + 1);
      if (earlier != null) {
        problems.add(
            places.at(
                row,
                i,
                "column '"
                    + name
                    + "' appears twice (columns "
                    + earlier
                    + " and "
                    + (i + 1)
                    + ")"));
      }
      int column = i;
      ColumnNames.problem(name).ifPresent(p -> problems.add(places.at(row, column, p)));
    }
    for (String required : List.of("id", "email")) {
      if (!columns.names.contains(required)) {
        String near =
            columns.names.stream()
                .filter(c -> c.equalsIgnoreCase(required))
                .findFirst()
                .map(c -> "; rename column '" + c + "' to '" + required + "'")
                .orElse("; the columns are: " + String.join(", ", columns.names));
        problems.add(places.row(row, "missing column '" + required + "'" + near));
      }
    }
    // Rows are checked when the columns every row needs are there, once each: a problem with
    // another column's name is listed with the rows' own.
    usable =
        List.of("id", "email").stream()
            .allMatch(
                c ->
                    columns.names.indexOf(c) >= 0
                        && columns.names.indexOf(c) == columns.names.lastIndexOf(c));
  }

  /** Whether the header row has been read. */
  boolean hasHeader() {
    return columns != null;
  }

  /** The number of columns the header names. */
  int width() {
    return columns.names.size();
  }

  /** A problem of the file that is not about one recipient, such as a broken quote. */
  void problem(Problem problem) {
    problems.add(problem);
  }

  /** One recipient's row, one value per column of the header, as the file holds them. */
  void row(long row, String[] cells) {
    if (!usable) {
      return;
    }
    int before = problems.size();
    Map<String, String> raw = new Row(columns, cells);

    String id = Text.clean(raw.get("id"));
    if (id.isEmpty()) {
      problems.add(cell(row, "id", "is empty; every recipient needs a unique id"));
    } else if (!ID.matcher(id).matches()) {
      problems.add(
          cell(
              row,
              "id",
              "'" + Text.visible(id) + "' may only hold letters A-Z, digits, '.', '_' and '-'"));
    } else {
      Long first = idRows.putIfAbsent(RecipientList.key(id), row);
      if (first != null) {
        problems.add(
            cell(row, "id", "duplicate id '" + id + "' (first on " + places.rowName(first) + ")"));
      }
    }

    List<String> emails = addresses(row, "email", raw.get("email"));
    if (emails.isEmpty() && problems.size() == before) {
      problems.add(cell(row, "email", "is empty; give at least one address"));
    }
    List<String> cc = raw.containsKey("cc") ? addresses(row, "cc", raw.get("cc")) : List.of();

    String[] values = new String[cells.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = Text.clean(cells[i]);
    }
    Row fields = new Row(columns, values);
    set(values, "id", id);
    set(values, "email", String.join(";", emails));
    set(values, "cc", String.join(";", cc));

    String language = fields.getOrDefault("language", "").toLowerCase(Locale.ROOT);
    if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
      problems.add(
          cell(
              row,
              "language",
              "'"
                  + Text.visible(language)
                  + "' is not a language code; use one like en, fr or es"));
    }
    set(values, "language", language.replace('_', '-'));

    List<Path> attachments = attachments(row, fields.getOrDefault("attachments", ""));
    if (problems.size() == before) {
      recipients.add(new Recipient(id, emails, cc, attachments, fields, row));
    }
  }

  /**
   * What was read: every problem found, and the rows that have none, which are the whole list when
   * every rule holds; no rows when the header does not name the columns every row needs.
   */
  RecipientReader.Checked checked() {
    if (recipients.isEmpty() && problems.isEmpty()) {
      problems.add(places.whole("has a header but no recipients"));
    }
    Optional<RecipientList> rows =
        recipients.isEmpty()
            ? Optional.empty()
            : Optional.of(new RecipientList(file, places, columns.names, recipients));
    return new RecipientReader.Checked(rows, problems);
  }

  private Problem cell(long row, String column, String what) {
    return places.cell(row, columns.positions.get(column), column, what);
  }

  private void set(String[] values, String column, String value) {
    Integer i = columns.positions.get(column);
    if (i != null) {
      values[i] = value;
    }
  }

  private List<String> addresses(long row, String column, String cell) {
    Addresses.Result result = Addresses.parse(cell);
    result.error().ifPresent(e -> problems.add(cell(row, column, e)));
    return result.addresses();
  }

  /** The {@code attachments} column: files named relative to the list's own folder. */
  private List<Path> attachments(long row, String cell) {
    Path base = file.toAbsolutePath().getParent();
    List<Path> found = new ArrayList<>();
    for (String name : cell.split(";")) {
      if (name.isBlank()) {
        continue;
      }
      Path path = base.resolve(name.strip()).normalize();
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        problems.add(
            cell(
                row,
                "attachments",
                "no readable file '" + name.strip() + "' next to " + places.file().getFileName()));
      } else {
        found.add(path);
      }
    }
    return found;
  }
}
