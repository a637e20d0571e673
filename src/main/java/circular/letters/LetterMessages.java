package circular.letters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * Resolves {@code #{key}} from the letter's own properties files, in the recipient's language, and
 * refuses a key that none of them has (Thymeleaf would print {@code ??key_fr??} into the letter).
 */
final class LetterMessages implements IMessageResolver {
  private final Translations translations;

  /** Each locale's text of each key asked for: the same for every letter, and asked for in each. */
  private final Map<Locale, Map<String, Optional<String>>> texts = new ConcurrentHashMap<>();

  LetterMessages(Translations translations) {
    this.translations = translations;
  }

  @Override
  public String getName() {
    return "circular";
  }

  @Override
  public Integer getOrder() {
    return 0;
  }

  @Override
  public String resolveMessage(
      ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
    return texts
        .computeIfAbsent(context.getLocale(), locale -> new ConcurrentHashMap<>())
        .computeIfAbsent(key, k -> translations.get(language(context), k))
        .map(text -> Translations.format(text, messageParameters))
        .orElse(null);
  }

  @Override
  public String createAbsentMessageRepresentation(
      ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
    return StrictEngineContextFactory.standIn(context, EveryProblem.Unknown.message(key))
        .map(String::valueOf)
        .orElseThrow(
            () -> new UnknownMessageException(key, translations.fileFor(language(context))));
  }

  private static String language(ITemplateContext context) {
    return context.getLocale().toLanguageTag();
  }

  /** Thrown, inside Thymeleaf, for a message key no properties file defines. */
  static final class UnknownMessageException extends RuntimeException {
    final String key;
    final Path file;

    UnknownMessageException(String key, Path file) {
      super("no message '" + key + "' in " + file);
      this.key = key;
      this.file = file;
    }
  }
}
