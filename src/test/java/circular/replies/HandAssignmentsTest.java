package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import circular.InputException;
import circular.Problem;
import circular.campaign.Campaign;
import circular.recipients.RecipientList;
import circular.recipients.RecipientReader;
import circular.replies.ResponseRow.Kind;
import circular.replies.ResponseRow.MatchedBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandAssignmentsTest {
  private static final Instant NOW = Instant.parse("2012-03-25T10:00:00.123Z");
  private static final String LOG =
      "received,recipient_id,kind,from,subject,message_id,matched_by,detail\n"
          + "2012-03-23T09:14:32Z,AUT,reply,geneva@aut-mission.example,RE: Invitation,<r1@aut.example>,thread,\n"
          + "2012-03-23T11:00:00Z,FRA,auto-reply,geneve@fra-mission.example,Absence,<a1@fra.example>,address,\n"
          + "2012-03-23T12:00:00Z,MEX,bounce,mailer-daemon@mex.example,Undeliverable,<b1@mex.example>,thread,x\n"
          + "2012-03-24T08:00:00Z,,unmatched,maria@webmail.example,RE: Invitation,<CAJ=u1@webmail.example>,none,\n"
          + "2012-03-24T09:00:00Z,,unmatched,olav@webmail.example,RE: Invitation,<u2@webmail.example>,none,\n";

  @TempDir Path dir;
  private Campaign campaign;
  private RecipientList list;

  @BeforeEach
  void aCampaignWithTwoUnmatchedMessages() throws IOException {
    Path csv = dir.resolve("states.csv");
    Files.writeString(
        csv,
        "id,email,country\n"
            + "AUT,geneva@aut-mission.example,Austria\n"
            + "ESP,ginebra@esp-mission.example,Spain\n"
            + "FRA,geneve@fra-mission.example,France\n"
            + "MEX,mision@mex-mission.example,Mexico\n"
            + "NOR,geneve@nor-mission.example,Norway\n");
    list = new RecipientReader().read(csv);
    campaign = new Campaign(dir.resolve("campaign"));
    Files.createDirectories(campaign.folder());
    Files.writeString(campaign.responses(), LOG);
  }

  private List<HandAssignments.Outcome> assign(String... typed) {
    return HandAssignments.record(campaign, list, List.of(typed), NOW);
  }

  @Test
  void anUnmatchedMessageBecomesTheDelegationsReplyByOneRowAppended() throws IOException {
    List<HandAssignments.Outcome> done = assign("CAJ=u1@webmail.example=esp");

    assertThat(done)
        .extracting(HandAssignments.Outcome::line)
        .containsExactly(
            "Assigned <CAJ=u1@webmail.example> (maria@webmail.example, 'RE: Invitation') to ESP:"
                + " counted as its reply.");
    assertThat(Files.readString(campaign.responses()))
        .isEqualTo(
            LOG
                + "2012-03-24T08:00:00Z,ESP,reply,maria@webmail.example,RE: Invitation,"
                + "<CAJ=u1@webmail.example>,hand,assigned by hand on 2012-03-25T10:00:00Z\n");
    assertThat(ResponseLog.read(campaign.responses()))
        .filteredOn(r -> r.matchedBy() == MatchedBy.HAND)
        .singleElement()
        .extracting(ResponseRow::recipientId, ResponseRow::kind)
        .containsExactly("ESP", Kind.REPLY);
  }

  @Test
  void assigningAgainChangesNothingAndSaysSo() throws IOException {
    assign("<CAJ=u1@webmail.example>=ESP");
    String once = Files.readString(campaign.responses());

    List<HandAssignments.Outcome> again = assign("<CAJ=u1@webmail.example>=ESP");

    assertThat(again)
        .extracting(HandAssignments.Outcome::line)
        .containsExactly(
            "Already assigned: <CAJ=u1@webmail.example> (maria@webmail.example, 'RE: Invitation')"
                + " is ESP's reply; nothing changed.");
    assertThat(Files.readString(campaign.responses())).isEqualTo(once);
  }

  @Test
  void everyWrongAssignmentIsNamedOnItsOwnLineAndNothingIsWritten() throws IOException {
    InputException refused =
        catchThrowableOfType(
            () ->
                assign(
                    "<u2@webmail.example>=NOR",
                    "<CAJ=u1@webmail.example>=ESQ",
                    "<u3@webmail.example>=ESP",
                    "<r1@aut.example>=ESP",
                    "<a1@fra.example>=FRA",
                    "<b1@mex.example>=MEX",
                    "ESP",
                    "<u2@webmail.example>=ESP"),
            InputException.class);

    assertThat(refused.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "--assign '<CAJ=u1@webmail.example>=ESQ': no delegation with id 'ESQ' in "
                + dir.resolve("states.csv")
                + "; did you mean 'ESP'?",
            "--assign '<u3@webmail.example>=ESP': no message <u3@webmail.example> in "
                + campaign.responses()
                + "; did you mean '<u2@webmail.example>'? (its unmatched messages:"
                + " <CAJ=u1@webmail.example>, <u2@webmail.example>)",
            "--assign '<r1@aut.example>=ESP': is AUT's own reply (matched by thread); only an"
                + " unmatched message can be assigned",
            "--assign '<a1@fra.example>=FRA': is FRA's automatic reply, not a reply; only an"
                + " unmatched message can be assigned",
            "--assign '<b1@mex.example>=MEX': is a bounce, not a reply; only an unmatched message"
                + " can be assigned",
            "--assign 'ESP': expected MESSAGE_ID=ID, the Message-ID as responses.csv shows it and"
                + " the delegation's id, e.g. --assign '<4f2a@webmail.example>=ESP'",
            "--assign '<u2@webmail.example>=ESP': the message is assigned to NOR too: give one");
    assertThat(Files.readString(campaign.responses())).isEqualTo(LOG);
  }

  @Test
  void aMistakenAssignmentIsCorrectedWithTheSameCommandNeverByEditingTheLog() throws IOException {
    assign("<u2@webmail.example>=NOR");
    String once = Files.readString(campaign.responses());

    List<HandAssignments.Outcome> corrected = assign("<u2@webmail.example>=ESP");

    assertThat(corrected)
        .extracting(HandAssignments.Outcome::line)
        .containsExactly(
            "Reassigned <u2@webmail.example> (olav@webmail.example, 'RE: Invitation') from NOR to"
                + " ESP: counted as ESP's reply, no longer NOR's.");
    assertThat(Files.readString(campaign.responses()))
        .startsWith(once)
        .endsWith(
            "2012-03-24T09:00:00Z,ESP,reply,olav@webmail.example,RE: Invitation,"
                + "<u2@webmail.example>,hand,assigned by hand on 2012-03-25T10:00:00Z\n");
    assertThat(ResponseLog.read(campaign.responses()))
        .filteredOn(r -> r.messageId().equals("<u2@webmail.example>"))
        .singleElement()
        .extracting(ResponseRow::recipientId, ResponseRow::matchedBy)
        .containsExactly("ESP", MatchedBy.HAND);
  }

  @Test
  void aCampaignWhoseRepliesWereNeverReadIsToldToReadThemFirst() throws IOException {
    Files.delete(campaign.responses());

    InputException refused =
        catchThrowableOfType(() -> assign("<u2@webmail.example>=ESP"), InputException.class);

    assertThat(refused.problems())
        .extracting(Problem::what)
        .containsExactly(
            campaign.responses()
                + " has no messages yet; run 'circular replies' first to read the mailboxes");
    assertThat(campaign.responses()).doesNotExist();
  }
}
