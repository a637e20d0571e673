package circular.letters;

import circular.InputException;
import circular.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a new letter folder to start from: a commented {@code letter.md} in the first language,
 * {@code letter.properties} with every header explained, and for every other language a whole
 * letter ({@code letter_fr.md}) with its subject line ({@code letter_fr.properties}); or a copy of
 * an existing letter. Never writes into a folder that exists. Stateless.
 *
 * <pre>{@code
 * NewLetter.Created letter = NewLetter.write(Path.of("letter-templates/2027-06-invitation"), List.of("en", "fr", "es"));
 * }</pre>
 */
public final class NewLetter {
  /** A language tag as letter files name it: {@code fr}, {@code fr-CH}. */
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

  private static final Map<String, String> SUBJECTS =
      Map.of(
          "en", "Request for information – [(${country})]",
          "fr", "Demande d'information – [(${country})]",
          "es", "Solicitud de información – [(${country})]");

  private NewLetter() {}

  /**
   * What was written.
   *
   * @param files the files written in the folder
   * @param languages the letter's languages as tags, its default first
   */
  public record Created(List<Path> files, List<String> languages) {
    public Created {
      files = List.copyOf(files);
      languages = List.copyOf(languages);
    }
  }

  /**
   * Writes a new Markdown letter in {@code languages}, the first the default.
   *
   * @throws InputException if the folder exists or a language is not a language tag
   */
  public static Created write(Path folder, List<String> languageCodes) {
    List<String> languages = checkLanguages(languageCodes);
    create(folder);
    String main = languages.get(0);
    List<Path> files = new ArrayList<>();
    files.add(write(folder.resolve("letter.md"), resource("notes.md") + "\n" + sample(main)));
    files.add(
        write(
            folder.resolve("letter.properties"),
            resource("letter.properties")
                .replace("@lang@", main)
                .replace("@subject@", subject(main))));
    for (String language : languages.subList(1, languages.size())) {
      String note =
          "<!-- "
              + fileName("letter", language, "md")
              + ": the letter for the delegations whose language is "
              + language
              + ", written as letter.md is (see the notes there)."
              + (SUBJECTS.containsKey(language.split("-")[0])
                  ? ""
                  : " Translate it: until then, they read it in " + sampleLanguage(main) + ".")
              + " -->\n\n";
      files.add(write(folder.resolve(fileName("letter", language, "md")), note + sample(language)));
      files.add(translation(folder, language, subject(language)));
    }
    return new Created(files, languages);
  }

  /**
   * Copies the letter folder {@code from} to {@code folder}, then adds a translation to fill in for
   * each of {@code languages} the letter does not have yet: a copy of its main text.
   *
   * @throws InputException if the folder exists or a language is not a language tag
   */
  public static Created copy(LetterTemplate from, Path folder, List<String> languageCodes) {
    List<String> languages = languageCodes.isEmpty() ? List.of() : checkLanguages(languageCodes);
    create(folder);
    Path source = from.folder();
    List<Path> files = new ArrayList<>();
    List<String> all = new ArrayList<>(from.languages());
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path file : walk.filter(p -> !p.equals(source)).sorted().toList()) {
        Path target = folder.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
          files.add(target);
        }
      }
      for (String language : languages) {
        if (!all.contains(language)) {
          files.addAll(translationToFill(from, folder, language));
          all.add(language);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the sample list follows the languages as named: the letter's default, then those
    List<String> ordered = new ArrayList<>(all.subList(0, 1));
    languages.stream().filter(l -> !ordered.contains(l)).forEach(ordered::add);
    all.stream().filter(l -> !ordered.contains(l)).forEach(ordered::add);
    return new Created(files, ordered);
  }

  /** A copy of the main letter for {@code language}, marked to be translated. */
  private static List<Path> translationToFill(LetterTemplate from, Path folder, String language)
      throws IOException {
    List<Path> files = new ArrayList<>();
    Path markdown = folder.resolve("letter.md");
    String subject = from.setting("subject").orElse("");
    if (Files.exists(markdown)) {
      String note =
          "<!-- "
              + fileName("letter", language, "md")
              + ": the letter for the delegations whose language is "
              + language
              + ". Translate the text below: until then, they read it as it is. -->\n\n";
      files.add(
          write(
              folder.resolve(fileName("letter", language, "md")),
              note + Files.readString(markdown)));
      files.add(translation(folder, language, subject));
    } else {
      // the notes at the head of letter.properties speak of that file and its language: the
      // copy points to them instead of repeating them
      String properties =
          Files.readString(folder.resolve("letter.properties"))
              .replaceFirst("^(\\s*#[^\n]*\n|\\s*\n)*", "")
              .replaceAll("(?m)^\\s*lang\\s*[=:].*$", "lang = " + language);
      String note =
          "# "
              + fileName("letter", language, "properties")
              + ": the text of the letter for the delegations whose language is "
              + language
              + ". Translate every text below: until then, they read it as it is.\n"
              + "# letter.properties says how to edit it; a key missing here is taken from there.\n\n";
      files.add(
          write(folder.resolve(fileName("letter", language, "properties")), note + properties));
    }
    return files;
  }

  private static Path translation(Path folder, String language, String subject) {
    String file = fileName("letter", language, "properties");
    return write(
        folder.resolve(file),
        resource("translation.properties")
            .replace("@file@", file)
            .replace("@lang@", language)
            .replace("@letter@", fileName("letter", language, "md"))
            .replace("@subject@", subject));
  }

  /** The languages as tags ({@code fr-ch}), or every problem with them. */
  private static List<String> checkLanguages(List<String> codes) {
    List<String> languages = codes.stream().map(Translations::tag).toList();
    List<Problem> problems = new ArrayList<>();
    if (languages.isEmpty()) {
      problems.add(
          new Problem("--languages", "name at least one language, e.g. --languages en,fr,es"));
    }
    for (String language : languages) {
      if (!LANGUAGE.matcher(language).matches()) {
        problems.add(
            new Problem(
                "--languages",
                "'"
                    + language
                    + "' is not a language code; write codes such as en, fr, es or fr-CH"));
      }
    }
    if (languages.stream().distinct().count() < languages.size()) {
      problems.add(
          new Problem("--languages", "a language is named twice in " + String.join(",", codes)));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return languages;
  }

  private static void create(Path folder) {
    try {
      Path parent = folder.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.createDirectory(folder);
    } catch (FileAlreadyExistsException e) {
      throw new InputException(
          Problem.in(
              folder,
              "already exists; nothing was changed. Choose another name, or edit the letter there"));
    } catch (IOException e) {
      throw new InputException(
          Problem.in(
              folder,
              "cannot be created (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
    }
  }

  /** {@code letter_fr_CH.md} for {@code fr-CH}, as {@link Translations} reads it. */
  private static String fileName(String stem, String language, String extension) {
    String[] parts = language.split("-", 2);
    return stem + "_" + parts[0] + (parts.length > 1 ? "_" + parts[1] : "") + "." + extension;
  }

  private static String sampleLanguage(String language) {
    String base = language.split("-")[0];
    return SUBJECTS.containsKey(base) ? base : "en";
  }

  private static String sample(String language) {
    return resource(sampleLanguage(language) + ".md");
  }

  private static String subject(String language) {
    return SUBJECTS.get(sampleLanguage(language));
  }

  private static Path write(Path file, String content) {
    try {
      return Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = NewLetter.class.getResourceAsStream("new/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
