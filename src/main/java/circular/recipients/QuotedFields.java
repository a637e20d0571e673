package circular.recipients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a CSV file's quoted fields open, read as the list's reader reads them (a quote opens a
 * field only as its first character; {@code ""} inside one is a quote), for a message about a
 * broken quote that points at the line to mend rather than the line where the reader noticed.
 */
final class QuotedFields {
  private QuotedFields() {}

  /**
   * The line on which the quoted field opens whose closing quote, on {@code line}, is followed by
   * something other than a delimiter or the end of the line; 0 if there is none, or the file cannot
   * be read.
   */
  static long openedFor(Path file, char delimiter, long line) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    long at = 1;
    long opened = 0;
    boolean quoted = false;
    boolean fieldStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          i++; // a quote written twice: one quote of the text
        } else if (c == '"') {
          quoted = false;
          fieldStart = false;
          char next = i + 1 < text.length() ? text.charAt(i + 1) : '\n';
          if (next != delimiter && next != '\r' && next != '\n' && at == line) {
            return opened;
          }
        } else if (c == '\n') {
          at++;
        }
      } else if (c == '\n') {
        at++;
        fieldStart = true;
      } else if (c == delimiter) {
        fieldStart = true;
      } else if (c == '"' && fieldStart) {
        quoted = true;
        opened = at;
      } else {
        fieldStart = false;
      }
    }
    return 0;
  }
}
