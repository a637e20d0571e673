package circular.recipients;

/**
 * Cleaning of cell text: what a spreadsheet may carry that must never reach a letter or a header;
 * also what a stranger's message may carry that must never reach a terminal or a log.
 */
public final class Text {
  private Text() {}

  /**
   * The cell with every control character (line breaks, tabs, NUL, the Unicode line and paragraph
   * separators) turned into a space, runs of spaces folded, and the ends stripped.
   */
  public static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean blank = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == ' ';
      if (blank) {
        space = true;
      } else {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The text as it may be quoted in an error message: control characters shown as escapes. */
  public static String visible(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < 80; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.length() >= 80 ? out + "…" : out.toString();
  }
}
