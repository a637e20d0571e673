package circular.recipients;

import circular.InputException;
import circular.Problem;
import circular.files.NearNames;
import circular.files.TextFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a recipient list: a CSV file in UTF-8 (with or without BOM), comma- or semicolon-separated,
 * RFC 4180 quoting, or an Excel workbook ({@code states.xlsx} for its first sheet, {@code
 * states.xlsx#Geneva} for the sheet named Geneva); either way a header row naming at least {@code
 * id} and {@code email}, and the same rules for every row ({@link RecipientRows}). Every problem in
 * the file is collected before anything is refused, so the user fixes them in one pass. Stateless
 * and thread-safe.
 *
 * <pre>{@code RecipientList list = new RecipientReader().read(Path.of("recipients/states.csv"));}
 * </pre>
 */
public final class RecipientReader {
  /** Commons CSV writes the line with grouping separators: "line: 1,049". */
  private static final Pattern CSV_ERROR_LINE = Pattern.compile("line:? (\\d[\\d,.\u00a0\u202f]*)");

  /**
   * The list, if every rule holds.
   *
   * @throws InputException with every problem found
   */
  public RecipientList read(Path file) {
    Checked checked = check(file);
    if (!checked.problems().isEmpty()) {
      throw new InputException(checked.problems());
    }
    return checked.rows().orElseThrow();
  }

  /**
   * A list read with its problems, for a check that lists every problem at once: the rows without a
   * problem (every row when there is none) go on to be rendered, so that their letters' problems
   * are found in the same run. Never throws for what is wrong with the file.
   */
  public Checked check(Path file) {
    try {
      return readChecked(file);
    } catch (InputException e) {
      return new Checked(Optional.empty(), e.problems());
    }
  }

  /**
   * What a list holds: {@code rows}, the rows without a problem (the whole list when {@code
   * problems} is empty; none when the file or its header could not be read), and every problem.
   */
  public record Checked(Optional<RecipientList> rows, List<Problem> problems) {
    public Checked {
      problems = List.copyOf(problems);
    }
  }

  private Checked readChecked(Path file) {
    if (String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".xls")) {
      throw new InputException(
          Problem.in(
              file,
              "an Excel 97-2003 workbook, which circular does not read; save it as \"Excel Workbook (.xlsx)\" or as CSV UTF-8"));
    }
    return Workbook.named(file).map(Workbook::read).orElseGet(() -> readCsv(file));
  }

  private Checked readCsv(Path file) {
    if (Files.isDirectory(file)) {
      NearNames lists = listsBeside(file.resolve("x"));
      throw new InputException(
          Problem.in(
              file,
              "is a folder, not a list; name a .csv or .xlsx file in it"
                  + (lists.names().isEmpty() ? " (it has none)" : " (" + lists.listing() + ")")));
    }
    CountingReader counting;
    try {
      counting = new CountingReader(strictUtf8(file));
    } catch (NoSuchFileException e) {
      throw missing(file);
    } catch (IOException e) {
      throw new InputException(
          Problem.in(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
    try (counting;
        BufferedReader reader = new BufferedReader(counting, 1 << 16)) {
      return readCsv(file, counting, reader);
    } catch (CharacterCodingException e) {
      if (Workbook.looksLikeOne(file)) {
        throw new InputException(
            Problem.in(
                file, "is an Excel workbook, not CSV text; name it with .xlsx to read it as one"));
      }
      TextFile.read(file); // reads it again, whole, to say on which line the first bad byte is
      throw new InputException(
          Problem.in(file, "not UTF-8; save the file as UTF-8 (\"CSV UTF-8\" in a spreadsheet)"));
    } catch (IOException e) {
      throw new InputException(
          Problem.in(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
  }

  private Checked readCsv(Path file, CountingReader counting, BufferedReader reader)
      throws IOException {
    char delimiter = delimiterOf(reader);
    RecipientRows rows = new RecipientRows(file, new Places.Csv(file));
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        throw new InputException(
            Problem.in(
                file, "the file is empty; its first line must name the columns, e.g. id,email"));
      }
      rows.header(1, records.next().toList());
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long line = counting.lineOf(record.getCharacterPosition());
        if (record.size() != rows.width()) {
          rows.problem(
              Problem.at(
                  file,
                  line,
                  "has "
                      + record.size()
                      + " fields but the header names "
                      + rows.width()
                      + " (a missing or extra '"
                      + delimiter
                      + "', or a quote not closed?)"));
          continue;
        }
        rows.row(line, record.values());
      }
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException coding) {
        throw coding;
      }
      rows.problem(syntaxProblem(file, delimiter, e.getCause()));
    } catch (CharacterCodingException e) {
      throw e;
    } catch (IOException e) {
      rows.problem(syntaxProblem(file, delimiter, e));
    }
    return rows.checked();
  }

  /**
   * A list that is not there, with the lists beside it; a name without {@code .csv} or {@code
   * .xlsx} is one the command line looked for with either.
   */
  private static InputException missing(Path file) {
    String name = String.valueOf(file.getFileName());
    String what = name.contains(".") ? "no such file" : "no such list (neither .csv nor .xlsx)";
    return new InputException(Problem.in(file, what + listsBeside(file).hint(name, "lists")));
  }

  /** The .csv and .xlsx files in the folder of {@code file}. */
  private static NearNames listsBeside(Path file) {
    Path folder = file.getParent() == null ? Path.of(".") : file.getParent();
    return NearNames.in(
        folder,
        p -> {
          String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
          return Files.isRegularFile(p)
              && !name.startsWith("~$") // the lock file Excel keeps beside an open workbook
              && (name.endsWith(".csv") || name.endsWith(".xlsx"));
        });
  }

  private static Reader strictUtf8(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return new InputStreamReader(in, TextFile.strictUtf8());
  }

  /**
   * Whichever of ',' and ';' the header row uses more; spreadsheets in many countries write ';'.
   */
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

  /**
   * The broken quote, where the user must look: text after a closing quote whose field was opened
   * on an earlier line is a quote missing there, the line the reader stopped on only where it found
   * out.
   */
  private static Problem syntaxProblem(Path file, char delimiter, IOException e) {
    long line = csvErrorLine(e);
    String message = String.valueOf(e.getMessage());
    if (message.contains("Invalid character between encapsulated token and delimiter")) {
      long opened = QuotedFields.openedFor(file, delimiter, line);
      if (opened > 0 && opened < line) {
        return Problem.at(
            file,
            opened,
            "a quoted field opens here and closes only on line "
                + line
                + ", with text after it: a '\"' is probably missing on this line (a quote inside a"
                + " quoted field is written twice, \"\")");
      }
    }
    return Problem.at(file, line, syntaxMessage(e));
  }

  private static long csvErrorLine(IOException e) {
    Matcher m = CSV_ERROR_LINE.matcher(String.valueOf(e.getMessage()));
    return m.find() ? Long.parseLong(m.group(1).replaceAll("\\D", "")) : 1;
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
