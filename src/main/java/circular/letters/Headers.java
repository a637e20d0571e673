package circular.letters;

import circular.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The headers a letter's properties give for one language: the subject (a template), sender, reply
 * and copy addresses, the letter's own attachments, and what goes with its PDF.
 */
record Headers(
    String subject,
    NamedAddress from,
    List<NamedAddress> replyTo,
    List<NamedAddress> cc,
    List<NamedAddress> bcc,
    List<Path> attachments,
    PdfSettings pdf) {

  /**
   * Reads and checks the headers of {@code language}, adding what is wrong to {@code problems}, or
   * to {@code notRendering} when it does not keep the letter from being rendered (an attachment
   * that cannot be read): the headers are then still given, without that attachment.
   */
  static Optional<Headers> of(
      Path folder,
      Translations translations,
      String language,
      List<Problem> problems,
      List<Problem> notRendering) {
    int before = problems.size();
    String subject = translations.get(language, "subject").orElse("");
    if (subject.isBlank()) {
      problems.add(
          Problem.in(
              translations.sourceOf(language, "subject"),
              "missing key 'subject': the letter's subject line, e.g. subject=Invitation"));
    }
    Path fromFile = translations.sourceOf(language, "from");
    List<NamedAddress> from = addresses(translations, language, "from", problems);
    if (translations.get(language, "from").orElse("").isBlank()) {
      problems.add(
          Problem.in(
              fromFile,
              "missing key 'from': the sender, e.g. from=Office <office@mission.example>"));
    } else if (from.size() > 1) {
      problems.add(
          translations.problem(
              language, "from", "key 'from': give one sender, not " + from.size()));
    }
    List<NamedAddress> replyTo = addresses(translations, language, "reply-to", problems);
    List<NamedAddress> cc = addresses(translations, language, "cc", problems);
    List<NamedAddress> bcc = addresses(translations, language, "bcc", problems);
    List<Path> attachments = new ArrayList<>();
    for (String name : translations.get(language, "attachments").orElse("").split("[;,]")) {
      if (name.isBlank()) {
        continue;
      }
      Path path = folder.resolve(name.strip()).normalize();
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        notRendering.add(
            translations.problem(
                language,
                "attachments",
                "key 'attachments': no readable file '" + name.strip() + "' in " + folder));
      } else {
        attachments.add(path);
      }
    }
    PdfSettings pdf = PdfSettings.of(folder, translations, language, problems);
    if (problems.size() != before) {
      return Optional.empty();
    }
    return Optional.of(new Headers(subject, from.get(0), replyTo, cc, bcc, attachments, pdf));
  }

  private static List<NamedAddress> addresses(
      Translations translations, String language, String key, List<Problem> problems) {
    String value = translations.get(language, key).orElse("");
    if (value.isBlank()) {
      return List.of();
    }
    try {
      return NamedAddress.parseList(value);
    } catch (IllegalArgumentException e) {
      problems.add(translations.problem(language, key, "key '" + key + "': " + e.getMessage()));
      return List.of();
    }
  }
}
