package circular;

import java.nio.file.Path;

/**
 * One thing wrong with the user's input, located as precisely as we can: {@code
 * recipients/x.csv:17: column 'email': 'not-an-address' is not an email address}.
 */
public record Problem(String where, String what) {
  public Problem {
    if (where == null || where.isBlank() || what == null || what.isBlank()) {
      throw new IllegalArgumentException("a problem needs a place and a message");
    }
  }

  public static Problem in(Path file, String what) {
    return new Problem(file.toString(), what);
  }

  public static Problem at(Path file, long line, String what) {
    return new Problem(file + ":" + line, what);
  }

  public static Problem at(Path file, long line, int column, String what) {
    return new Problem(file + ":" + line + ":" + column, what);
  }

  public static Problem atColumn(Path file, long line, String column, String what) {
    return new Problem(file + ":" + line, "column '" + column + "': " + what);
  }

  @Override
  public String toString() {
    return where + ": " + what;
  }
}
