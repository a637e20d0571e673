package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.replies.ResponseLog;
import circular.replies.ResponseRow;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code circular replies} as a process, reading the contact's mailbox over IMAP with a password
 * from the environment.
 */
@Timeout(120)
class RepliesJarIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final String CONTACT = "raylene.liufalani@nz-mission-geneva.example";
  private static final String PASSWORD = "imap-s3cret!";

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(
              new ServerSetup[] {
                ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
              })
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(CONTACT, CONTACT, PASSWORD));

  @TempDir Path dir;

  @Test
  void aReplyInTheContactsImapInboxIsRecordedAndARescanAddsNothing() throws Exception {
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
            "AUT,FRA");
    assertThat(send.status()).as(send.toString()).isZero();
    String original =
        SentLog.read(dir.resolve("sent.csv")).stream()
            .filter(r -> r.recipientId().equals("AUT"))
            .map(SentRow::messageId)
            .findFirst()
            .orElseThrow();

    MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
    reply.setFrom(new InternetAddress("geneva@aut-mission.example", "Georg Lindner", "UTF-8"));
    reply.setRecipients(Message.RecipientType.TO, CONTACT);
    reply.setSubject("AW: Intersessional Meetings", "UTF-8");
    reply.setHeader("In-Reply-To", original);
    reply.setText("Austria will take the floor.", "UTF-8");
    GreenMailUser contact = greenMail.getUserManager().getUser(CONTACT);
    contact.deliver(reply);

    String url =
        "imap://raylene.liufalani%40nz-mission-geneva.example@127.0.0.1:"
            + greenMail.getImap().getPort()
            + "/INBOX";
    Map<String, String> env = Map.of("CIRCULAR_IMAP_PASSWORD", PASSWORD);
    JarProcess.Result first =
        JarProcess.run(
            PROJECT,
            env,
            Duration.ofSeconds(60),
            "replies",
            "--campaign",
            dir.toString(),
            "--imap",
            url);
    JarProcess.Result again =
        JarProcess.run(
            PROJECT,
            env,
            Duration.ofSeconds(60),
            "replies",
            "--campaign",
            dir.toString(),
            "--imap",
            url);

    assertThat(first.status()).as(first.toString()).isZero();
    assertThat(first.out()).startsWith("1 message: 1 reply added to responses.csv");
    assertThat(first.err()).as("quiet in a pipe").isEmpty();
    assertThat(again.out()).startsWith("0 messages: nothing new");
    assertThat(ResponseLog.read(dir.resolve("responses.csv")))
        .singleElement()
        .extracting(ResponseRow::recipientId, ResponseRow::from)
        .containsExactly("AUT", "geneva@aut-mission.example");
    String everything =
        first.out()
            + first.err()
            + Files.readString(dir.resolve("responses.csv"), StandardCharsets.UTF_8)
            + Files.readString(dir.resolve("scan-state.csv"), StandardCharsets.UTF_8);
    assertThat(everything).doesNotContain(PASSWORD);
  }

  @Test
  void aBrokenRecipientListIsReportedOnceForAllTheMessagesWithExitTwoAndNothingRecorded()
      throws Exception {
    Path campaign = dir.resolve("campaign");
    copy(PROJECT.resolve("src/test/resources/mailbox/campaign"), campaign);
    Path mailbox = dir.resolve("mailbox");
    copy(PROJECT.resolve("src/test/resources/mailbox/sender/INBOX"), mailbox);
    Path list = dir.resolve("states.csv");
    Files.writeString(
        list, "id,email\nAUT,geneva@aut-mission.example\nAUT,disarmament@aut-mission.example\n");
    Files.writeString(
        campaign.resolve("campaign.properties"),
        "letter="
            + PROJECT.resolve("letter-templates/2012-03-22-nim-invitation")
            + "\nrecipients="
            + list
            + "\n");

    JarProcess.Result run =
        JarProcess.run(
            PROJECT, "replies", "--campaign", campaign.toString(), "--eml", mailbox.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .as("one line for the list, not one per message")
        .isEqualTo(
            list
                + ":3: column 'id': duplicate id 'AUT' (first on line 2)\n1 problem; nothing was recorded.\n");
    assertThat(ResponseLog.read(campaign.resolve("responses.csv"))).isEmpty();
  }

  @Test
  void anImapFolderThatDoesNotExistIsOneLineWithExitTwoAndNothingRecorded() throws Exception {
    Path campaign = dir.resolve("campaign");
    copy(PROJECT.resolve("src/test/resources/mailbox/campaign"), campaign);
    Files.writeString(
        campaign.resolve("campaign.properties"),
        "letter="
            + PROJECT.resolve("letter-templates/2012-03-22-nim-invitation")
            + "\nrecipients="
            + PROJECT.resolve("recipients/ccm-states-parties-2012.csv")
            + "\n");
    String inbox2 =
        "imap://raylene.liufalani%40nz-mission-geneva.example@127.0.0.1:"
            + greenMail.getImap().getPort()
            + "/Inbox2";

    JarProcess.Result run =
        JarProcess.run(
            PROJECT,
            Map.of("CIRCULAR_IMAP_PASSWORD", PASSWORD),
            Duration.ofSeconds(60),
            "replies",
            "--campaign",
            campaign.toString(),
            "--imap",
            inbox2,
            "--eml",
            PROJECT.resolve("src/test/resources/mailbox/sender/INBOX").toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            inbox2.replace("%40", "@")
                + ": no folder 'Inbox2' on this server (folder names are case-sensitive, except INBOX)\n"
                + "1 problem; nothing was recorded.\n");
    assertThat(ResponseLog.read(campaign.resolve("responses.csv")))
        .as("not even the --eml folder's messages")
        .isEmpty();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
