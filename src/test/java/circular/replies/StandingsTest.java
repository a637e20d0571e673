package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.SentRow;
import circular.campaign.Status;
import circular.recipients.Recipient;
import circular.replies.ResponseRow.Kind;
import circular.replies.ResponseRow.MatchedBy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandingsTest {
  private static final String LETTER = "invitation";
  private static final List<Recipient> LIST =
      List.of(
          recipient("AUT", 2),
          recipient("BEL", 3),
          recipient("CHL", 4),
          recipient("DNK", 5),
          recipient("ECU", 6));

  private static Recipient recipient(String id, int line) {
    return new Recipient(
        id, List.of(id.toLowerCase() + "@x.example"), List.of(), List.of(), Map.of("id", id), line);
  }

  private static SentRow sent(String letter, String id, Status status) {
    return new SentRow(
        Instant.parse("2012-03-22T09:00:00Z"),
        letter,
        id,
        id.toLowerCase() + "@x.example",
        "<" + id + "@m.example>",
        status,
        "");
  }

  private static ResponseRow response(String id, Kind kind, String at) {
    MatchedBy by = kind == Kind.UNMATCHED ? MatchedBy.NONE : MatchedBy.THREAD;
    return new ResponseRow(
        Instant.parse(at),
        id,
        kind,
        "someone@x.example",
        "RE: Invitation",
        "<" + id + kind + at + "@x.example>",
        by);
  }

  /**
   * AUT replied (after an out-of-office), BEL is away, CHL bounced, DNK is awaited, ECU was never
   * sent the letter.
   */
  private static final Standings STANDINGS =
      Standings.of(
          LIST,
          LETTER,
          List.of(
              sent(LETTER, "AUT", Status.SENDING),
              sent(LETTER, "AUT", Status.SENT),
              sent(LETTER, "BEL", Status.SENT),
              sent(LETTER, "CHL", Status.SENT),
              sent(LETTER, "DNK", Status.SENT),
              sent("reminder", "DNK", Status.SENT),
              sent(LETTER, "ECU", Status.FAILED),
              sent(LETTER, "ECU", Status.TEST)),
          List.of(
              response("AUT", Kind.AUTO_REPLY, "2012-03-22T10:00:00Z"),
              response("AUT", Kind.REPLY, "2012-03-24T10:00:00Z"),
              response("aut", Kind.REPLY, "2012-03-23T10:00:00Z"),
              response("BEL", Kind.AUTO_REPLY, "2012-03-22T11:00:00Z"),
              response("CHL", Kind.BOUNCE, "2012-03-22T09:05:00Z"),
              response("", Kind.UNMATCHED, "2012-03-25T10:00:00Z")));

  @Test
  void everyDelegationStandsInListOrderWithItsFirstReplyAndLastRows() {
    Standing austria = STANDINGS.all().get(0);

    assertThat(STANDINGS.all())
        .extracting(s -> s.recipient().id())
        .containsExactly("AUT", "BEL", "CHL", "DNK", "ECU");
    assertThat(austria.letter().map(SentRow::status)).contains(Status.SENT);
    assertThat(austria.reply().map(ResponseRow::received))
        .contains(Instant.parse("2012-03-23T10:00:00Z"));
    assertThat(STANDINGS.all().get(3).followUp().map(SentRow::letter)).contains("reminder");
    assertThat(STANDINGS.all().get(4).letter().map(SentRow::status))
        .as("a test row is never the letter's state")
        .contains(Status.FAILED);
  }

  @Test
  void onlyAReplyIsAnAnswer() {
    assertThat(STANDINGS.awaiting())
        .extracting(s -> s.recipient().id())
        .containsExactly("BEL", "CHL", "DNK");
  }

  @Test
  void aReminderGoesToThoseSentTheLetterWithNoReplyAndNoBounce() {
    assertThat(STANDINGS.toRemind()).extracting(Recipient::id).containsExactly("BEL", "DNK");
    assertThat(STANDINGS.reminders())
        .isEqualTo("2 of 5 delegations to remind (1 replied, 1 bounced, 1 not sent the letter).");
  }

  @Test
  void theTotalsCountTheAwaitedAwayAndBouncedAndTheUnmatchedToLookAt() {
    assertThat(STANDINGS.totals())
        .isEqualTo(
            "5 delegations: 4 sent, 1 replied, 3 awaiting (of whom 1 sent an automatic reply, 1 bounced);"
                + " 1 failed;\n1 unmatched message to look at in responses.csv.");
    assertThat(Standings.of(LIST, LETTER, List.of(), List.of()).totals())
        .isEqualTo(
            "5 delegations: 0 sent, 0 replied, 0 awaiting (of whom 0 sent an automatic reply, 0 bounced);"
                + " 5 not sent yet.");
  }

  /**
   * A run killed mid-way: AUT and BEL sent, CHL cut off mid-transaction, DNK deferred, ECU never
   * tried.
   */
  private static final Standings CUT_OFF =
      Standings.of(
          LIST,
          LETTER,
          List.of(
              sent(LETTER, "AUT", Status.SENDING),
              sent(LETTER, "AUT", Status.SENT),
              sent(LETTER, "BEL", Status.SENDING),
              sent(LETTER, "BEL", Status.SENT),
              sent(LETTER, "DNK", Status.SENDING),
              sent(LETTER, "DNK", Status.DEFERRED),
              sent(LETTER, "CHL", Status.SENDING)),
          List.of());

  @Test
  void aSendingRowWithNothingAfterItIsInDoubtAndNotSent() {
    Standing chile = CUT_OFF.all().get(2);

    assertThat(chile.letterStatus()).contains(Status.IN_DOUBT);
    assertThat(chile.inDoubt()).isTrue();
    assertThat(chile.sent()).isFalse();
    assertThat(CUT_OFF.inDoubt()).extracting(s -> s.recipient().id()).containsExactly("CHL");
    assertThat(CUT_OFF.awaiting())
        .extracting(s -> s.recipient().id())
        .containsExactly("AUT", "BEL");
  }

  @Test
  void theTotalsAccountForEveryDelegationOfTheList() {
    assertThat(CUT_OFF.totals())
        .isEqualTo(
            "5 delegations: 2 sent, 0 replied, 2 awaiting (of whom 0 sent an automatic reply, 0 bounced);"
                + " 1 in doubt, 1 deferred, 1 not sent yet.");
  }
}
