package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.replies.ResponseLog;
import circular.replies.ResponseRow;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's loop on the sandbox when Spain answers from a personal webmail address: the answer
 * is recorded as unmatched, the office assigns it to Spain with {@code replies --assign}, and from
 * then on {@code status}, {@code remind} and {@code digest} count it as Spain's reply; a scan
 * afterwards neither adds it again nor undoes the assignment. Runs {@code target/circular} in a
 * working folder holding the sample letter and list.
 */
@Timeout(240)
class AssignReplyJarIT {
  private static final String CONTACT = "raylene.liufalani@nz-mission-geneva.example";
  private static final String LETTER = "2012-03-22-nim-invitation";
  private static final String WEBMAIL_ID = "<CAJ=4f2a.spain@webmail.example>";

  @TempDir Path folder;

  private void copy(Path from, Path to) throws IOException {
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

  private JarProcess.Result circular(String... args) throws Exception {
    return JarProcess.launch(folder, Map.of("TZ", "UTC"), args);
  }

  /** The subject of the letter Spain's mailbox in the sandbox received. */
  private static String subjectOfLetterTo(Path campaign, String address) throws Exception {
    Path inbox = campaign.resolve("sandbox").resolve(address).resolve("INBOX");
    try (Stream<Path> files = Files.list(inbox);
        InputStream in = Files.newInputStream(files.findFirst().orElseThrow())) {
      return new MimeMessage(Session.getInstance(new Properties()), in).getSubject();
    }
  }

  @Test
  void anAnswerFromAWebmailAddressAssignedToSpainIsSpainsReplyEverywhere() throws Exception {
    copy(Path.of("letter-templates"), folder.resolve("letter-templates"));
    copy(Path.of("recipients"), folder.resolve("recipients"));
    JarProcess.Result send =
        circular("send", LETTER, "ccm-states-parties-2012", "--only", "AUT,ESP,FRA");
    assertThat(send.status()).as(send.toString()).isZero();

    Path campaign = folder.resolve("campaigns").resolve(LETTER);
    String subject = subjectOfLetterTo(campaign, "ccm@esp-mission.example");
    Files.writeString(
        campaign.resolve("sandbox").resolve(CONTACT).resolve("INBOX").resolve("from-spain.eml"),
        "From: Ignacio Salvatierra <i.salvatierra@webmail.example>\r\n"
            + "To: "
            + CONTACT
            + "\r\n"
            + "Subject: "
            + MimeUtility.encodeText("RE: " + subject, "UTF-8", "Q")
            + "\r\n"
            + "Date: Tue, 15 Jan 2030 10:00:00 +0000\r\n"
            + "Message-ID: "
            + WEBMAIL_ID
            + "\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "España informará sobre sus medidas nacionales de aplicación.\r\n",
        StandardCharsets.UTF_8);

    JarProcess.Result replies = circular("replies");
    assertThat(replies.status()).as(replies.toString()).isZero();
    assertThat(replies.out()).startsWith("1 message: 1 unmatched added to responses.csv");
    JarProcess.Result wrong = circular("replies", "--assign", WEBMAIL_ID + "=ESQ");
    JarProcess.Result assign =
        circular("replies", "--assign", "CAJ=4f2a.spain@webmail.example=ESP");
    JarProcess.Result again = circular("replies", "--assign", WEBMAIL_ID + "=ESP");
    JarProcess.Result rescan = circular("replies");
    JarProcess.Result status = circular("status");
    JarProcess.Result awaiting = circular("status", "--awaiting");
    JarProcess.Result csv = circular("status", "--csv");
    JarProcess.Result remind = circular("remind", LETTER + "-reminder", "--dry-run");
    JarProcess.Result digest = circular("digest");

    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(2);
    assertThat(wrong.err())
        .isEqualTo(
            "--assign '"
                + WEBMAIL_ID
                + "=ESQ': no delegation with id 'ESQ' in recipients/ccm-states-parties-2012.csv;"
                + " did you mean 'ESP'?\n1 problem; nothing was recorded.\n");
    assertThat(assign.status()).as(assign.toString()).isZero();
    assertThat(assign.out())
        .isEqualTo(
            "Assigned "
                + WEBMAIL_ID
                + " (i.salvatierra@webmail.example, 'RE: "
                + subject
                + "') to ESP: counted as its reply.\n");
    assertThat(again.out())
        .startsWith("Already assigned: " + WEBMAIL_ID)
        .endsWith("nothing changed.\n");
    assertThat(rescan.status()).as(rescan.toString()).isZero();
    assertThat(rescan.out())
        .startsWith("1 message: nothing new for responses.csv; 1 already there");
    List<ResponseRow> written = ResponseLog.asWritten(campaign.resolve("responses.csv"));
    assertThat(written)
        .extracting(r -> r.kind() + " " + r.recipientId() + " " + r.matchedBy())
        .containsExactly("unmatched  none", "reply ESP hand");

    assertThat(status.out())
        .containsPattern("ESP +Spain +sent +- +2030-01-15 10:00 UTC i.salvatierra@webmail.example")
        .contains("70 delegations: 3 sent, 1 replied, 2 awaiting")
        .doesNotContain("Unmatched");
    assertThat(awaiting.out()).containsPattern("AUT +Austria").doesNotContain("ESP ");
    assertThat(csv.out())
        .contains("ESP,Spain,sent,")
        .contains(",2030-01-15T10:00:00Z,i.salvatierra@webmail.example,");
    assertThat(remind.status()).as(remind.toString()).isZero();
    assertThat(remind.out())
        .startsWith(
            "2 of 70 delegations to remind (1 replied, 0 bounced, 67 not sent the letter).");
    assertThat(remind.err()).doesNotContain("Unmatched");
    assertThat(digest.status()).as(digest.toString()).isZero();
    assertThat(Files.readString(campaign.resolve("digest/index.html")))
        .contains("España informará sobre sus medidas nacionales de aplicación.");
  }
}
