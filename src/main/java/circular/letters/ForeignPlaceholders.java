package circular.letters;

import circular.Problem;
import circular.files.TextFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Placeholders written in another mail merge's notation, which circular would send as typed: {@code
 * {{country}}} (mailmerge's Jinja, Mustache, Handlebars) anywhere in a letter's files, and a bare
 * {@code ${country}} outside Thymeleaf's brackets in a Markdown letter, a plain-text letter or a
 * properties file (in an HTML letter it belongs in a {@code th:} attribute, where it is right).
 * Either would reach a head of mission as {@code Dear {{name}}}, so it stops the letter, at its
 * file, line and column, with the notation to write instead. Stateless.
 *
 * <pre>{@code
 * letter-templates/x/letter.md:6:21: '{{country}}' would reach the delegation as typed; a column is written [(${country})]
 * }</pre>
 */
final class ForeignPlaceholders {
  private static final Pattern LETTER_FILE =
      Pattern.compile("letter(?:_[A-Za-z0-9_]+)?\\.(html|md|txt|properties)");

  /** {@code {{ name }}}, its name in group 1. */
  private static final Pattern MUSTACHE =
      Pattern.compile("\\{\\{\\s*([\\p{L}_][\\p{L}\\p{N}_.-]*)\\s*}}");

  /** {@code ${name}}, its name in group 1. */
  private static final Pattern BARE = Pattern.compile("\\$\\{([\\p{L}_][\\p{L}\\p{N}_]*)}");

  /**
   * Thymeleaf's own places for an expression in text: {@code [(...)]}, {@code [[...]]} and a {@code
   * [# ...]} element; a {@code ${name}} inside one is right.
   */
  private static final Pattern THYMELEAF =
      Pattern.compile("\\[\\((?:.*?\\)]|.*)|\\[\\[(?:.*?]]|.*)|\\[#.*?]");

  private ForeignPlaceholders() {}

  /** What the letter files of {@code folder} hold in another notation, in file and line order. */
  static List<Problem> in(Path folder) {
    List<Problem> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        Matcher name = LETTER_FILE.matcher(file.getFileName().toString());
        if (name.matches() && Files.isRegularFile(file)) {
          problems.addAll(in(file, TextFile.read(file), !name.group(1).equals("html")));
        }
      }
    } catch (IOException | RuntimeException e) {
      // a folder or file that cannot be read is reported by the reading of the letter itself
    }
    return problems;
  }

  /**
   * @param bareToo whether a bare {@code ${name}} is foreign too: everywhere but in HTML
   */
  static List<Problem> in(Path file, String text, boolean bareToo) {
    List<Problem> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      List<MatchResult> found = new ArrayList<>();
      MUSTACHE.matcher(lines[i]).results().forEach(found::add);
      if (bareToo) {
        BARE.matcher(outsideThymeleaf(lines[i])).results().forEach(found::add);
      }
      found.sort(Comparator.comparingInt(MatchResult::start));
      for (MatchResult m : found) {
        problems.add(
            Problem.at(
                file,
                i + 1,
                m.start() + 1,
                "'"
                    + m.group()
                    + "' would reach the delegation as typed; a column is written [(${"
                    + m.group(1)
                    + "})]"));
      }
    }
    return problems;
  }

  /** {@code line} with Thymeleaf's expressions blanked out, its columns unchanged. */
  private static String outsideThymeleaf(String line) {
    return THYMELEAF.matcher(line).replaceAll(m -> " ".repeat(m.group().length()));
  }
}
