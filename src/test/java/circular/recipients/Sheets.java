package circular.recipients;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes .xlsx workbooks for tests with fastexcel's writer: each sheet a list of rows, each cell a
 * String, Number, Boolean, LocalDate, LocalDateTime, a {@link Formatted} number or null for none.
 */
public final class Sheets {
  private final Map<String, List<Object[]>> sheets = new LinkedHashMap<>();

  /** A number shown through an Excel number format, such as {@code 0.00} or {@code yyyy-mm-dd}. */
  public record Formatted(Number value, String format) {}

  /** A formula, written without a saved result. */
  public record Formula(String expression) {}

  public Sheets sheet(String name, Object[]... rows) {
    sheets.put(name, new ArrayList<>(List.of(rows)));
    return this;
  }

  /**
   * A sheet holding the rows of a CSV list, every cell as text, as a spreadsheet would after
   * importing it.
   */
  public Sheets sheet(String name, List<List<String>> rows) {
    List<Object[]> cells = new ArrayList<>();
    rows.forEach(row -> cells.add(row.stream().map(v -> v.isEmpty() ? null : v).toArray()));
    sheets.put(name, cells);
    return this;
  }

  public Path writeTo(Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook workbook = new Workbook(out, "circular-tests", "1.0");
      for (Map.Entry<String, List<Object[]>> sheet : sheets.entrySet()) {
        Worksheet worksheet = workbook.newWorksheet(sheet.getKey());
        List<Object[]> rows = sheet.getValue();
        for (int r = 0; r < rows.size(); r++) {
          Object[] row = rows.get(r);
          for (int c = 0; c < row.length; c++) {
            write(worksheet, r, c, row[c]);
          }
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static void write(Worksheet sheet, int r, int c, Object value) {
    if (value instanceof String s) {
      sheet.value(r, c, s);
    } else if (value instanceof Number n) {
      sheet.value(r, c, n);
    } else if (value instanceof Boolean b) {
      sheet.value(r, c, b);
    } else if (value instanceof LocalDate d) {
      sheet.value(r, c, d);
      sheet.style(r, c).format("yyyy-mm-dd").set();
    } else if (value instanceof LocalDateTime t) {
      sheet.value(r, c, t);
      sheet.style(r, c).format("d mmm yyyy hh:mm").set();
    } else if (value instanceof Formatted f) {
      sheet.value(r, c, f.value());
      sheet.style(r, c).format(f.format()).set();
    } else if (value instanceof Formula f) {
      sheet.formula(r, c, f.expression());
    } else if (value != null) {
      throw new IllegalArgumentException("no cell for " + value.getClass());
    }
  }
}
