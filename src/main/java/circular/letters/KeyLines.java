package circular.letters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a key is set in a {@code .properties} file, for messages that point at its line: the line
 * on which the last setting of the key begins (the one {@link java.util.Properties} keeps), read as
 * that format reads it — comments, blank lines and continued lines are not keys.
 */
final class KeyLines {
  private KeyLines() {}

  /**
   * The 1-based line where {@code key} is last set in {@code file}; 0 when it is not, or unread.
   */
  static long of(Path file, String key) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    long found = 0;
    boolean continued = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean wasContinued = continued;
      continued = endsInOddBackslashes(line);
      if (wasContinued) {
        continue;
      }
      String text = line.stripLeading();
      if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
        continued = false; // a comment never continues
        continue;
      }
      if (keyOf(text).equals(key)) {
        found = i + 1;
      }
    }
    return found;
  }

  /** The key a line sets: up to the first unescaped '=', ':' or white space. */
  private static String keyOf(String text) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        key.append(text.charAt(++i));
      } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
        break;
      } else {
        key.append(c);
      }
    }
    return key.toString();
  }

  private static boolean endsInOddBackslashes(String line) {
    int n = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }
}
