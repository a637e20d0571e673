package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.replies.ResponseLog;
import circular.replies.ResponseRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole loop on the sandbox: send, a delegation answers, replies, status, remind. */
class RepliesCommandTest {
  private static final String LETTER = "letter-templates/2012-03-22-nim-invitation";
  private static final String REMINDER = "letter-templates/2012-03-22-nim-invitation-reminder";
  private static final String LIST = "recipients/ccm-states-parties-2012.csv";
  private static final String CONTACT = "raylene.liufalani@nz-mission-geneva.example";

  @TempDir Path dir;
  private Map<String, String> ids;

  @BeforeEach
  void sendThroughTheSandbox() {
    CliRun send =
        CliRun.of("send", LETTER, LIST, "--campaign", dir.toString(), "--only", "AUT,FRA,MEX");
    assertThat(send.status()).as(send.toString()).isZero();
    ids =
        SentLog.read(dir.resolve("sent.csv")).stream()
            .collect(Collectors.toMap(SentRow::recipientId, SentRow::messageId, (a, b) -> b));
  }

  private void answer(
      Path folder, String name, String from, String subject, String inReplyTo, String extraHeaders)
      throws Exception {
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve(name + ".eml"),
        "From: "
            + from
            + "\r\nTo: "
            + CONTACT
            + "\r\nSubject: "
            + subject
            + "\r\nDate: "
            + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now())
            + "\r\n"
            + "Message-ID: <"
            + name
            + "@delegation.example>\r\n"
            + (inReplyTo.isEmpty() ? "" : "In-Reply-To: " + inReplyTo + "\r\n")
            + extraHeaders
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThank you.\r\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void repliesInTheSandboxAreRecordedOnceAndOnlyRepliesCountAsAnswers() throws Exception {
    Path inbox = dir.resolve("sandbox").resolve(CONTACT).resolve("INBOX");
    answer(inbox, "aut", "geneva@aut-mission.example", "RE: the letter", ids.get("AUT"), "");
    answer(
        inbox,
        "fra",
        "geneve@fra-mission.example",
        "Réponse automatique : absent",
        ids.get("FRA"),
        "Auto-Submitted: auto-replied\r\n");

    CliRun first = CliRun.of("replies", "--campaign", dir.toString());
    CliRun again = CliRun.of("replies", "--campaign", dir.toString());
    CliRun awaiting = CliRun.of("status", "--campaign", dir.toString(), "--awaiting");
    CliRun remind = CliRun.of("remind", REMINDER, "--campaign", dir.toString());

    assertThat(first.status()).as(first.toString()).isZero();
    assertThat(first.out())
        .startsWith("2 messages: 1 reply and 1 auto-reply added to responses.csv");
    assertThat(again.out())
        .startsWith("2 messages: nothing new for responses.csv; 2 already there");
    assertThat(ResponseLog.read(dir.resolve("responses.csv")))
        .extracting(ResponseRow::recipientId, r -> r.kind().label(), r -> r.matchedBy().label())
        .containsExactly(
            Tuple.tuple("AUT", "reply", "thread"), Tuple.tuple("FRA", "auto-reply", "thread"));
    assertThat(awaiting.out())
        .containsPattern("FRA +France")
        .containsPattern("MEX +Mexico")
        .doesNotContain("AUT  ");
    assertThat(remind.out())
        .startsWith(
            "2 of 70 delegations to remind (1 replied, 0 bounced, 67 not sent the letter).\nSent 2,");
  }

  @Test
  void emlFoldersExportedFromAMailClientAreRead() throws Exception {
    Path export = dir.resolve("export");
    // no threading headers: a client that drops them; the subject still answers the letter
    answer(
        export,
        "mex",
        "onug@mex-mission.example",
        "=?UTF-8?Q?RE:_Reuniones_entre_per=C3=ADodos_de_sesiones,_Ginebra,_16_a_19_de_abril_de_2012:_medidas_nacionales_de_aplicaci=C3=B3n_(Mexico)?=",
        "",
        "");

    CliRun run = CliRun.of("replies", "--campaign", dir.toString(), "--eml", export.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(ResponseLog.read(dir.resolve("responses.csv")))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.recipientId()).isEqualTo("MEX");
              assertThat(r.matchedBy().label()).isEqualTo("address");
            });
  }

  @Test
  void aMissingEmlFolderIsAnInputError() {
    CliRun run =
        CliRun.of("replies", "--campaign", dir.toString(), "--eml", dir.resolve("nope").toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("nope");
  }

  @Test
  void aTrustFileWithoutAnImapMailboxIsRefusedRatherThanIgnored() {
    CliRun run =
        CliRun.of(
            "replies",
            "--campaign",
            dir.toString(),
            "--imap-trust",
            "nope.pem",
            "--eml",
            dir.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "--imap-trust: is for a mailbox named with --imap imaps://…; no --imap was given\n");
    assertThat(dir.resolve("responses.csv")).doesNotExist();
  }

  @Test
  void anEmlFolderOfOutlookMsgFilesIsRefusedWithWhatToDo() throws Exception {
    Path export = dir.resolve("export");
    Files.createDirectories(export.resolve("April"));
    Files.write(export.resolve("RE Invitation.msg"), new byte[] {(byte) 0xd0, (byte) 0xcf});
    Files.write(export.resolve("April").resolve("Out of office.MSG"), new byte[] {(byte) 0xd0});

    CliRun run = CliRun.of("replies", "--campaign", dir.toString(), "--eml", export.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            export
                + ": no .eml file, only Outlook .msg files (2), which circular cannot read: save the"
                + " messages as .eml files with a client that writes them, or read the mailbox with"
                + " --imap\n1 problem; nothing was recorded.\n");
    assertThat(dir.resolve("responses.csv")).doesNotExist();
  }

  @Test
  void anEmlFolderWithNoEmlFileIsRefusedNotReadAsNoMessages() throws Exception {
    Path export = Files.createDirectories(dir.resolve("export"));
    Files.writeString(export.resolve("notes.txt"), "not a message");

    CliRun run = CliRun.of("replies", "--campaign", dir.toString(), "--eml", export.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            export
                + ": no .eml file in this folder or below it; --eml reads messages saved as .eml"
                + " files, one message each\n1 problem; nothing was recorded.\n");
  }
}
