package circular.letters;

import circular.InputException;
import circular.Problem;
import circular.files.NearNames;
import circular.recipients.Recipient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * A letter folder, loaded and checked: {@code letter.html} or {@code letter.md}, the optional
 * {@code letter.txt}, {@code letter.properties} with its translations, and the letters written for
 * one language ({@code letter_fr.md}). Templates are compiled once and cached, so one instance
 * renders a whole list; it is thread-safe.
 *
 * <pre>{@code
 * LetterTemplate template = LetterTemplate.load(Path.of("letter-templates/2012-03-22-nim-invitation"));
 * Letter letter = template.render(recipient);
 * }</pre>
 */
public final class LetterTemplate {
  /** The folder a letter named without a path is in. */
  private static final String LETTERS = "letter-templates";

  private static final PdfRenderer PDF = new PdfRenderer();

  private final Path folder;
  private final Map<String, BodySource> bodies;
  private final Translations translations;
  private final Map<String, Headers> headers;
  private final TemplateEngine documents;
  private final TemplateEngine strings;
  final PlainTexts plainTexts =
      new PlainTexts(); // package-private: tests count the letters it parsed

  private LetterTemplate(
      Path folder,
      Map<String, BodySource> bodies,
      Translations translations,
      Map<String, Headers> headers) {
    this.folder = folder;
    this.bodies = bodies;
    this.translations = translations;
    this.headers = headers;
    FileTemplateResolver files = new FileTemplateResolver();
    files.setCharacterEncoding("UTF-8");
    files.setCacheable(true);
    StringTemplateResolver inline = new StringTemplateResolver();
    inline.setCacheable(true);
    this.documents = engine(files, translations);
    this.strings = engine(inline, translations);
  }

  /**
   * The folder a letter's name stands for: the path as typed, or else a folder of that name in
   * {@code letter-templates/}, so that {@code preview 2012-03-22-nim-invitation …} works. A bare
   * name found in neither place stands for {@code letter-templates/NAME}, where it was looked for,
   * so that the message about it lists the letters there.
   */
  public static Path folderNamed(String name) {
    Path typed = Path.of(name);
    Path usual = Path.of(LETTERS, name);
    if (Files.exists(typed)) {
      return typed;
    }
    boolean bare = !name.isBlank() && !name.contains("/") && !name.contains(File.separator);
    return Files.isDirectory(usual) || bare ? usual : typed;
  }

  /**
   * @throws InputException listing every problem of the folder: missing files or keys, bad
   *     addresses, missing attachments, files that are not UTF-8
   */
  public static LetterTemplate load(Path folder) {
    Checked checked = check(folder);
    if (!checked.problems().isEmpty()) {
      throw new InputException(checked.problems());
    }
    return checked.template().orElseThrow();
  }

