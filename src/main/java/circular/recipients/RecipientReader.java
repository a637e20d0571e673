package circular.recipients;

import circular.InputException;
import circular.Problem;
import circular.TextFile;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
    CountingReader counting;
    try {
      counting = new CountingReader(strictUtf8(file));
    } catch (NoSuchFileException e) {
      throw new InputException(Problem.in(file, "no such file"));
    } catch (IOException e) {
      throw new InputException(Problem.in(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
    try (counting;
        BufferedReader reader = new BufferedReader(counting, 1 << 16)) {
      return read(file, counting, reader);
    } catch (CharacterCodingException e) {
      TextFile.read(file); // reads it again, whole, to say on which line the first bad byte is
      throw new InputException(Problem.in(file, "not UTF-8; save the file as UTF-8 (\"CSV UTF-8\" in a spreadsheet)"));
    } catch (IOException e) {
      throw new InputException(Problem.in(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
  }

  private RecipientList read(Path file, CountingReader counting, BufferedReader reader) throws IOException {
    char delimiter = delimiterOf(reader);
    List<Problem> problems = new ArrayList<>();
    List<Recipient> recipients = new ArrayList<>();
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    Row.Columns columns;
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        throw new InputException(
            Problem.in(file, "the file is empty; its first line must name the columns, e.g. id,email"));
      }
      CSVRecord header = records.next();
      columns = new Row.Columns(header.stream().map(String::strip).toList());
      checkColumns(file, columns.names, problems);
      boolean usable = problems.isEmpty();
      Map<String, Long> idLines = new HashMap<>();
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long line = counting.lineOf(record.getCharacterPosition());
        if (record.size() != columns.names.size()) {
          problems.add(
              Problem.at(
                  file,
                  line,
                  "has "
                      + record.size()
                      + " fields but the header names "
                      + columns.names.size()
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
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException coding) {
        throw coding;
      }
      problems.add(Problem.at(file, csvErrorLine(e.getCause()), syntaxMessage(e.getCause())));
      throw new InputException(problems);
    } catch (CharacterCodingException e) {
      throw e;
    } catch (IOException e) {
      problems.add(Problem.at(file, csvErrorLine(e), syntaxMessage(e)));
      throw new InputException(problems);
    }
    if (recipients.isEmpty() && problems.isEmpty()) {
      problems.add(Problem.in(file, "has a header but no recipients"));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return new RecipientList(file, columns.names, recipients);
  }

  private static Reader strictUtf8(Path file) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new InputStreamReader(Files.newInputStream(file), decoder);
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
      Row.Columns columns,
      CSVRecord record,
      Map<String, Long> idLines,
      List<Problem> problems) {
    int before = problems.size();
    Map<String, String> raw = new Row(columns, record.values());

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

    String[] values = new String[columns.names.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Text.clean(record.get(i));
    }
    Row fields = new Row(columns, values);
    set(columns, values, "id", id);
    set(columns, values, "email", String.join(";", emails));
    set(columns, values, "cc", String.join(";", cc));

    String language = fields.getOrDefault("language", "").toLowerCase(Locale.ROOT);
    if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
      problems.add(
          Problem.atColumn(
              file,
              line,
              "language",
              "'" + Text.visible(language) + "' is not a language code; use one like en, fr or es"));
    }
    set(columns, values, "language", language.replace('_', '-'));

    List<Path> attachments = attachments(file, line, fields.getOrDefault("attachments", ""), problems);
    if (problems.size() != before) {
      return null;
    }
    return new Recipient(id, emails, cc, attachments, fields, line);
  }

  private static void set(Row.Columns columns, String[] values, String column, String value) {
    Integer i = columns.positions.get(column);
    if (i != null) {
      values[i] = value;
    }
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
  private static char delimiterOf(BufferedReader reader) throws IOException {
    reader.mark(1 << 16);
    char[] head = new char[1 << 16];
    int n = reader.read(head, 0, head.length);
    reader.reset();
    long commas = 0;
    long semicolons = 0;
    for (int i = 0; i < n && head[i] != '\n'; i++) {
      commas += head[i] == ',' ? 1 : 0;
      semicolons += head[i] == ';' ? 1 : 0;
    }
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
}
