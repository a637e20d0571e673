package circular.letters;

import circular.InputException;
import circular.Problem;
import circular.files.TextFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The text of a letter in each of its languages: {@code letter.properties} and its {@code
 * letter_fr.properties}, {@code letter_es.properties}, … siblings. A key missing from a language
 * falls back to {@code letter.properties}. A language may also have a letter of its own ({@code
 * letter_fr.md}) and no properties file: its keys are then all those of {@code letter.properties}.
 * Immutable and thread-safe.
 */
final class Translations {
  private static final Pattern FILE =
      Pattern.compile("letter_([a-z]{2,3}(?:_[A-Za-z0-9]{2,8})?)\\.properties");

  /** The default file's own language, when it does not say ({@code lang=...}). */
  static final String DEFAULT_LANGUAGE = "en";

  private final Path folder;
  private final Map<String, String> base;
  private final Map<String, Map<String, String>> byLanguage;
  private final Set<String> ownLetters;

  private Translations(
      Path folder,
      Map<String, String> base,
      Map<String, Map<String, String>> byLanguage,
      Set<String> ownLetters) {
    this.folder = folder;
    this.base = base;
    this.byLanguage = byLanguage;
    this.ownLetters = Set.copyOf(ownLetters);
  }

  /**
   * @param ownLetters the languages (tags, such as {@code fr}) that have a letter of their own,
   *     with or without a properties file
   */
  static Translations load(Path folder, Set<String> ownLetters) {
    List<Problem> problems = new ArrayList<>();
    Map<String, String> base = read(folder.resolve("letter.properties"), problems);
    Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (m.matches()) {
          byLanguage.put(tag(m.group(1)), read(file, problems));
        }
      }
    } catch (IOException e) {
      problems.add(Problem.in(folder, "cannot be listed (" + e.getClass().getSimpleName() + ")"));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return new Translations(folder, base, byLanguage, ownLetters);
  }

  /** The language {@code letter.properties} is written in. */
  String defaultLanguage() {
    return tag(base.getOrDefault("lang", DEFAULT_LANGUAGE));
  }

  /** Every language the letter can be read in, the default first. */
  List<String> languages() {
    List<String> all = new ArrayList<>();
    all.add(defaultLanguage());
    byLanguage.keySet().stream().filter(l -> !all.contains(l)).forEach(all::add);
    ownLetters.stream().sorted().filter(l -> !all.contains(l)).forEach(all::add);
    return all;
  }

  /**
   * Whether a recipient of {@code language} gets a letter in that language (or in its base
   * language).
   */
  boolean supports(String language) {
    return language.isEmpty() || resolveLanguage(language).isPresent();
  }

  /** The text of {@code key} for {@code language}, falling back to {@code letter.properties}. */
  Optional<String> get(String language, String key) {
    Optional<String> lang = resolveLanguage(language);
    if (lang.isPresent() && byLanguage.containsKey(lang.get())) {
      String value = byLanguage.get(lang.get()).get(key);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.ofNullable(base.get(key));
  }

  /** The file a key of {@code language} is read from, for messages. */
  Path fileFor(String language) {
    return resolveLanguage(language)
        .filter(byLanguage::containsKey)
        .map(l -> folder.resolve("letter_" + l.replace('-', '_') + ".properties"))
        .orElse(folder.resolve("letter.properties"));
  }

  /**
   * A problem with the value of {@code key} in {@code language}, placed at the line of the file it
   * is read from where the key is set (the file alone when that line cannot be told).
   */
  Problem problem(String language, String key, String what) {
    Path file = sourceOf(language, key);
    long line = KeyLines.of(file, key);
    return line > 0 ? Problem.at(file, line, what) : Problem.in(file, what);
  }

  /** The file {@code key} is read from for {@code language}, for messages. */
  Path sourceOf(String language, String key) {
    Optional<String> lang = resolveLanguage(language);
    if (lang.isPresent()
        && byLanguage.containsKey(lang.get())
        && byLanguage.get(lang.get()).containsKey(key)) {
      return fileFor(language);
    }
    return folder.resolve("letter.properties");
  }

  /**
   * Fills {@code {0}}, {@code {1}}, … with the arguments and leaves every other character as typed.
   * Not {@link java.text.MessageFormat}: there an apostrophe starts a quotation and vanishes, and
   * French letters are full of them.
   */
  static String format(String text, Object[] arguments) {
    if (arguments == null || arguments.length == 0 || text.indexOf('{') < 0) {
      return text;
    }
    // {0}, {1}, ... found without a regular expression: this runs for messages of every letter
    StringBuilder out = new StringBuilder(text.length() + 64);
    int at = 0;
    for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
      int close = open + 1;
      while (close < text.length() && text.charAt(close) >= '0' && text.charAt(close) <= '9') {
        close++;
      }
      if (close == open + 1 || close >= text.length() || text.charAt(close) != '}') {
        continue;
      }
      int i = Integer.parseInt(text, open + 1, close, 10);
      if (i < arguments.length) {
        out.append(text, at, open).append(arguments[i] == null ? "" : String.valueOf(arguments[i]));
        at = close + 1;
      }
      open = close;
    }
    return at == 0 ? text : out.append(text, at, text.length()).toString();
  }

  private Optional<String> resolveLanguage(String language) {
    String tag = tag(language.isEmpty() ? defaultLanguage() : language);
    if (tag.equals(defaultLanguage()) || byLanguage.containsKey(tag) || ownLetters.contains(tag)) {
      return Optional.of(tag);
    }
    int dash = tag.indexOf('-');
    if (dash > 0) {
      return resolveLanguage(tag.substring(0, dash));
    }
    return Optional.empty();
  }

  static String tag(String language) {
    return language.strip().replace('_', '-').toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> read(Path file, List<Problem> problems) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(TextFile.read(file)));
    } catch (InputException e) {
      problems.addAll(e.problems());
    } catch (IOException | IllegalArgumentException e) {
      problems.add(Problem.in(file, "is not a valid properties file: " + e.getMessage()));
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).strip()));
    return values;
  }
}
