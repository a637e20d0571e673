package circular.mail;

import circular.letters.Letter;
import circular.letters.NamedAddress;
import circular.recipients.Recipient;
import circular.server.MessageId;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Letters and messages for the sending tests, in French, with non-ASCII everywhere it matters. */
final class TestLetters {
  static final String SUBJECT = "Rapport d'avancement — mesures nationales, délai du 30 avril";
  static final NamedAddress FROM =
      new NamedAddress("nim-contact@mission.example", "Hélène Marsh, Mission permanente");
  static final String TEXT =
      "Excellence,\r\nJ'ai l'honneur de vous écrire au sujet de l'article 9.\r\n";
  static final String HTML =
      "<p>Excellence,</p><p>J'ai l'honneur de vous écrire au sujet de l'article 9.</p>";

  private TestLetters() {}

  static Letter letter(List<String> to, List<String> cc) {
    Recipient recipient =
        new Recipient(
            "FRA", to, cc, List.of(), Map.of("id", "FRA", "email", String.join(";", to)), 2);
    return new Letter(
        "progress-report",
        recipient,
        "fr",
        SUBJECT,
        FROM,
        List.of(),
        to.stream().map(NamedAddress::of).toList(),
        cc.stream().map(NamedAddress::of).toList(),
        List.of(),
        TEXT,
        HTML,
        List.of());
  }

  static MimeMessage message(String... to) {
    return message(List.of(to), List.of());
  }

  static MimeMessage message(List<String> to, List<String> cc) {
    return message(letter(to, cc), MessageId.create(FROM.address()).text());
  }

  static MimeMessage message(Letter letter, String messageId) {
    try {
      return new MessageBuilder(Session.getInstance(new Properties()))
          .build(letter, messageId, Optional.empty());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
