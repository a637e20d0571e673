package circular.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.letters.Letter;
import circular.mail.Delivery.Outcome;
import circular.server.Login;
import circular.server.MessageId;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Letters sent to a real SMTP server (GreenMail on 127.0.0.1) arrive as they were built. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SmtpSenderGreenMailTest {
  private static final String USER = "nim-contact@mission.example";
  private static final String PASSWORD = "Tr0ub4dor&3";

  @RegisterExtension
  static final GreenMailExtension GREENMAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));

  private static SmtpSettings settings(String user) {
    String at = user.isEmpty() ? "" : user.replace("@", "%40") + "@";
    return SmtpSettings.fromUrl("smtp://" + at + "127.0.0.1:" + GREENMAIL.getSmtp().getPort())
        .withTimeout(Duration.ofSeconds(5))
        .withBackoff(Backoff.none());
  }

  @Test
  void aLetterArrivesIntact() throws Exception {
    String id = MessageId.create(TestLetters.FROM.address()).text();
    MimeMessage letter =
        TestLetters.message(TestLetters.letter(List.of("delegation@gov.example"), List.of()), id);

    Delivery delivery;
    try (SmtpSender smtp = SmtpSender.connect(settings(""), Optional.empty())) {
      delivery = smtp.send(letter);
    }

    assertThat(delivery.outcome()).isEqualTo(Outcome.SENT);
    assertThat(delivery.detail()).startsWith("250");
    MimeMessage received = GREENMAIL.getReceivedMessages()[0];
    assertThat(received.getMessageID()).isEqualTo(id);
    assertThat(received.getSubject()).isEqualTo(TestLetters.SUBJECT);
    InternetAddress from = (InternetAddress) received.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("nim-contact@mission.example");
    assertThat(from.getPersonal()).isEqualTo("Hélène Marsh, Mission permanente");
    assertThat(received.getHeader("Content-Language", null)).isEqualTo("fr");
    MimeMultipart alternative = (MimeMultipart) received.getContent();
    assertThat(received.getContentType()).startsWith("multipart/alternative");
    assertThat(alternative.getCount()).isEqualTo(2);
    BodyPart text = alternative.getBodyPart(0);
    BodyPart html = alternative.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain");
    assertThat(((String) text.getContent()).replace("\r\n", "\n"))
        .isEqualTo(TestLetters.TEXT.replace("\r\n", "\n"));
    assertThat(html.getContentType()).startsWith("text/html");
    assertThat((String) html.getContent()).isEqualTo(TestLetters.HTML);
  }

  @Test
  void lettersGoToEveryAddressAndEachKeepsItsOwnId() throws Exception {
    String first = MessageId.create(TestLetters.FROM.address()).text();
    String second = MessageId.create(TestLetters.FROM.address()).text();

    try (SmtpSender smtp = SmtpSender.connect(settings(""), Optional.empty())) {
      assertThat(
              smtp.send(
                      TestLetters.message(
                          TestLetters.letter(List.of("a@gov.example"), List.of("b@gov.example")),
                          first))
                  .sent())
          .isTrue();
      assertThat(
              smtp.send(
                      TestLetters.message(
                          TestLetters.letter(List.of("c@gov.example"), List.of()), second))
                  .sent())
          .isTrue();
    }

    assertThat(GREENMAIL.getReceivedMessagesForDomain("gov.example"))
        .extracting(MimeMessage::getMessageID)
        .containsExactlyInAnyOrder(first, first, second);
  }

  @Test
  void aLetterIsSentAfterLoggingIn() throws Exception {
    Login login = new Login(USER, PASSWORD, Login.Mechanism.PASSWORD);

    try (SmtpSender smtp = SmtpSender.connect(settings(USER), Optional.of(login))) {
      assertThat(smtp.send(TestLetters.message("delegation@gov.example")).outcome())
          .isEqualTo(Outcome.SENT);
    }

    assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aWrongPasswordStopsTheRunBeforeAnyLetter() {
    Login login = new Login(USER, "not-the-password", Login.Mechanism.PASSWORD);

    assertThatThrownBy(() -> SmtpSender.connect(settings(USER), Optional.of(login)))
        .isInstanceOf(SmtpException.class)
        .hasMessageStartingWith(
            "127.0.0.1:"
                + GREENMAIL.getSmtp().getPort()
                + ": the server refused the login for 'nim-contact@mission.example' (535")
        .message()
        .doesNotContain("not-the-password");
    assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void attachedFilesArriveByteForByteWithTheirTypes(@TempDir Path dir) throws Exception {
    // Plain ASCII with bare line feeds and a bare carriage return: sent as 7bit, the server would
    // have made every line end CRLF, and the delegation's file would differ from the office's.
    byte[] programme = "%PDF-1.4\nprogramme\r\nday 1\rday 2\n".getBytes(StandardCharsets.US_ASCII);
    Path pdf = Files.write(dir.resolve("programme.pdf"), programme);
    Path docx = Files.write(dir.resolve("note.docx"), new byte[] {'P', 'K', 3, 4, '\n'});
    Letter base = TestLetters.letter(List.of("delegation@gov.example"), List.of());
    Letter letter =
        new Letter(
            base.name(),
            base.recipient(),
            base.language(),
            base.subject(),
            base.from(),
            base.replyTo(),
            base.to(),
            base.cc(),
            base.bcc(),
            base.text(),
            base.html(),
            List.of(pdf, docx));
    MimeMessage message =
        new MessageBuilder(Session.getInstance(new Properties()))
            .encode(letter, MessageId.create(TestLetters.FROM.address()).text(), Optional.empty())
            .message();

    try (SmtpSender smtp = SmtpSender.connect(settings(""), Optional.empty())) {
      assertThat(smtp.send(message).outcome()).isEqualTo(Outcome.SENT);
    }

    MimeMultipart mixed = (MimeMultipart) GREENMAIL.getReceivedMessages()[0].getContent();
    BodyPart first = mixed.getBodyPart(1);
    assertThat(first.getFileName()).isEqualTo("programme.pdf");
    assertThat(first.getContentType()).startsWith("application/pdf");
    assertThat(first.getInputStream().readAllBytes()).isEqualTo(programme);
    BodyPart second = mixed.getBodyPart(2);
    assertThat(second.getContentType())
        .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(second.getInputStream().readAllBytes()).containsExactly('P', 'K', 3, 4, '\n');
  }
}
