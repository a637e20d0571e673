package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.campaign.Status;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} and {@code remind} over a campaign sent through GreenMail, with responses as
 * {@code replies} records them.
 */
class RemindCommandTest {
  private static final String LETTER = "letter-templates/2012-03-22-nim-invitation";
  private static final String REMINDER = "letter-templates/2012-03-22-nim-invitation-reminder";
  private static final String LIST = "recipients/ccm-states-parties-2012.csv";

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  private Map<String, String> sentIds;

  private String smtp() {
    return "smtp://127.0.0.1:" + greenMail.getSmtp().getPort();
  }

  @BeforeEach
  void sendTheLetterAndRecordResponses() throws Exception {
    CliRun send =
        CliRun.of(
            "send",
            LETTER,
            LIST,
            "--campaign",
            dir.toString(),
            "--smtp",
            smtp(),
            "--yes",
            "--only",
            "AUT,FRA,MEX,ESP,CHL");
    assertThat(send.status()).as(send.toString()).isZero();
    sentIds =
        SentLog.read(dir.resolve("sent.csv")).stream()
            .filter(r -> r.status() == Status.SENT)
            .collect(Collectors.toMap(SentRow::recipientId, SentRow::messageId));
    Files.writeString(
        dir.resolve("responses.csv"),
        "received,recipient_id,kind,from,subject,message_id,matched_by\n"
            + "2012-03-23T10:00:00Z,AUT,reply,geneva@aut-mission.example,Re: x,<r1@aut.example>,thread\n"
            + "2012-03-23T11:00:00Z,FRA,auto-reply,geneve@fra-mission.example,Réponse automatique,<r2@fra.example>,address\n"
            + "2012-03-23T12:00:00Z,MEX,bounce,mailer-daemon@mex.example,Undeliverable,<r3@mex.example>,thread\n"
            + "2012-03-24T12:00:00Z,,unmatched,someone@webmail.example,RE: x,<r4@x.example>,none\n",
        StandardCharsets.UTF_8);
    greenMail.reset();
  }

