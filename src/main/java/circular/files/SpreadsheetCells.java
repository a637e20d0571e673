package circular.files;

import java.util.regex.Pattern;

/**
 * Cells that a spreadsheet opens as the text they are: a cell that starts as a formula would
 * ({@code =}, {@code +}, {@code -}, {@code @}) — a server's reply, a stranger's subject line, a
 * delegation's message — gets a leading apostrophe, and control characters become spaces. Every CSV
 * file circular writes goes through here. Stateless.
 */
public final class SpreadsheetCells {
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\u2028\u2029]");
  private static final Pattern CONTROL_BUT_LINE_BREAKS =
      Pattern.compile("[\\p{Cntrl}\u2028\u2029&&[^\n\t]]");

  private SpreadsheetCells() {}

  /** A one-line cell: line breaks and other control characters become spaces. */
  public static String line(String cell) {
    return inert(
        cell == null ? "" : hasControl(cell) ? CONTROL.matcher(cell).replaceAll(" ") : cell);
  }

  /**
   * A cell of several lines, such as a message's text: line breaks ({@code \n}) and tabs are kept.
   */
  public static String lines(String cell) {
    String text = cell == null ? "" : cell.replace("\r\n", "\n");
    return inert(CONTROL_BUT_LINE_BREAKS.matcher(text).replaceAll(" "));
  }

  /** Whether {@link #CONTROL} would match, asked without a matcher: most cells have none. */
  private static boolean hasControl(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  private static String inert(String cell) {
    return !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }
}
