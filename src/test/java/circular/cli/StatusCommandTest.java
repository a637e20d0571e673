package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.campaign.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code circular status} on a campaign whose run was cut off: three letters sent through the
 * sandbox, then one whose {@code sending} row has nothing after it, as a kill mid-transaction
 * leaves the log.
 */
class StatusCommandTest {
  private static final String LETTER = "letter-templates/2012-03-22-nim-invitation";
  private static final String LIST = "recipients/ccm-states-parties-2012.csv";

  @TempDir Path dir;
  private SentRow france;

  @BeforeEach
  void sendThreeLettersAndCutTheFourthOff() throws Exception {
    CliRun send =
        CliRun.of("send", LETTER, LIST, "--campaign", dir.toString(), "--only", "AUT,CHL,MEX");
    assertThat(send.status()).as(send.toString()).isZero();
    france =
        new SentRow(
            Instant.parse("2012-03-22T09:00:00Z"),
            "2012-03-22-nim-invitation",
            "FRA",
            "geneve@fra-mission.example",
            "<cut-off@nz-mission-geneva.example>",
            Status.SENDING,
            "");
    Files.writeString(
        dir.resolve("sent.csv"),
        "2012-03-22T09:00:00Z,2012-03-22-nim-invitation,FRA,geneve@fra-mission.example,"
            + "<cut-off@nz-mission-geneva.example>,sending,\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    assertThat(SentLog.read(dir.resolve("sent.csv"))).last().isEqualTo(france);
  }

  @Test
  void aLetterCutOffMidTransactionIsShownInDoubtWithWhatToDo() {
    CliRun run = CliRun.of("status", "--campaign", dir.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .containsPattern("\nFRA +France +in-doubt +- +- +- +-\n")
        .containsPattern("\nAUT +Austria +sent +-")
        .endsWith(
            "\n70 delegations: 3 sent, 0 replied, 3 awaiting (of whom 0 sent an automatic reply, 0 bounced);"
                + " 1 in doubt, 66 not sent yet.\n"
                + "In doubt: FRA (<cut-off@nz-mission-geneva.example>, "
                + StatusCommand.DAY.format(Instant.parse("2012-03-22T09:00:00Z"))
                + "): sending was"
                + " cut off after it began, so the letter may have arrived. Ask the delegation; to send it"
                + " again: 'circular send' with --resend-in-doubt FRA\n"
                + "66 letters not sent yet: 'circular send' with the same letter and list sends them,"
                + " and none twice.\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aStrangersSubjectReachesTheTerminalWithoutItsControlCharacters() throws Exception {
    // an encoded word can carry any byte: this one retitles the terminal window and rings it
    Files.writeString(
        dir.resolve("responses.csv"),
        "received,recipient_id,kind,from,subject,message_id,matched_by,detail\r\n"
            + "2012-03-23T10:00:00Z,,unmatched,maria@webmail.example,"
            + "\"\u001b]0;owned\u0007RE: Invitation\tnow\",<4f2a@webmail.example>,none,\r\n",
        StandardCharsets.UTF_8);

    CliRun run = CliRun.of("status", "--campaign", dir.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("Unmatched: maria@webmail.example wrote ']0;owned RE: Invitation now' (")
        .doesNotContain("\u001b", "\u0007", "\t");
  }

  @Test
  void aBouncesDetailReachesTheTerminalWithoutItsControlCharacters() throws Exception {
    // the detail quotes a stranger's server: it may carry an escape sequence too
    Files.writeString(
        dir.resolve("responses.csv"),
        "received,recipient_id,kind,from,subject,message_id,matched_by,detail\r\n"
            + "2012-03-23T10:00:00Z,AUT,bounce,mailer-daemon@aut-mission.example,Undeliverable,"
            + "<b1@aut-mission.example>,address,"
            + "\"geneva@aut-mission.example 5.1.1 \u001b[2Juser\u0007 unknown\"\r\n",
        StandardCharsets.UTF_8);

    CliRun run = CliRun.of("status", "--campaign", dir.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("[2Juser unknown").doesNotContain("\u001b", "\u0007");
  }

  @Test
  void theCsvSaysInDoubtAndAwaitingLeavesTheLetterInDoubtOut() {
    CliRun csv = CliRun.of("status", "--campaign", dir.toString(), "--csv");
    CliRun awaiting = CliRun.of("status", "--campaign", dir.toString(), "--awaiting");

    assertThat(csv.status()).as(csv.toString()).isZero();
    assertThat(csv.out()).contains("\nFRA,France,in-doubt,2012-03-22T09:00:00Z,,,,,,,\n");
    assertThat(csv.out()).doesNotContain("sending").doesNotContain("In doubt");
    assertThat(awaiting.status()).as(awaiting.toString()).isZero();
    assertThat(awaiting.out())
        .doesNotContain("\nFRA ")
        .contains("\nAUT ", "\nCHL ", "\nMEX ")
        .contains("; 1 in doubt, 66 not sent yet.\nIn doubt: FRA (");
  }

  @Test
  void aCampaignThatIsNotThereIsOneLineThatSaysNothingOfSending() {
    CliRun run = CliRun.of("status", "--campaign", dir.resolve("nope").toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            dir.resolve("nope") + ": no such campaign folder (campaigns are in campaigns/)\n");
  }
}
