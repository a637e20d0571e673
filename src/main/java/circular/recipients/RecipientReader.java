package circular.recipients;

import circular.InputException;
import circular.Problem;
import circular.TextFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a recipient list: a CSV file in UTF-8 (with or without BOM), comma- or
 * semicolon-separated, RFC 4180 quoting, a header row naming at least {@code id} and {@code
 * email}. Every problem in the file is collected before anything is refused, so the user fixes
 * them in one pass. Stateless and thread-safe.
 *
 * <pre>{@code RecipientList list = new RecipientReader().read(Path.of("recipients/states.csv"));}</pre>
 */
public final class RecipientReader {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?");
  private static final Pattern CSV_ERROR_LINE = Pattern.compile("line:? (\\d+)");

  public RecipientList read(Path file) {
    String text = TextFile.read(file);
    if (text.isBlank()) {
      throw new InputException(
          Problem.in(file, "the file is empty; its first line must name the columns, e.g. id,email"));
    }
    char delimiter = delimiterOf(text);
    LineIndex lines = new LineIndex(text);
    List<Problem> problems = new ArrayList<>();
    List<Recipient> recipients = new ArrayList<>();
    List<String> columns;
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      var records = parser.iterator();
      CSVRecord header = records.next();
      columns = header.stream().map(String::strip).toList();
      checkColumns(file, columns, problems);
      boolean usable = problems.isEmpty();
      Map<String, Long> idLines = new HashMap<>();
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long line = lines.lineOf(record.getCharacterPosition());
        if (record.size() != columns.size()) {
          problems.add(
              Problem.at(
                  file,
                  line,
                  "has "
                      + record.size()
                      + " fields but the header names "
                      + columns.size()
                      + " (a missing or extra '"
                      + delimiter
                      + "', or a quote not closed?)"));
          continue;
        }
        if (usable) {
          Recipient r = recipient(file, line, columns, record, idLines, problems);
          if (r != null) {
            recipients.add(r);
          }
        }
      }
    } catch (UncheckedIOException | IOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      problems.add(Problem.at(file, csvErrorLine(cause), syntaxMessage(cause)));
      throw new InputException(problems);
    }
    if (recipients.isEmpty() && problems.isEmpty()) {
      problems.add(Problem.in(file, "has a header but no recipients"));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return new RecipientList(file, columns, recipients);
  }

  private static void checkColumns(Path file, List<String> columns, List<Problem> problems) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i);
      if (name.isEmpty()) {
        problems.add(Problem.at(file, 1, "column " + (i + 1) + " has no name; name it or delete it"));
        continue;
      }
      Integer earlier = seen.putIfAbsent(name, i + 1);
      if (earlier != null) {
        problems.add(
            Problem.at(
                file, 1, "column '" + name + "' appears twice (columns " + earlier + " and " + (i + 1) + ")"));
      }
      ColumnNames.problem(name).ifPresent(p -> problems.add(Problem.at(file, 1, p)));
    }
    for (String required : List.of("id", "email")) {
      if (!columns.contains(required)) {
        String near =
            columns.stream()
                .filter(c -> c.strip().equalsIgnoreCase(required))
                .findFirst()
                .map(c -> "; rename column '" + c + "' to '" + required + "'")
                .orElse("; the columns are: " + String.join(", ", columns));
        problems.add(Problem.at(file, 1, "missing column '" + required + "'" + near));
      }
    }
  }

  private static Recipient recipient(
      Path file,
      long line,
      List<String> columns,
      CSVRecord record,
      Map<String, Long> idLines,
      List<Problem> problems) {
    int before = problems.size();
    Map<String, String> raw = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      raw.put(columns.get(i), record.get(i));
    }

    String id = Text.clean(raw.get("id"));
    if (id.isEmpty()) {
      problems.add(Problem.atColumn(file, line, "id", "is empty; every recipient needs a unique id"));
    } else if (!ID.matcher(id).matches()) {
      problems.add(
          Problem.atColumn(
              file,
              line,
              "id",
              "'" + Text.visible(id) + "' may only hold letters A-Z, digits, '.', '_' and '-'"));
    } else {
      Long first = idLines.putIfAbsent(RecipientList.key(id), line);
      if (first != null) {
        problems.add(
            Problem.atColumn(file, line, "id", "duplicate id '" + id + "' (first on line " + first + ")"));
      }
    }

    List<String> emails = addresses(file, line, "email", raw.get("email"), problems);
    if (emails.isEmpty() && problems.size() == before) {
      problems.add(Problem.atColumn(file, line, "email", "is empty; give at least one address"));
    }
    List<String> cc = raw.containsKey("cc") ? addresses(file, line, "cc", raw.get("cc"), problems) : List.of();

    Map<String, String> fields = new LinkedHashMap<>();
    raw.forEach((name, value) -> fields.put(name, Text.clean(value)));
    fields.put("id", id);
    fields.put("email", String.join(";", emails));
    if (raw.containsKey("cc")) {
      fields.put("cc", String.join(";", cc));
    }

    String language = fields.getOrDefault("language", "").toLowerCase(Locale.ROOT);
    if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
      problems.add(
          Problem.atColumn(
              file,
              line,
              "language",
              "'" + Text.visible(language) + "' is not a language code; use one like en, fr or es"));
    }
    if (fields.containsKey("language")) {
      fields.put("language", language.replace('_', '-'));
    }

    List<Path> attachments = attachments(file, line, fields.getOrDefault("attachments", ""), problems);
    if (problems.size() != before) {
      return null;
    }
    return new Recipient(id, emails, cc, attachments, fields, line);
  }

  private static List<String> addresses(
      Path file, long line, String column, String cell, List<Problem> problems) {
    Addresses.Result result = Addresses.parse(cell);
    result.error().ifPresent(e -> problems.add(Problem.atColumn(file, line, column, e)));
    return result.addresses();
  }

  /** The {@code attachments} column: files named relative to the list's own folder. */
  private static List<Path> attachments(Path file, long line, String cell, List<Problem> problems) {
    Path base = file.toAbsolutePath().getParent();
    List<Path> found = new ArrayList<>();
    for (String name : cell.split(";")) {
      if (name.isBlank()) {
        continue;
      }
      Path path = base.resolve(name.strip()).normalize();
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        problems.add(
            Problem.atColumn(
                file, line, "attachments", "no readable file '" + name.strip() + "' next to " + file.getFileName()));
      } else {
        found.add(path);
      }
    }
    return found;
  }

  /** Whichever of ',' and ';' the header row uses more; spreadsheets in many countries write ';'. */
  private static char delimiterOf(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    long commas = header.chars().filter(c -> c == ',').count();
    long semicolons = header.chars().filter(c -> c == ';').count();
    return semicolons > commas ? ';' : ',';
  }

  private static long csvErrorLine(IOException e) {
    Matcher m = CSV_ERROR_LINE.matcher(String.valueOf(e.getMessage()));
    return m.find() ? Long.parseLong(m.group(1)) : 1;
  }

  private static String syntaxMessage(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("EOF reached before encapsulated token finished")) {
      return "a quoted field is never closed: a '\"' is missing (the field starts on this line or after)";
    }
    if (message.contains("Invalid character between encapsulated token and delimiter")) {
      return "text after a closing quote; a quote inside a quoted field is written twice (\"\")";
    }
    return "not a valid CSV file: " + message;
  }

  /** Maps a character offset of the text to its 1-based line number; blank lines are skipped. */
  private static final class LineIndex {
    private final String text;
    private final int[] starts;

    LineIndex(String text) {
      this.text = text;
      int[] found = new int[64];
      int n = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          if (n == found.length) {
            found = Arrays.copyOf(found, n * 2);
          }
          found[n++] = i + 1;
        }
      }
      starts = Arrays.copyOf(found, n);
    }

    /** The line of the first character at or after {@code offset} that is not a line break. */
    long lineOf(long offset) {
      int at = (int) offset;
      while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
        at++;
      }
      int i = Arrays.binarySearch(starts, at);
      return i >= 0 ? i + 1 : -i - 1;
    }
  }
}
