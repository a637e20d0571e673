package circular.letters;

import circular.recipients.Recipient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One delegation's letter, rendered and addressed: everything a message is built from. Immutable.
 *
 * @param language the language the letter was written in for this recipient, e.g. {@code fr}
 * @param text the plain-text body
 * @param html the HTML body
 * @param attachments the letter's files, then the recipient's own
 * @param enclosures files made for this letter, sent after the attachments: its PDF, if the letter
 *     folder says {@code pdf = attach}
 */
public record Letter(
    String name,
    Recipient recipient,
    String language,
    String subject,
    NamedAddress from,
    List<NamedAddress> replyTo,
    List<NamedAddress> to,
    List<NamedAddress> cc,
    List<NamedAddress> bcc,
    String text,
    String html,
    List<Path> attachments,
    List<Enclosure> enclosures) {

  public Letter {
    replyTo = List.copyOf(replyTo);
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    bcc = List.copyOf(bcc);
    attachments = List.copyOf(attachments);
    enclosures = List.copyOf(enclosures);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("a letter needs a recipient address");
    }
    if (subject.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a subject may not hold control characters");
    }
  }

  /** A letter with nothing enclosed. */
  public Letter(
      String name,
      Recipient recipient,
      String language,
      String subject,
      NamedAddress from,
      List<NamedAddress> replyTo,
      List<NamedAddress> to,
      List<NamedAddress> cc,
      List<NamedAddress> bcc,
      String text,
      String html,
      List<Path> attachments) {
    this(
        name,
        recipient,
        language,
        subject,
        from,
        replyTo,
        to,
        cc,
        bcc,
        text,
        html,
        attachments,
        List.of());
  }

  /** The same letter to other addresses with another subject: a test copy. */
  public Letter redirectedTo(NamedAddress address, String newSubject) {
    return new Letter(
        name,
        recipient,
        language,
        newSubject,
        from,
        replyTo,
        List.of(address),
        List.of(),
        List.of(),
        text,
        html,
        attachments,
        enclosures);
  }

  /** The same letter with {@code enclosure} added after its other files. */
  public Letter enclosing(Enclosure enclosure) {
    List<Enclosure> all = new ArrayList<>(enclosures);
    all.add(enclosure);
    return new Letter(
        name,
        recipient,
        language,
        subject,
        from,
        replyTo,
        to,
        cc,
        bcc,
        text,
        html,
        attachments,
        all);
  }

  /** The names of every file sent with the letter, attachments then enclosures. */
  public List<String> fileNames() {
    List<String> names = new ArrayList<>();
    attachments.forEach(a -> names.add(a.getFileName().toString()));
    enclosures.forEach(e -> names.add(e.fileName()));
    return names;
  }
}
