package circular.letters;

import circular.InputException;
import circular.Problem;
import circular.files.TextFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The files a letter folder's body is written in: the main letter ({@code letter.html} or {@code
 * letter.md}, and {@code letter.txt}), and the letters written for one language ({@code
 * letter_fr.html} or {@code letter_fr.md}, and {@code letter_fr.txt}). A file of a language
 * replaces the main file of its kind for that language; a whole letter of a language never takes
 * the main {@code letter.txt}, which is in another language. Read and checked once; immutable.
 */
final class BodyFiles {
  private static final Pattern FILE =
      Pattern.compile("letter(?:_([a-z]{2,3}(?:_[A-Za-z0-9]{2,8})?))?\\.(html|md|txt)");

  /**
   * The body files of the main letter or of one language; a letter has an HTML or a Markdown body,
   * not both.
   */
  private record Written(
      Optional<Path> html, Optional<MarkdownLetter> markdown, Optional<Path> txt) {
    boolean hasBody() {
      return html.isPresent() || markdown.isPresent();
    }

    Path body() {
      return html.orElseGet(() -> markdown.orElseThrow().file());
    }
  }

  private final Written main;
  private final Map<String, Written> byLanguage;

  private BodyFiles(Written main, Map<String, Written> byLanguage) {
    this.main = main;
    this.byLanguage = byLanguage;
  }

  /** Reads every body file of {@code folder}, adding what is wrong to {@code problems}. */
  static BodyFiles read(Path folder, List<Problem> problems) {
    Map<String, Map<String, Path>> found = new LinkedHashMap<>();
    found.put("", new LinkedHashMap<>());
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (m.matches()) {
          String language = m.group(1) == null ? "" : Translations.tag(m.group(1));
          found.computeIfAbsent(language, l -> new LinkedHashMap<>()).put(m.group(2), file);
        }
      }
    } catch (IOException e) {
      problems.add(Problem.in(folder, "cannot be listed (" + e.getClass().getSimpleName() + ")"));
    }
    Map<String, Path> mainFiles = found.remove("");
    if (!mainFiles.containsKey("html") && !mainFiles.containsKey("md")) {
      problems.add(
          Problem.in(
              folder.resolve("letter.html"),
              "no such file; write the letter as letter.html, or as letter.md in Markdown"));
    }
    Written main = written(mainFiles, problems);
    Map<String, Written> byLanguage = new LinkedHashMap<>();
    found.forEach((language, files) -> byLanguage.put(language, written(files, problems)));
    return new BodyFiles(main, byLanguage);
  }

  /** The languages with a body file of their own. */
  Set<String> languages() {
    return byLanguage.keySet();
  }

  /** Where the body of a letter in {@code language} (a tag, such as {@code fr}) comes from. */
  BodySource forLanguage(String language) {
    Written own = byLanguage.get(language);
    boolean whole = own != null && own.hasBody();
    Written letter = whole ? own : main;
    List<Path> files = new ArrayList<>(List.of(letter.body()));
    BodyTemplate html =
        letter
            .html()
            .map(f -> BodyTemplate.file(f, TemplateMode.HTML))
            .orElseGet(() -> letter.markdown().orElseThrow().html(language));
    Optional<Path> txt = own != null && own.txt().isPresent() ? own.txt() : letter.txt();
    txt.ifPresent(files::add);
    Optional<BodyTemplate> text =
        txt.map(f -> BodyTemplate.file(f, TemplateMode.TEXT))
            .or(() -> letter.markdown().map(MarkdownLetter::text));
    return new BodySource(html, text, files, whole);
  }

  private static Written written(Map<String, Path> files, List<Problem> problems) {
    Optional<Path> html = Optional.ofNullable(files.get("html"));
    Optional<Path> md = Optional.ofNullable(files.get("md"));
    Optional<Path> txt = Optional.ofNullable(files.get("txt"));
    if (html.isPresent() && md.isPresent()) {
      problems.add(
          Problem.in(
              md.get(),
              "the folder also has "
                  + html.get().getFileName()
                  + "; a letter is written in one of them: remove or rename the other"));
    }
    html.ifPresent(f -> check(f, problems));
    txt.ifPresent(f -> check(f, problems));
    Optional<MarkdownLetter> markdown = Optional.empty();
    if (md.isPresent()) {
      try {
        markdown = Optional.of(MarkdownLetter.read(md.get(), problems));
      } catch (InputException e) {
        problems.addAll(e.problems());
      }
    }
    return new Written(html, markdown, txt);
  }

  private static void check(Path file, List<Problem> problems) {
    try {
      TextFile.read(file);
    } catch (InputException e) {
      problems.addAll(e.problems());
    }
  }
}
