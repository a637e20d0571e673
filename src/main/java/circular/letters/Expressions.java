package circular.letters;

import circular.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inlined expressions of a text, as Thymeleaf writes them: {@code [(${country})]} and {@code
 * [[${country}]]}, {@code [(#{closing})]}. Each must close on the line it opens on; one that does
 * not is a problem, not text that would reach a delegation as {@code [(${name}}. Stateless.
 */
final class Expressions {
  /**
   * One expression: {@code text.substring(start, end)} is the whole of it, brackets included;
   * {@code inner} what is between them ({@code ${country}}).
   */
  record Expression(int start, int end, String inner, SourceMap.Position at) {}

  private Expressions() {}

  /** Every expression of {@code text}, in order; an unclosed one is added to {@code problems}. */
  static List<Expression> find(String text, Path file, List<Problem> problems) {
    List<Expression> found = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        continue;
      }
      char next = text.charAt(i + 1);
      if (c != '[' || (next != '(' && next != '[')) {
        continue;
      }
      String close = next == '(' ? ")]" : "]]";
      int lineEnd = text.indexOf('\n', i);
      int end = text.indexOf(close, i + 2);
      SourceMap.Position at = new SourceMap.Position(line, i - lineStart + 1);
      if (end < 0 || (lineEnd >= 0 && end > lineEnd)) {
        if (!opensExpression(text, i + 2)) {
          continue; // Markdown such as "[(1) Annex](annex.pdf)": text, not an expression
        }
        problems.add(
            Problem.at(
                file,
                at.line(),
                at.column(),
                "'"
                    + text.charAt(i)
                    + next
                    + "' opens an expression that is not closed by '"
                    + close
                    + "' on its line"));
        continue;
      }
      found.add(new Expression(i, end + 2, text.substring(i + 2, end), at));
      i = end + 1;
    }
    return found;
  }

  /** Whether {@code ${}, {@code #{}, {@code *{}, {@code @{} or {@code ~{} starts at {@code i}. */
  private static boolean opensExpression(String text, int i) {
    return i + 1 < text.length()
        && "$#*@~".indexOf(text.charAt(i)) >= 0
        && text.charAt(i + 1) == '{';
  }
}
