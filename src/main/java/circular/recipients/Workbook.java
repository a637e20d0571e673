package circular.recipients;

import circular.InputException;
import circular.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A recipient list kept as an Excel workbook: {@code states.xlsx} (its first sheet) or {@code
 * states.xlsx#Geneva} (the sheet named Geneva). The first row that holds anything is the header;
 * empty rows are passed over; cells read as a person sees them ({@link CellText}). The sheet is
 * streamed, not loaded whole. Immutable.
 *
 * @param named the list as the user named it, sheet included
 * @param file the workbook file
 * @param sheet the sheet named after {@code #}, if one was
 */
record Workbook(Path named, Path file, Optional<String> sheet) {
  private static final String EXTENSION = ".xlsx";

  /**
   * The workbook a list's name points to, if it names one: by the {@code .xlsx} before any {@code
   * #}.
   */
  static Optional<Workbook> named(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    int hash = name.lastIndexOf('#');
    String fileName = hash < 0 ? name : name.substring(0, hash);
    if (!fileName.toLowerCase(Locale.ROOT).endsWith(EXTENSION)) {
      return Optional.empty();
    }
    Path file = path.resolveSibling(fileName);
    return Optional.of(
        new Workbook(
            path, file, hash < 0 ? Optional.empty() : Optional.of(name.substring(hash + 1))));
  }

  /** Whether a file starts as a zip file does, as every .xlsx workbook does. */
  static boolean looksLikeOne(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * @throws InputException when the workbook cannot be read at all; every problem of its rows is in
   *     what is returned, each naming its cell
   */
  RecipientReader.Checked read() {
    if (!Files.isRegularFile(file)) {
      throw new InputException(Problem.in(file, "no such file"));
    }
    if (!looksLikeOne(file)) {
      throw new InputException(
          Problem.in(
              file,
              "not an Excel workbook; save it from the spreadsheet as \"Excel Workbook (.xlsx)\""));
    }
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true))) {
      Sheet chosen = chosenSheet(workbook);
      RecipientRows rows = new RecipientRows(named, new Places.Sheet(file, chosen.getName()));
      try (Stream<Row> stream = chosen.openStream()) {
        stream.forEach(row -> read(row, rows, workbook.isDate1904()));
      }
      if (!rows.hasHeader()) {
        throw new InputException(
            rows.places()
                .whole("the sheet is empty; its first row must name the columns, e.g. id, email"));
      }
      return rows.checked();
    } catch (InputException e) {
      throw e;
    } catch (Exception e) {
      // a broken or unusual file: fastexcel also lets the XML parser's own exceptions through
      throw new InputException(
          Problem.in(
              file,
              "cannot be read as an Excel workbook ("
                  + e.getMessage()
                  + "); save it again as \"Excel Workbook (.xlsx)\", or as CSV UTF-8"));
    }
  }

  private Sheet chosenSheet(ReadableWorkbook workbook) {
    if (sheet.isEmpty()) {
      return workbook.getFirstSheet();
    }
    List<Sheet> sheets = workbook.getSheets().toList();
    return sheets.stream()
        .filter(s -> s.getName().equalsIgnoreCase(sheet.get().strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new InputException(
                    Problem.in(
                        named,
                        "the workbook has no sheet '"
                            + sheet.get()
                            + "'; its sheets are: "
                            + String.join(", ", sheets.stream().map(Sheet::getName).toList()))));
  }

  private static void read(Row row, RecipientRows rows, boolean date1904) {
    int count = row.getCellCount();
    String[] cells = new String[count];
    boolean any = false;
    for (int i = 0; i < count; i++) {
      Cell cell = row.getCell(i);
      cells[i] = cell == null ? "" : text(cell, row.getRowNum(), i, rows, date1904);
      any |= !cells[i].isEmpty();
    }
    if (!any) {
      return;
    }
    if (!rows.hasHeader()) {
      int width = cells.length;
      while (cells[width - 1].isEmpty()) {
        width--; // cells a spreadsheet keeps only for their formatting
      }
      rows.header(row.getRowNum(), List.of(cells).subList(0, width));
      return;
    }
    String[] values = new String[rows.width()];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < count ? cells[i] : "";
    }
    for (int i = values.length; i < count; i++) {
      if (!cells[i].isEmpty()) {
        rows.problem(
            rows.places()
                .at(
                    row.getRowNum(),
                    i,
                    "'"
                        + Text.visible(cells[i])
                        + "' is in a column without a header; name the column in the header row, or clear the cell"));
      }
    }
    rows.row(row.getRowNum(), values);
  }

  private static String text(Cell cell, int row, int column, RecipientRows rows, boolean date1904) {
    Optional<String> problem = CellText.problem(cell);
    if (problem.isPresent()) {
      rows.problem(rows.places().at(row, column, problem.get()));
      return "";
    }
    return CellText.of(cell, date1904);
  }
}