  /**
   * A letter folder read and checked, with every problem found in it. Its template is there when
   * the letters can still be rendered despite the problems (an attachment that cannot be read, a
   * placeholder in another mail merge's notation), so that a check can list the problems of the
   * rendering too, all at once; such a template must never be used for sending.
   */
  public record Checked(Optional<LetterTemplate> template, List<Problem> problems) {
    public Checked {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads and checks the letter folder: see {@link Checked}.
   *
   * @throws InputException when there is no such folder
   */
  public static Checked check(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new InputException(Problem.in(folder, "no such letter folder" + siblings(folder)));
    }
    List<Problem> problems = new ArrayList<>();
    List<Problem> notRendering = new ArrayList<>();
    BodyFiles files = BodyFiles.read(folder, problems);
    notRendering.addAll(ForeignPlaceholders.in(folder));
    problems.addAll(notRendering);
    Translations translations = null;
    try {
      translations = Translations.load(folder, files.languages());
    } catch (InputException e) {
      problems.addAll(e.problems());
    }
    Map<String, Headers> headers = new LinkedHashMap<>();
    if (translations != null) {
      for (String language : translations.languages()) {
        List<Problem> attachments = new ArrayList<>();
        Headers.of(folder, translations, language, problems, attachments)
            .ifPresent(h -> headers.put(language, h));
        problems.addAll(attachments);
        notRendering.addAll(attachments);
      }
    }
    List<Problem> all = problems.stream().distinct().toList();
    if (!notRendering.containsAll(problems)) {
      return new Checked(Optional.empty(), all);
    }
    Map<String, BodySource> bodies = new LinkedHashMap<>();
    translations.languages().forEach(language -> bodies.put(language, files.forLanguage(language)));
    if (headers.values().stream().anyMatch(h -> h.pdf().attach())) {
      PdfRenderer.readStandardFontsAhead();
    }
    return new Checked(Optional.of(new LetterTemplate(folder, bodies, translations, headers)), all);
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
  public List<NamedAddress> replyAddresses() {
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
    String suffix = language.replace('-', '_');
    String main = bodyFor(translations.defaultLanguage()).files().get(0).getFileName().toString();
    String extension = main.substring(main.lastIndexOf('.'));
    return Optional.of(
        "'"
            + language
            + "': "
            + folder
            + " has no letter in that language: add letter_"
            + suffix
            + ".properties (the text of "
            + main
            + " in it) or a whole letter_"
            + suffix
            + extension
            + ", or use one of "
            + String.join(", ", languages()));
  }

  /**
   * The files a letter in {@code language} is written from, as preview and send name them: the
   * letter of that language ({@code letter_fr.md}), or the main letter with that language's text
   * ({@code letter.html + letter_fr.properties}).
   */
  public String writtenFrom(String language) {
    String tag = language.isEmpty() ? translations.defaultLanguage() : language;
    BodySource body = bodyFor(tag);
    String files =
        body.files().stream()
            .map(f -> f.getFileName().toString())
            .collect(Collectors.joining(", "));
    return body.whole() ? files : files + " + " + translations.fileFor(tag).getFileName();
  }

  /**
   * Whether some language has a letter file of its own ({@code letter_fr.md}), beside the main one.
   */
  public boolean hasLetterPerLanguage() {
    return bodies.values().stream().map(BodySource::files).distinct().count() > 1;
  }

  /**
   * Renders the letter for one recipient, whose language must pass {@link #languageProblem}.
   *
   * @throws InputException when the template reads a variable or a message that does not exist, or
   *     cannot be rendered; the problem names the template file, line and column
   */
  public Letter render(Recipient recipient) {
    String language = languageOf(recipient);
    Headers h = headersFor(language);
    BodySource source = bodyFor(language);
    Context context = context(recipient, language);
    // each part rendered even when another fails, so that all their problems are told at once
    List<Problem> problems = new ArrayList<>();
    String body = collecting(problems, () -> process(source.html(), context, recipient));
    String plain =
        source.text().isPresent()
            ? collecting(problems, () -> process(source.text().get(), context, recipient))
            : body == null
                ? null // derived from the HTML: it would only repeat the HTML's problems
                : collecting(problems, () -> derivedText(source.html(), body, context, recipient));
    String subject = collecting(problems, () -> subject(h, context, language, recipient));
    if (!problems.isEmpty()) {
      throw new InputException(problems.stream().distinct().toList());
    }
    List<NamedAddress> cc = new ArrayList<>(h.cc());
    recipient.cc().stream().map(NamedAddress::of).filter(m -> !cc.contains(m)).forEach(cc::add);
    List<Path> attachments = new ArrayList<>(h.attachments());
    attachments.addAll(recipient.attachments());
    return new Letter(
        name(),
        recipient,
        language,
        subject,
        h.from(),
        h.replyTo(),
        recipient.emails().stream().map(NamedAddress::of).toList(),
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
      return PDF.render(
          letter.html(),
          folder,
          headersFor(letter.language()).pdf().letterhead(),
          letter.language());
    } catch (RuntimeException e) {
      throw new InputException(
          Problem.in(
              bodyFor(letter.language()).html().file(),
              "cannot be printed as a PDF for " + letter.recipient().id() + ": " + e));
    }
  }

  /** Whether letters in {@code language} go with their PDF ({@code pdf = attach}). */
  public boolean attachesPdf(String language) {
    return headersFor(language.isEmpty() ? translations.defaultLanguage() : language)
        .pdf()
        .attach();
  }

  /**
   * The letter as it leaves: with its PDF, {@code <letter>-<id>.pdf}, enclosed when the folder says
   * {@code pdf = attach}; otherwise the letter as it is.
   */
  public Letter enclosePdf(Letter letter) {
    if (!attachesPdf(letter.language())) {
      return letter;
    }
    return letter.enclosing(Enclosure.pdf(pdfFileName(letter.recipient()), pdf(letter)));
  }

  /**
   * The name of a recipient's PDF, as attached and offered for download: {@code <letter>-<id>.pdf}.
   */
  public String pdfFileName(Recipient recipient) {
    return name() + "-" + recipient.id() + ".pdf";
  }

  /**
   * Renders all of the letter that can fail for one recipient, its templates and subject, and keeps
   * none of it: the check before sending. Deriving the plain text from the HTML cannot fail, so it
   * is left for {@link #render}; it costs as much as the rest of the rendering together.
   *
   * @throws InputException as {@link #render} does
   */
  public void check(Recipient recipient) {
    String language = languageOf(recipient);
    BodySource source = bodyFor(language);
    Context context = context(recipient, language);
    List<Problem> problems = new ArrayList<>();
    collecting(problems, () -> process(source.html(), context, recipient));
    source.text().ifPresent(t -> collecting(problems, () -> process(t, context, recipient)));
    collecting(problems, () -> subject(headersFor(language), context, language, recipient));
    if (!problems.isEmpty()) {
      throw new InputException(problems.stream().distinct().toList());
    }
  }

  /** What {@code part} renders, or null with its problems added to {@code problems}. */
  private static String collecting(List<Problem> problems, Supplier<String> part) {
    try {
      return part.get();
    } catch (InputException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private String languageOf(Recipient recipient) {
    String language =
        recipient.language().isEmpty() ? translations.defaultLanguage() : recipient.language();
    languageProblem(language)
        .ifPresent(
            p -> {
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
    TemplateSpec spec = new TemplateSpec(h.subject(), TemplateMode.TEXT);
    try {
      return strings.process(spec, context).replaceAll("\\s+", " ").strip();
    } catch (TemplateProcessingException e) {
      throw new InputException(
          EveryProblem.of(
              strings,
              spec,
              context,
              e,
              f -> RenderFailure.inSubject(f, translations, language, recipient)));
    }
  }

  private Headers headersFor(String language) {
    return forLanguage(headers, language);
  }

  private BodySource bodyFor(String language) {
    return forLanguage(bodies, language);
  }

  /**
   * The value of {@code language}, of its base language ({@code fr} for {@code fr-CH}), or of the
   * default.
   */
  private <T> T forLanguage(Map<String, T> byLanguage, String language) {
    String tag = Translations.tag(language);
    while (!byLanguage.containsKey(tag) && tag.contains("-")) {
      tag = tag.substring(0, tag.lastIndexOf('-'));
    }
    return byLanguage.getOrDefault(tag, byLanguage.get(translations.defaultLanguage()));
  }

  /**
   * The plain text of a letter written without a text template, from the text template derived from
   * its HTML.
   */
  private String derivedText(BodyTemplate html, String body, Context context, Recipient recipient) {
    Locale locale = context.getLocale();
    return plainTexts.of(
        html.file(),
        body,
        locale,
        key -> translations.get(locale.toLanguageTag(), key),
        t -> {
          // the HTML rendered, so a failure is the derived template's, and the text is parsed
          // instead: there is nothing to tell the user, and no cause to look for more
          BodyTemplate text =
              BodyTemplate.generated(t, TemplateMode.TEXT, html.file(), SourceMap.IDENTITY);
          try {
            return strings.process(spec(text), context);
          } catch (TemplateProcessingException e) {
            throw new InputException(RenderFailure.inBody(e, text.file(), text.lines(), recipient));
          }
        });
  }

  /**
   * @throws InputException with every unknown variable and message of the template, each at its
   *     place, or else what stopped it
   */
  private String process(BodyTemplate template, Context context, Recipient recipient) {
    TemplateEngine engine = template.generated() ? strings : documents;
    TemplateSpec spec = spec(template);
    try {
      return engine.process(spec, context);
    } catch (TemplateProcessingException e) {
      throw new InputException(
          EveryProblem.of(
              engine,
              spec,
              context,
              e,
              f -> RenderFailure.inBody(f, template.file(), template.lines(), recipient)));
    }
  }

  private static TemplateSpec spec(BodyTemplate template) {
    return new TemplateSpec(template.template(), template.mode());
  }

  /**
   * Renders a short letter with a throw-away engine, for its side effects only: the first letter a
   * process renders pays for Thymeleaf's start (its dialect, expression language and parsers), and
   * {@link PrintWarmUp} has it paid on another core before the letter is read.
   */
  static void warmUpEngine() {
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(new StringTemplateResolver());
    engine.setMessageResolver(
        new IMessageResolver() {
          @Override
          public String getName() {
            return "warm-up";
          }

          @Override
          public Integer getOrder() {
            return 0;
          }

          @Override
          public String resolveMessage(
              ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
            return key + (parameters != null && parameters.length > 0 ? " " + parameters[0] : "");
          }

          @Override
          public String createAbsentMessageRepresentation(
              ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
            return key;
          }
        });
    engine.setEngineContextFactory(new StrictEngineContextFactory());
    Context context =
        new Context(
            Locale.ENGLISH,
            variables(
                Map.of(
                    "country",
                    "Austria",
                    "country_fr",
                    "Autriche",
                    "title",
                    "H.E.",
                    "name",
                    "A. Delegate",
                    "salutation",
                    "Excellency"),
                "fr"));
    engine.process(
        new TemplateSpec(
            "<!DOCTYPE html><html th:lang=\"#{lang}\"><body><p th:text=\"#{date}\">-</p>"
                + "<p th:text=\"|${title} ${name}|\">-</p><p th:text=\"${salutation}\">-</p>"
                + "<p th:text=\"#{para(#{contact})}\">-</p><p>[[${country}]]</p></body></html>",
            TemplateMode.HTML),
        context);
    engine.process(new TemplateSpec("Invitation ([(${country})])", TemplateMode.TEXT), context);
  }

  private static TemplateEngine engine(ITemplateResolver resolver, Translations translations) {
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new LetterMessages(translations));
    engine.setEngineContextFactory(new StrictEngineContextFactory());
    return engine;
  }

  /** What a message about a missing letter folder adds: the letters beside it, or where to look. */
  private static String siblings(Path folder) {
    Path parent = folder.getParent() == null ? Path.of(".") : folder.getParent();
    if (!Files.isDirectory(parent)) {
      return "; there is no folder "
          + parent
          + "/ in "
          + Path.of("").toAbsolutePath()
          + ": run circular from the folder that holds it, or give the letter folder's path";
    }
    return NearNames.in(
            parent,
            p ->
                Files.isRegularFile(p.resolve("letter.html"))
                    || Files.isRegularFile(p.resolve("letter.md")))
        .hint(String.valueOf(folder.getFileName()), "letters");
  }
}
