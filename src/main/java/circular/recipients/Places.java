package circular.recipients;

import circular.Problem;
import java.nio.file.Path;

/**
 * How a recipient list names a place in itself when something there is wrong: a line and a column
 * of a CSV file ({@code recipients/x.csv:17: column 'email': …}), or a cell of a workbook's sheet
 * ({@code recipients/x.xlsx#Geneva!E17: …}). Immutable.
 */
public sealed interface Places {
  /** The file as the user named it, without a sheet. */
  Path file();

  /** The file or sheet as a whole. */
  Problem whole(String what);

  /** One row as a whole: a line of a CSV file, a row of a sheet. */
  Problem row(long row, String what);

  /**
   * A cell, {@code column} counted from 0, whatever its column is called (in a CSV file: its line).
   */
  Problem at(long row, int column, String what);

  /** A cell of a recipient's row, {@code column} counted from 0 and called {@code name}. */
  Problem cell(long row, int column, String name, String what);

  /** A row as a message mentions it: {@code line 17}, {@code row 17}. */
  String rowName(long row);

  /** Lines and columns of a CSV file. */
  record Csv(Path file) implements Places {
    @Override
    public Problem whole(String what) {
      return Problem.in(file, what);
    }

    @Override
    public Problem row(long row, String what) {
      return Problem.at(file, row, what);
    }

    @Override
    public Problem at(long row, int column, String what) {
      return Problem.at(file, row, what);
    }

    @Override
    public Problem cell(long row, int column, String name, String what) {
      return Problem.atColumn(file, row, name, what);
    }

    @Override
    public String rowName(long row) {
      return "line " + row;
    }
  }

  /**
   * Cells of one sheet of a workbook, in the spreadsheet's own notation: {@code x.xlsx#Geneva!E17}.
   */
  record Sheet(Path file, String sheet) implements Places {
    @Override
    public Problem whole(String what) {
      return new Problem(file + "#" + sheet, what);
    }

    @Override
    public Problem row(long row, String what) {
      return new Problem(file + "#" + sheet + " row " + row, what);
    }

    @Override
    public Problem at(long row, int column, String what) {
      return new Problem(reference(row, column), what);
    }

    @Override
    public Problem cell(long row, int column, String name, String what) {
      return new Problem(reference(row, column), what);
    }

    @Override
    public String rowName(long row) {
      return "row " + row;
    }

    private String reference(long row, int column) {
      return file + "#" + sheet + "!" + columnLetters(column) + row;
    }

    /** A, B, … Z, AA, AB, …: the spreadsheet's name for a column counted from 0. */
    static String columnLetters(int column) {
      StringBuilder letters = new StringBuilder();
      for (int n = column + 1; n > 0; n = (n - 1) / 26) {
        letters.insert(0, (char) ('A' + (n - 1) % 26));
      }
      return letters.toString();
    }
  }
}
