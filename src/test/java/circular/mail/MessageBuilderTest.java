package circular.mail;

import static org.assertj.core.api.Assertions.assertThat;

import circular.letters.Enclosure;
import circular.letters.Letter;
import circular.letters.NamedAddress;
import circular.recipients.Recipient;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageBuilderTest {
  private static final Session SESSION = Session.getInstance(new Properties());
  @TempDir Path dir;

  private static Letter letter(List<Path> attachments) {
    Recipient recipient =
        new Recipient(
            "CIV", List.of("abidjan@civ.example"), List.of(), List.of(), Map.of("id", "CIV"), 2);
    return new Letter(
        "invitation",
        recipient,
        "fr",
        "Réunions intersessionnelles : mesures nationales d'application (Côte d'Ivoire)",
        new NamedAddress(
            "office@mission.example", "Coordinatrice pour les mesures nationales d'application"),
        List.of(new NamedAddress("contact@mission.example", "Hélène Marsh")),
        List.of(NamedAddress.of("abidjan@civ.example"), NamedAddress.of("geneve@civ.example")),
        List.of(NamedAddress.of("copie@civ.example")),
        List.of(NamedAddress.of("archive@mission.example")),
        "Excellence,\n",
        "<p>Excellence,</p>",
        attachments);
  }

  /** Writes the message out and parses it back, as a receiving server would. */
  private static MimeMessage roundTrip(MimeMessage message) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    String raw = out.toString(StandardCharsets.US_ASCII);
    assertThat(raw.chars().allMatch(c -> c < 128)).as("the message is 7-bit clean").isTrue();
    return new MimeMessage(SESSION, new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void keepsTheMessageIdItWasGivenAndPutsItInReferences() throws Exception {
    MimeMessage message =
        new MessageBuilder(SESSION)
            .build(letter(List.of()), "<abc.123@mission.example>", Optional.empty());
    message.saveChanges();

    MimeMessage received = roundTrip(message);

    assertThat(received.getMessageID()).isEqualTo("<abc.123@mission.example>");
    assertThat(received.getHeader("References", null)).isEqualTo("<abc.123@mission.example>");
    assertThat(received.getHeader("In-Reply-To")).isNull();
  }

  @Test
  void aFollowUpIsThreadedUnderTheOriginal() throws Exception {
    MimeMessage received =
        roundTrip(
            new MessageBuilder(SESSION)
                .build(
                    letter(List.of()),
                    "<reminder@mission.example>",
                    Optional.of("<original@mission.example>")));

    assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<original@mission.example>");
    assertThat(received.getHeader("References", null))
        .isEqualTo("<original@mission.example> <reminder@mission.example>");
  }

  @Test
  void nonAsciiNamesAndSubjectsArriveIntact() throws Exception {
    MimeMessage received =
        roundTrip(
            new MessageBuilder(SESSION)
                .build(letter(List.of()), "<a@mission.example>", Optional.empty()));

    assertThat(received.getSubject())
        .isEqualTo(
            "Réunions intersessionnelles : mesures nationales d'application (Côte d'Ivoire)");
    InternetAddress from = (InternetAddress) received.getFrom()[0];
    assertThat(from.getPersonal())
        .isEqualTo("Coordinatrice pour les mesures nationales d'application");
    assertThat(((InternetAddress) received.getReplyTo()[0]).getPersonal())
        .isEqualTo("Hélène Marsh");
    assertThat(received.getRecipients(RecipientType.TO))
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("abidjan@civ.example", "geneve@civ.example");
    assertThat(received.getRecipients(RecipientType.CC))
        .extracting(Object::toString)
        .containsExactly("copie@civ.example");
    assertThat(received.getHeader("Content-Language", null)).isEqualTo("fr");
  }

  @Test
  void bodyIsTextThenHtmlAlternatives() throws Exception {
    MimeMessage received =
        roundTrip(
            new MessageBuilder(SESSION)
                .build(letter(List.of()), "<a@mission.example>", Optional.empty()));

    assertThat(received.getContentType()).startsWith("multipart/alternative");
    Multipart parts = (Multipart) received.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
    assertThat(((String) parts.getBodyPart(0).getContent()).strip()).isEqualTo("Excellence,");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Excellence,</p>");
  }

  @Test
  void attachmentsMakeAMixedMessageWithEncodedFileNames() throws Exception {
    Path annex = dir.resolve("Annexe – état d'avancement.pdf");
    Files.write(annex, new byte[] {'%', 'P', 'D', 'F', 0, 1, 2});

    MimeMessage received =
        roundTrip(
            new MessageBuilder(SESSION)
                .build(letter(List.of(annex)), "<a@mission.example>", Optional.empty()));

    assertThat(received.getContentType()).startsWith("multipart/mixed");
    Multipart mixed = (Multipart) received.getContent();
    assertThat(mixed.getCount()).isEqualTo(2);
    assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
    Part attachment = mixed.getBodyPart(1);
    assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(MimeUtility.decodeText(attachment.getFileName()))
        .isEqualTo("Annexe – état d'avancement.pdf");
    assertThat(attachment.getInputStream().readAllBytes())
        .containsExactly('%', 'P', 'D', 'F', 0, 1, 2);
  }

  @Test
  void anEnclosureIsAttachedAfterTheFilesWithItsNameAndType() throws Exception {
    Path annex = dir.resolve("annex.txt");
    Files.writeString(annex, "annex");
    Letter letter =
        letter(List.of(annex))
            .enclosing(Enclosure.pdf("invitation-CIV.pdf", new byte[] {'%', 'P', 'D', 'F', 9}));

    MimeMessage received =
        roundTrip(
            new MessageBuilder(SESSION).build(letter, "<a@mission.example>", Optional.empty()));

    Multipart mixed = (Multipart) received.getContent();
    assertThat(mixed.getCount()).isEqualTo(3);
    assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("annex.txt");
    Part pdf = mixed.getBodyPart(2);
    assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(pdf.getFileName()).isEqualTo("invitation-CIV.pdf");
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    assertThat(pdf.getInputStream().readAllBytes()).containsExactly('%', 'P', 'D', 'F', 9);
  }

  @Test
  void anEnclosureAloneMakesAMixedMessageToo() throws Exception {
    Letter letter =
        letter(List.of())
            .enclosing(Enclosure.pdf("invitation-CIV.pdf", new byte[] {'%', 'P', 'D', 'F'}));

    MimeMessage received =
        roundTrip(
            new MessageBuilder(SESSION).build(letter, "<a@mission.example>", Optional.empty()));

    assertThat(received.getContentType()).startsWith("multipart/mixed");
    assertThat(((Multipart) received.getContent()).getBodyPart(1).getFileName())
        .isEqualTo("invitation-CIV.pdf");
  }

  @Test
  void bccIsKeptOnTheMessageForTheOfficeCopy() throws Exception {
    MimeMessage message =
        new MessageBuilder(SESSION)
            .build(letter(List.of()), "<a@mission.example>", Optional.empty());

    assertThat(message.getRecipients(RecipientType.BCC))
        .extracting(Object::toString)
        .containsExactly("archive@mission.example");
  }
}
