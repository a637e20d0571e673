package circular.letters;

import circular.InputException;
import circular.Problem;
import circular.TextFile;
import circular.recipients.Recipient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * A letter folder, loaded and checked: {@code letter.html}, the optional {@code letter.txt}, and
 * {@code letter.properties} with its translations. Templates are compiled once and cached, so
 * one instance renders a whole list; it is thread-safe.
 *
 * <pre>{@code
 * LetterTemplate template = LetterTemplate.load(Path.of("letter-templates/2012-03-22-nim-invitation"));
 * Letter letter = template.render(recipient);
 * }</pre>
 */
public final class LetterTemplate {
  private static final PdfRenderer PDF = new PdfRenderer();

  private final Path folder;
  private final Path html;
  private final Optional<Path> text;
  private final Translations translations;
  private final Map<String, Headers> headers;
  private final TemplateEngine documents;
  private final TemplateEngine subjects;

  private LetterTemplate(Path folder, Path html, Optional<Path> text, Translations translations, Map<String, Headers> headers) {
    this.folder = folder;
    this.html = html;
    this.text = text;
    this.translations = translations;
    this.headers = headers;
    FileTemplateResolver files = new FileTemplateResolver();
    files.setCharacterEncoding("UTF-8");
    files.setCacheable(true);
    StringTemplateResolver strings = new StringTemplateResolver();
    strings.setCacheable(true);
    this.documents = engine(files, translations);
    this.subjects = engine(strings, translations);
  }

