package circular.recipients;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;

/**
 * A workbook cell as the text a person reads in it, the same as a CSV export would hold: a
 * telephone number stored as a number is {@code 41220000000}, never {@code 4.122E10}; a number
 * formatted {@code 0.00} or {@code 0%} shows its decimals or its percent sign; a date is written
 * {@code 2012-03-22} (with its time, {@code 2012-03-22 15:00}, when it has one); a formula is its
 * result; TRUE and FALSE are as Excel writes them. Stateless.
 */
final class CellText {
  /** Excel's own precision: what it shows of a number in the General format. */
  private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_UP);

  private static final Pattern DATE_PARTS = Pattern.compile("[dmyhs]", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIMPLE_NUMBER = Pattern.compile("[#0,]*0?(\\.[0#]+)?%?");

  /** The number formats every workbook has without naming them (ECMA-376 part 1, 18.8.30). */
  private static final Map<Integer, String> BUILT_IN =
      Map.of(1, "0", 2, "0.00", 3, "#,##0", 4, "#,##0.00", 9, "0%", 10, "0.00%");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private CellText() {}

  /**
   * Why a cell has no value to read, if it has none: it shows an error ({@code #N/A}, {@code
   * #REF!}), or holds a formula whose result the file does not keep (a workbook written by a
   * program and never opened in a spreadsheet).
   */
  static Optional<String> problem(Cell cell) {
    if (cell.getType() == CellType.ERROR) {
      return Optional.of(
          "holds the error "
              + cell.getRawValue()
              + " (a formula that failed); correct it, or type the value");
    }
    if (cell.getType() == CellType.FORMULA && cell.getValue() == null) {
      return Optional.of(
          "holds a formula (="
              + cell.getFormula()
              + ") whose result the file does not keep;"
              + " open the workbook in a spreadsheet and save it again");
    }
    return Optional.empty();
  }

  static String of(Cell cell, boolean date1904) {
    Object value = cell.getValue();
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal number) {
      return number(number, cell.getDataFormatId(), cell.getDataFormatString(), date1904);
    }
    if (value instanceof Boolean bool) {
      return bool ? "TRUE" : "FALSE";
    }
    return value.toString();
  }

  static String number(BigDecimal value, Integer formatId, String format, boolean date1904) {
    String code =
        plain(
            firstSection(
                format != null
                    ? format
                    : formatId == null ? "" : BUILT_IN.getOrDefault(formatId, "")));
    if (isDate(formatId, code)) {
      return date(value, date1904);
    }
    if (!code.isEmpty() && SIMPLE_NUMBER.matcher(code).matches() && !code.equals("General")) {
      DecimalFormat shown = new DecimalFormat(code, DecimalFormatSymbols.getInstance(Locale.ROOT));
      shown.setRoundingMode(RoundingMode.HALF_UP);
      return shown.format(value);
    }
    BigDecimal shown = value.round(EXCEL_DIGITS).stripTrailingZeros();
    return (shown.scale() < 0 ? shown.setScale(0) : shown).toPlainString();
  }

  /**
   * Whether a number format shows a date or a time: Excel's built-in ones, or a code with d, m, y,
   * h or s.
   */
  private static boolean isDate(Integer id, String code) {
    if (id != null
        && ((id >= 14 && id <= 22)
            || (id >= 27 && id <= 36)
            || (id >= 45 && id <= 47)
            || (id >= 50 && id <= 58))) {
      return true;
    }
    return !code.equalsIgnoreCase("General") && DATE_PARTS.matcher(code).find();
  }

  /**
   * Excel's serial day number as a date: day 1 is 1900-01-01 (with Excel's 29 February 1900), or
   * 1904-01-02.
   */
  private static String date(BigDecimal serial, boolean date1904) {
    long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
    long seconds =
        serial
            .subtract(BigDecimal.valueOf(days))
            .multiply(BigDecimal.valueOf(86_400))
            .setScale(0, RoundingMode.HALF_UP)
            .longValueExact();
    LocalDate epoch =
        date1904
            ? LocalDate.of(1904, 1, 1)
            : days < 61 ? LocalDate.of(1899, 12, 31) : LocalDate.of(1899, 12, 30);
    LocalDateTime when = epoch.plusDays(days).atStartOfDay().plusSeconds(seconds);
    if (days == 0 && seconds > 0) {
      return (seconds % 60 == 0 ? TIME : DateTimeFormatter.ofPattern("HH:mm:ss")).format(when);
    }
    if (seconds == 0) {
      return DAY.format(when);
    }
    return (seconds % 60 == 0 ? MINUTE : SECOND).format(when);
  }

  /** The format for positive numbers: a code may hold up to four sections separated by ';'. */
  private static String firstSection(String format) {
    boolean quoted = false;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        return format.substring(0, i);
      }
    }
    return format;
  }

  /**
   * A format code without its quoted text, escaped characters, colours and locales, padding and
   * fill.
   */
  private static String plain(String code) {
    return code.replaceAll("\"[^\"]*\"", "")
        .replaceAll("\\\\.", "")
        .replaceAll("\\[[^]]*]", "")
        .replaceAll("[_*].", "")
        .strip();
  }
}
