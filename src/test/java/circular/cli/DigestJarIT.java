package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.SentLog;
import circular.campaign.SentRow;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code circular replies} then {@code circular digest} as processes, the replies read over IMAP:
 * the digest reads what the scan kept, whatever the mailbox was. Under the "C" locale, as {@link
 * JarProcess} runs it, an attachment name Java cannot write there loses its accents, not its file.
 */
@Timeout(180)
class DigestJarIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final String PASSWORD = "imap-s3cret!";

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(
              new ServerSetup[] {
                ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
              })
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser(DigestFixtures.CONTACT, DigestFixtures.CONTACT, PASSWORD));

  @TempDir Path dir;

  @Test
  void repliesReadOverImapAreCompiledByTheDigest() throws Exception {
    JarProcess.Result send =
        JarProcess.run(
            PROJECT,
            Map.of(),
            Duration.ofSeconds(60),
            "send",
            "2012-03-22-nim-invitation",
            "ccm-states-parties-2012",
            "--campaign",
            dir.toString(),
            "--smtp",
            "smtp://127.0.0.1:" + greenMail.getSmtp().getPort(),
            "--yes",
            "--only",
            "AUT,FRA,NOR");
    assertThat(send.status()).as(send.toString()).isZero();
    Map<String, String> letters =
        SentLog.read(dir.resolve("sent.csv")).stream()
            .collect(Collectors.toMap(SentRow::recipientId, SentRow::messageId, (a, b) -> b));
    for (String fixture :
        new String[] {
          "01-aut-outlook-with-report.eml", "06-fra-apple-french.eml", "10-nor-second-revised.eml"
        }) {
      String message =
          DigestFixtures.message(
              DigestFixtures.root().resolve("contact").resolve(fixture), letters);
      greenMail
          .getUserManager()
          .getUserByEmail(DigestFixtures.CONTACT)
          .deliver(
              new MimeMessage(
                  Session.getInstance(new Properties()),
                  new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8))));
    }
    String inbox =
        "imap://nim-contact%40mission-coordinator.example@127.0.0.1:"
            + greenMail.getImap().getPort()
            + "/INBOX";

    JarProcess.Result replies =
        JarProcess.run(
            PROJECT,
            Map.of("CIRCULAR_IMAP_PASSWORD", PASSWORD),
            Duration.ofSeconds(60),
            "replies",
            "--campaign",
            dir.toString(),
            "--imap",
            inbox);
    JarProcess.Result digest = JarProcess.run(PROJECT, "digest", "--campaign", dir.toString());

    assertThat(replies.status()).as(replies.toString()).isZero();
    assertThat(digest.status()).as(digest.toString()).isZero();
    assertThat(digest.out()).startsWith("3 replies from 3 delegations, 3 attachments; 0 awaited.");
    try (Stream<Path> files = Files.walk(dir.resolve("digest"))) {
      assertThat(
              files
                  .filter(Files::isRegularFile)
                  .map(f -> dir.resolve("digest").relativize(f).toString())
                  .sorted())
          .containsExactly(
              "AUT/report.pdf",
              "NOR/Budget etat 2012.xlsx",
              "NOR/report.pdf",
              "digest.csv",
              "index.html");
    }
    assertThat(dir.resolve("digest/NOR/report.pdf"))
        .hasBinaryContent(DigestFixtures.attachment("nor-report-revised.pdf"));
    assertThat(Files.readString(dir.resolve("digest/digest.csv"), StandardCharsets.UTF_8))
        .contains(
            "\"Madame,\n\nLa France interviendra le 18 avril sur les mesures nationales d'application ; nous présenterons"
                + " notamment la loi du 20 juillet 2010.\n\nBien cordialement,\nLaurent Berthier\",\r\n");
  }
}