  /**
   * @throws InputException listing every problem of the folder: missing files or keys, bad
   *     addresses, missing attachments, files that are not UTF-8
   */
  public static LetterTemplate load(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new InputException(Problem.in(folder, "no such letter folder" + siblings(folder)));
    }
    List<Problem> problems = new ArrayList<>();
    Path html = folder.resolve("letter.html");
    Path txt = folder.resolve("letter.txt");
    for (Path template : List.of(html, txt)) {
      if (template == html || Files.exists(txt)) {
        try {
          TextFile.read(template);
        } catch (InputException e) {
          problems.addAll(e.problems());
        }
      }
    }
    Translations translations = null;
    try {
      translations = Translations.load(folder);
    } catch (InputException e) {
      problems.addAll(e.problems());
    }
    Map<String, Headers> headers = new LinkedHashMap<>();
    if (translations != null) {
      for (String language : translations.languages()) {
        Headers.of(folder, translations, language, problems).ifPresent(h -> headers.put(language, h));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems.stream().distinct().toList());
    }
    if (headers.values().stream().anyMatch(h -> h.pdf().attach())) {
      PdfRenderer.readStandardFontsAhead();
    }
    return new LetterTemplate(folder, html, Files.exists(txt) ? Optional.of(txt) : Optional.empty(), translations, headers);
  }

  /** The letter's name: its folder's name, as the campaign log records it. */
  public String name() {
    return folder.getFileName().toString();
  }

  public Path folder() {
    return folder;
  }

  /** A key of {@code letter.properties} itself, such as {@code follows}; blank counts as absent. */
  public Optional<String> setting(String key) {
    return translations.get(translations.defaultLanguage(), key).filter(v -> !v.isBlank());
  }

  /** Where replies to the letter go, in any of its languages: its reply-to, or else its sender. */
  public List<Mailbox> replyAddresses() {
    return headers.values().stream()
        .flatMap(h -> h.replyTo().isEmpty() ? Stream.of(h.from()) : h.replyTo().stream())
        .distinct()
        .toList();
  }

  /** The languages the letter is written in, its default first. */
  public List<String> languages() {
    return translations.languages();
  }

  /**
   * Why a recipient of {@code language} cannot be written to, if it cannot: the letter has no
   * translation for it (the default file's language and an empty column are always fine).
   */
  public Optional<String> languageProblem(String language) {
    if (translations.supports(language)) {
      return Optional.empty();
    }
    return Optional.of(
        "'" + language + "': " + folder + " has no letter_" + language.replace('-', '_')
            + ".properties; add one, or use one of " + String.join(", ", languages()));
  }

  /**
   * Renders the letter for one recipient, whose language must pass {@link #languageProblem}.
   *
   * @throws InputException when the template reads a variable or a message that does not exist,
   *     or cannot be rendered; the problem names the template file, line and column
   */
  public Letter render(Recipient recipient) {
    String language = languageOf(recipient);
    Headers h = headersFor(language);
    Context context = context(recipient, language);
    String body = process(documents, html.toString(), TemplateMode.HTML, context, html, recipient);
    String plain =
        text.map(t -> process(documents, t.toString(), TemplateMode.TEXT, context, t, recipient))
            .orElseGet(() -> PlainText.fromHtml(body));
    String subject = subject(h, context, language, recipient);
    List<Mailbox> cc = new ArrayList<>(h.cc());
    recipient.cc().stream().map(Mailbox::of).filter(m -> !cc.contains(m)).forEach(cc::add);
    List<Path> attachments = new ArrayList<>(h.attachments());
    attachments.addAll(recipient.attachments());
    return new Letter(
        name(),
        recipient,
        language,
        subject,
        h.from(),
        h.replyTo(),
        recipient.emails().stream().map(Mailbox::of).toList(),
        cc,
        h.bcc(),
        plain,
        body,
        attachments);
  }

  /**
   * The letter printed as an A4 PDF, on the letterhead of its language if the folder has one.
   *
   * @throws InputException if it cannot be printed
   */
  public byte[] pdf(Letter letter) {
    try {
      return PDF.render(letter.html(), folder, headersFor(letter.language()).pdf().letterhead(), letter.language());
    } catch (RuntimeException e) {
      throw new InputException(Problem.in(html, "cannot be printed as a PDF for " + letter.recipient().id() + ": " + e));
    }
  }

  /** Whether letters in {@code language} go with their PDF ({@code pdf = attach}). */
  public boolean attachesPdf(String language) {
    return headersFor(language.isEmpty() ? translations.defaultLanguage() : language).pdf().attach();
  }

  /**
   * The letter as it leaves: with its PDF, {@code <letter>-<id>.pdf}, enclosed when the folder
   * says {@code pdf = attach}; otherwise the letter as it is.
   */
  public Letter enclosePdf(Letter letter) {
    if (!attachesPdf(letter.language())) {
      return letter;
    }
    return letter.enclosing(Enclosure.pdf(pdfFileName(letter.recipient()), pdf(letter)));
  }

  /** The name of a recipient's PDF, as attached and offered for download: {@code <letter>-<id>.pdf}. */
  public String pdfFileName(Recipient recipient) {
    return name() + "-" + recipient.id() + ".pdf";
  }

  /**
   * Renders all of the letter that can fail for one recipient, its templates and subject, and
   * keeps none of it: the check before sending. Deriving the plain text from the HTML cannot fail,
   * so it is left for {@link #render}; it costs as much as the rest of the rendering together.
   *
   * @throws InputException as {@link #render} does
   */
  public void check(Recipient recipient) {
    String language = languageOf(recipient);
    Context context = context(recipient, language);
    process(documents, html.toString(), TemplateMode.HTML, context, html, recipient);
    text.ifPresent(t -> process(documents, t.toString(), TemplateMode.TEXT, context, t, recipient));
    subject(headersFor(language), context, language, recipient);
  }

  private String languageOf(Recipient recipient) {
    String language = recipient.language().isEmpty() ? translations.defaultLanguage() : recipient.language();
    languageProblem(language).ifPresent(p -> {
      throw new IllegalArgumentException("recipient " + recipient.id() + ": language " + p);
    });
    return language;
  }

  private static Context context(Recipient recipient, String language) {
    return new Context(Locale.forLanguageTag(language), variables(recipient.fields(), language));
  }

  /**
   * The row's columns as a letter in {@code language} reads them: a column named for the language,
   * such as {@code country_fr} in a French letter, stands in for {@code country} where its cell is
   * not empty, so that each letter names the country in its own words. Every column keeps its own
   * name too.
   */
  static Map<String, Object> variables(Map<String, String> fields, String language) {
    Map<String, Object> variables = new LinkedHashMap<>(fields);
    int dash = language.indexOf('-');
    String suffix = "_" + (dash < 0 ? language : language.substring(0, dash));
    for (Map.Entry<String, String> field : fields.entrySet()) {
      String name = field.getKey();
      if (name.endsWith(suffix) && !field.getValue().isEmpty()) {
        String base = name.substring(0, name.length() - suffix.length());
        if (fields.containsKey(base)) {
          variables.put(base, field.getValue());
        }
      }
    }
    return variables;
  }

  private String subject(Headers h, Context context, String language, Recipient recipient) {
    return process(subjects, h.subject(), TemplateMode.TEXT, context, translations.fileFor(language), recipient)
        .replaceAll("\\s+", " ")
        .strip();
  }

  private Headers headersFor(String language) {
    String tag = Translations.tag(language);
    while (!headers.containsKey(tag) && tag.contains("-")) {
      tag = tag.substring(0, tag.lastIndexOf('-'));
    }
    return headers.getOrDefault(tag, headers.get(translations.defaultLanguage()));
  }

  private String process(
      TemplateEngine engine, String template, TemplateMode mode, Context context, Path file, Recipient recipient) {
    try {
      return engine.process(new TemplateSpec(template, mode), context);
    } catch (TemplateProcessingException e) {
      throw new InputException(RenderFailure.problem(e, file, engine == subjects, recipient));
    }
  }

  private static TemplateEngine engine(ITemplateResolver resolver, Translations translations) {
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new LetterMessages(translations));
    engine.setEngineContextFactory(new StrictEngineContextFactory());
    return engine;
  }

  private static String siblings(Path folder) {
    Path parent = folder.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return "";
    }
    try (Stream<Path> list = Files.list(parent)) {
      List<String> names =
          list.filter(p -> Files.isRegularFile(p.resolve("letter.html")))
              .map(p -> p.getFileName().toString())
              .sorted()
              .toList();
      return names.isEmpty() ? "" : "; the letters there are: " + String.join(", ", names);
    } catch (IOException e) {
      return "";
    }
  }
}
