package circular.letters;

import circular.InputException;
import circular.files.TextFile;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The plain-text alternative of letters written without {@code letter.txt}: through the text
 * template derived once from each HTML template ({@link PlainTextTemplate}), or, where that
 * template cannot follow the HTML, by parsing the rendered letter ({@link PlainText#fromHtml}). The
 * text is the same either way. Thread-safe; one per letter folder.
 */
final class PlainTexts {
  private final Map<Source, Optional<PlainTextTemplate>> derived = new ConcurrentHashMap<>();
  private final AtomicLong parsed = new AtomicLong();

  /** An HTML template in one language (a locale's tag, as Thymeleaf's messages see it). */
  private record Source(Path html, String language) {}

  /**
   * @param html the HTML template the letter was rendered from
   * @param rendered the letter's HTML
   * @param locale the letter's locale, as its context has it
   * @param messages the text of a message key in that locale, as the letter's messages give it
   * @param renderText renders a TEXT template with the letter's context
   */
  String of(
      Path html,
      String rendered,
      Locale locale,
      Function<String, Optional<String>> messages,
      UnaryOperator<String> renderText) {
    Optional<PlainTextTemplate> template =
        derived.computeIfAbsent(
            new Source(html, locale.toLanguageTag()),
            source -> PlainTextTemplate.derive(TextFile.read(source.html()), messages));
    if (template.isPresent()) {
      try {
        Optional<String> text = template.get().plainText(renderText.apply(template.get().source()));
        if (text.isPresent()) {
          return text.get();
        }
      } catch (InputException e) {
        // the HTML rendered with this context, so the fault is the derived template's: parse
        // instead
      }
    }
    parsed.incrementAndGet();
    return PlainText.fromHtml(rendered);
  }

  /** How many letters were parsed rather than laid out from a derived template; for tests. */
  long parsed() {
    return parsed.get();
  }
}
