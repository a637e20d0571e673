package circular.letters;

import circular.Problem;
import circular.recipients.Recipient;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import org.thymeleaf.exceptions.TemplateProcessingException;

/** Turns Thymeleaf's exceptions into one line that names the template file, line and column. */
final class RenderFailure {
  private RenderFailure() {}

  /** A problem of the subject, a template in a properties file: named by its key, not its place. */
  static Problem inSubject(
      TemplateProcessingException e,
      Translations translations,
      String language,
      Recipient recipient) {
    return translations.problem(language, "subject", "key 'subject': " + describe(e, recipient));
  }

  /**
   * A problem of a body template, at its place in {@code file}: the template's own line and column,
   * led back through {@code lines} when the template was made from the file.
   */
  static Problem inBody(
      TemplateProcessingException e, Path file, SourceMap lines, Recipient recipient) {
    String what = describe(e, recipient);
    TemplateProcessingException located = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TemplateProcessingException tpe && tpe.getLine() != null) {
        located = tpe;
      }
    }
    if (located.getLine() != null && located.getCol() != null) {
      var at = lines.source(located.getLine(), located.getCol());
      if (at.isPresent()) {
        return Problem.at(file, at.get().line(), at.get().column(), what);
      }
    }
    return Problem.in(file, what);
  }

  private static String describe(TemplateProcessingException e, Recipient recipient) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StrictEngineContextFactory.UnknownVariableException u) {
        return "unknown variable '"
            + u.name
            + "'"
            + suggestion(u.name, recipient.fields().keySet());
      }
      if (t instanceof LetterMessages.UnknownMessageException m) {
        String where =
            m.file.getFileName().toString().equals("letter.properties")
                ? "letter.properties"
                : m.file.getFileName() + " or letter.properties";
        return "unknown message key '" + m.key + "': add it to " + where;
      }
    }
    String message = String.valueOf(innermost(e).getMessage());
    int detail = message.indexOf(" (template: ");
    return detail > 0 ? message.substring(0, detail) : message;
  }

  private static Throwable innermost(TemplateProcessingException e) {
    Throwable last = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TemplateProcessingException) {
        last = t;
      }
    }
    return last;
  }

  /** "; did you mean 'country'?" when a column is one or two edits away, else the columns. */
  private static String suggestion(String name, Set<String> columns) {
    return columns.stream()
        .filter(c -> distance(c.toLowerCase(), name.toLowerCase()) <= 2)
        .min(Comparator.comparingInt(c -> distance(c, name)))
        .map(c -> "; did you mean '" + c + "'?")
        .orElse("; the recipient list's columns are: " + String.join(", ", columns));
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