  @Test
  void statusShowsEachDelegationAndTheTotals() {
    CliRun run = CliRun.of("status", "--campaign", dir.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("AUT  Austria")
        .containsPattern("AUT +Austria +sent +- +2012-03-23 10:00 UTC geneva@aut-mission.example")
        .containsPattern("FRA +France +sent +- +- +2012-03-23 11:00 UTC +-")
        .containsPattern("MEX +Mexico +sent +- +- +- +2012-03-23 12:00 UTC")
        .containsPattern("AFG +Afghanistan +- +-")
        .endsWith(
            "\n70 delegations: 5 sent, 1 replied, 4 awaiting (of whom 1 sent an automatic reply, 1 bounced);"
                + " 65 not sent yet;\n1 unmatched message to look at in responses.csv.\n"
                + "65 letters not sent yet: 'circular send' with the same letter and list sends them,"
                + " and none twice.\n"
                + "Unmatched: someone@webmail.example wrote 'RE: x' (2012-03-24 12:00 UTC),"
                + " <r4@x.example>; if it is a delegation's reply: 'circular replies --assign"
                + " \"<r4@x.example>=ID\"'\n");
  }

  @Test
  void statusShowsWhatAnAutomaticReplyAndABounceSaid() throws Exception {
    Files.writeString(
        dir.resolve("responses.csv"),
        "received,recipient_id,kind,from,subject,message_id,matched_by,detail\n"
            + "2012-03-23T11:00:00Z,FRA,auto-reply,geneve@fra-mission.example,Réponse automatique,<r2@fra.example>,address,back on 2012-04-02\n"
            + "2012-03-23T12:00:00Z,MEX,bounce,mailer-daemon@mex.example,Undeliverable,<r3@mex.example>,thread,"
            + "misionginebra@mex-mission.example 5.1.1 user unknown\n",
        StandardCharsets.UTF_8);

    CliRun table = CliRun.of("status", "--campaign", dir.toString());
    CliRun csv = CliRun.of("status", "--campaign", dir.toString(), "--csv");

    assertThat(table.out())
        .containsPattern("FRA +France +sent +- +- +2012-03-23 11:00 UTC back on 2012-04-02 +-")
        .containsPattern(
            "MEX +Mexico +sent +- +- +- +2012-03-23 12:00 UTC misionginebra@mex-mission.example 5.1.1 user unknown");
    assertThat(csv.out().lines())
        .contains(
            "FRA,France,sent," + sentTime("FRA") + ",,,,2012-03-23T11:00:00Z,,back on 2012-04-02,",
            "MEX,Mexico,sent,"
                + sentTime("MEX")
                + ",,,,,2012-03-23T12:00:00Z,,misionginebra@mex-mission.example 5.1.1 user unknown");
  }

  private String sentTime(String id) {
    return SentLog.read(dir.resolve("sent.csv")).stream()
        .filter(r -> r.recipientId().equals(id) && r.status() == Status.SENT)
        .map(r -> r.time().toString())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void awaitingListsOnlyTheSentWithoutAReplyAndCsvOpensInASpreadsheet() {
    CliRun run = CliRun.of("status", "--campaign", dir.toString(), "--awaiting", "--csv");

    assertThat(run.status()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "id,country,letter_status,letter_time,reminder_status,reply_received,reply_from,auto_reply_received,bounce_received,auto_reply_detail,bounce_detail");
    assertThat(lines.subList(1, lines.size()))
        .extracting(l -> l.substring(0, 3))
        .containsExactly("CHL", "FRA", "MEX", "ESP");
  }

  @Test
  void remindWritesOnlyToTheUnansweredUnbouncedThreadedUnderTheOriginalAndOnlyOnce()
      throws Exception {
    CliRun remind =
        CliRun.of("remind", REMINDER, "--campaign", dir.toString(), "--smtp", smtp(), "--yes");
    CliRun again =
        CliRun.of("remind", REMINDER, "--campaign", dir.toString(), "--smtp", smtp(), "--yes");

    assertThat(remind.status()).as(remind.toString()).isZero();
    assertThat(remind.out())
        .startsWith(
            "3 of 70 delegations to remind (1 replied, 1 bounced, 65 not sent the letter).\nSent 3,");
    assertThat(again.out()).contains("Nothing to send: 3 already sent");
    Map<String, MimeMessage> reminders = new TreeMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      reminders.putIfAbsent(m.getMessageID(), m);
    }
    assertThat(reminders).hasSize(3);
    Map<String, String> byRecipient =
        SentLog.latest(SentLog.read(dir.resolve("sent.csv")), "2012-03-22-nim-invitation-reminder")
            .values()
            .stream()
            .collect(Collectors.toMap(SentRow::recipientId, SentRow::messageId));
    assertThat(byRecipient.keySet()).containsExactlyInAnyOrder("FRA", "ESP", "CHL");
    for (MimeMessage m : reminders.values()) {
      String recipient =
          byRecipient.entrySet().stream()
              .filter(e -> e.getValue().equals(getId(m)))
              .findFirst()
              .orElseThrow()
              .getKey();
      assertThat(m.getHeader("In-Reply-To", null)).isEqualTo(sentIds.get(recipient));
      assertThat(m.getHeader("References", null))
          .isEqualTo(sentIds.get(recipient) + " " + getId(m));
    }
  }

  private static String getId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void remindNamesEachUnmatchedMessageSinceItMayBeAReplyFromAnAddressNoDelegationUses() {
    CliRun remind =
        CliRun.of("remind", REMINDER, "--campaign", dir.toString(), "--smtp", smtp(), "--dry-run");

    assertThat(remind.status()).as(remind.toString()).isZero();
    assertThat(remind.err())
        .as(remind.toString())
        .startsWith("Unmatched: someone@webmail.example wrote 'RE: x' (2012-03-24 ")
        .contains(
            "from an address no delegation uses; if it is a delegation's reply, that delegation is"
                + " reminded too: read it first, and say whose reply it is with 'circular replies"
                + " --assign \"<r4@x.example>=ID\"'.\n");
    assertThat(remind.err().lines()).hasSize(1);
  }

  @Test
  void noReminderLeavesBeforeAnyReplyHasBeenRead() throws Exception {
    Files.delete(dir.resolve("responses.csv"));

    CliRun run =
        CliRun.of("remind", REMINDER, "--campaign", dir.toString(), "--smtp", smtp(), "--yes");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            dir.resolve("responses.csv")
                + ": no replies have been read for this campaign yet; run 'circular replies' first");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(SentLog.read(dir.resolve("sent.csv")))
        .allMatch(r -> r.letter().equals("2012-03-22-nim-invitation"));
  }

  @Test
  void aDryRunOrATestBeforeAnyReplyHasBeenReadGoesOnSayingSoAndWritesToNoDelegation()
      throws Exception {
    Files.delete(dir.resolve("responses.csv"));
    String office = "office@nz-mission-geneva.example";

    CliRun dry =
        CliRun.of("remind", REMINDER, "--campaign", dir.toString(), "--smtp", smtp(), "--dry-run");
    CliRun test =
        CliRun.of(
            "remind",
            REMINDER,
            "--campaign",
            dir.toString(),
            "--smtp",
            smtp(),
            "--test-to",
            office,
            "--yes");

    for (CliRun run : List.of(dry, test)) {
      assertThat(run.status()).as(run.toString()).isZero();
      assertThat(run.err())
          .as(run.toString())
          .startsWith(
              "No replies have been read for this campaign yet: every delegation counts as"
                  + " awaited here. Run 'circular replies' before reminding the delegations.\n");
    }
    assertThat(greenMail.getReceivedMessages())
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(m.getAllRecipients())
                    .extracting(String::valueOf)
                    .containsExactly(office));
    assertThat(dir.resolve("responses.csv")).doesNotExist();
  }

  @Test
  void aReminderWithoutFollowsOrCampaignIsAnInputError() throws Exception {
    Path copy = dir.resolve("reminder");
    Files.createDirectories(copy);
    for (String f : List.of("letter.html", "letter_fr.properties", "letter_es.properties")) {
      Files.copy(Path.of(REMINDER, f), copy.resolve(f));
    }
    Files.writeString(
        copy.resolve("letter.properties"),
        Files.readString(Path.of(REMINDER, "letter.properties")).replaceAll("(?m)^follows.*$", ""));

    CliRun run = CliRun.of("remind", copy.toString(), "--smtp", smtp(), "--yes");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith(copy.resolve("letter.properties") + ": missing key 'follows'");
  }
}
