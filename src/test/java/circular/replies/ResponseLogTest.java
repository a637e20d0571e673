package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import circular.InputException;
import circular.replies.ResponseRow.Kind;
import circular.replies.ResponseRow.MatchedBy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseLogTest {
  @TempDir Path dir;

  private static ResponseRow row(String subject, Kind kind, MatchedBy by) {
    return new ResponseRow(
        Instant.parse("2012-03-23T09:14:32Z"),
        kind == Kind.UNMATCHED ? "" : "AUT",
        kind,
        "geneva@aut-mission.example",
        subject,
        "<8F2A@EXCH01.aut-mission.example>",
        by);
  }

  @Test
  void writesAHeaderThenOneQuotedRowPerMessage() throws IOException {
    Path file = dir.resolve("responses.csv");
    try (ResponseLog log = ResponseLog.open(file)) {
      log.append(
          row("RE: Intersessional Meetings, Geneva (Austria)", Kind.REPLY, MatchedBy.THREAD));
      log.append(row("Invitation", Kind.UNMATCHED, MatchedBy.NONE));
    }

    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(
            "received,recipient_id,kind,from,subject,message_id,matched_by,detail\n"
                + "2012-03-23T09:14:32Z,AUT,reply,geneva@aut-mission.example,\"RE: Intersessional Meetings, Geneva (Austria)\",<8F2A@EXCH01.aut-mission.example>,thread,\n"
                + "2012-03-23T09:14:32Z,,unmatched,geneva@aut-mission.example,Invitation,<8F2A@EXCH01.aut-mission.example>,none,\n");
  }

  @Test
  void readsBackWhatItWroteWithAStrangersFormulaMadeInert() {
    Path file = dir.resolve("responses.csv");
    try (ResponseLog log = ResponseLog.open(file)) {
      log.append(row("=HYPERLINK(\"http://evil.example\")", Kind.AUTO_REPLY, MatchedBy.ADDRESS));
    }

    assertThat(ResponseLog.read(file))
        .containsExactly(
            row("'=HYPERLINK(\"http://evil.example\")", Kind.AUTO_REPLY, MatchedBy.ADDRESS));
  }

  @Test
  void aFileThatDoesNotExistHasNoRows() {
    assertThat(ResponseLog.read(dir.resolve("responses.csv"))).isEmpty();
  }

  @Test
  void anUnknownKindIsAnInputErrorNamingTheLineAndColumn() throws IOException {
    Path file = dir.resolve("responses.csv");
    Files.writeString(
        file,
        "received,recipient_id,kind,from,subject,message_id,matched_by\n"
            + "2012-03-23T09:14:32Z,AUT,answer,a@x.example,Hi,<1@x.example>,thread\n");

    assertThatThrownBy(() -> ResponseLog.read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ":2: column 'kind': unknown value 'answer'");
  }

  @Test
  void aBounceKeepsWhatItSaidInTheDetailColumn() {
    Path file = dir.resolve("responses.csv");
    ResponseRow bounce =
        new ResponseRow(
            Instant.parse("2012-03-22T09:07:09Z"),
            "NZL",
            Kind.BOUNCE,
            "MAILER-DAEMON@mx.nzl-mission.example",
            "Undelivered Mail Returned to Sender",
            "<b1@mx.nzl-mission.example>",
            MatchedBy.THREAD,
            "geneva@nzl-mission.example 5.1.1 user unknown");
    try (ResponseLog log = ResponseLog.open(file)) {
      log.append(bounce);
    }

    assertThat(ResponseLog.read(file)).containsExactly(bounce);
  }

  private static final String WITHOUT_DETAIL =
      "received,recipient_id,kind,from,subject,message_id,matched_by\n"
          + "2012-03-23T09:14:32Z,AUT,reply,geneva@aut-mission.example,\"RE: Meetings, Geneva\",<r1@aut.example>,thread\n"
          + "2012-03-22T09:07:09Z,NZL,bounce,MAILER-DAEMON@mx.nzl-mission.example,Undelivered,<b1@nzl.example>,thread\n";

  @Test
  void aFileWrittenBeforeTheDetailColumnIsReadWithEmptyDetails() throws IOException {
    Path file = dir.resolve("responses.csv");
    Files.writeString(file, WITHOUT_DETAIL);

    assertThat(ResponseLog.read(file))
        .extracting(ResponseRow::recipientId, ResponseRow::detail)
        .containsExactly(tuple("AUT", ""), tuple("NZL", ""));
    assertThat(Files.readString(file)).as("reading changes nothing").isEqualTo(WITHOUT_DETAIL);
  }

  @Test
  void aFileWrittenBeforeTheDetailColumnIsWidenedWhenExtendedItsRowsKeptAsTheyWere()
      throws IOException {
    Path file = dir.resolve("responses.csv");
    Files.writeString(file, WITHOUT_DETAIL + "2012-03-24T09:10:12Z,URY,auto-re");

    try (ResponseLog log = ResponseLog.open(file)) {
      log.append(row("Automatic reply", Kind.AUTO_REPLY, MatchedBy.ADDRESS));
    }

    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(
            "received,recipient_id,kind,from,subject,message_id,matched_by,detail\n"
                + "2012-03-23T09:14:32Z,AUT,reply,geneva@aut-mission.example,\"RE: Meetings, Geneva\",<r1@aut.example>,thread,\n"
                + "2012-03-22T09:07:09Z,NZL,bounce,MAILER-DAEMON@mx.nzl-mission.example,Undelivered,<b1@nzl.example>,thread,\n"
                + "2012-03-23T09:14:32Z,AUT,auto-reply,geneva@aut-mission.example,Automatic reply,<8F2A@EXCH01.aut-mission.example>,address,\n");
    assertThat(dir.resolve("responses.csv.widened")).doesNotExist();
    assertThat(Files.list(dir)).as("no temporary file is left").containsExactly(file);
  }

  private static final String HEADER =
      "received,recipient_id,kind,from,subject,message_id,matched_by,detail\n";
  private static final String UNMATCHED =
      "2012-03-24T08:00:00Z,,unmatched,maria@webmail.example,RE: Invitation,<u1@webmail.example>,none,\n";
  private static final String REPLY =
      "2012-03-23T09:14:32Z,AUT,reply,geneva@aut-mission.example,RE: Invitation,<r1@aut.example>,thread,\n";
  private static final String HAND_ESP =
      "2012-03-24T08:00:00Z,ESP,reply,maria@webmail.example,RE: Invitation,<u1@WEBMAIL.example>,hand,assigned by hand on 2012-03-25T10:00:00Z\n";

  private static ResponseRow handRow(String id, String messageId) {
    return new ResponseRow(
        Instant.parse("2012-03-24T08:00:00Z"),
        id,
        Kind.REPLY,
        "maria@webmail.example",
        "RE: Invitation",
        messageId,
        MatchedBy.HAND,
        "assigned by hand on 2012-03-25T10:00:00Z");
  }

  @Test
  void aHandRowTakesTheUnmatchedRowsPlaceWhenTheLogIsRead() throws IOException {
    Path file = dir.resolve("responses.csv");
    Files.writeString(file, HEADER + UNMATCHED + REPLY + HAND_ESP);

    assertThat(ResponseLog.read(file))
        .extracting(ResponseRow::messageId, ResponseRow::recipientId, ResponseRow::kind)
        .containsExactly(
            tuple("<u1@WEBMAIL.example>", "ESP", Kind.REPLY),
            tuple("<r1@aut.example>", "AUT", Kind.REPLY));
    assertThat(ResponseLog.read(file).get(0)).isEqualTo(handRow("ESP", "<u1@WEBMAIL.example>"));
    assertThat(ResponseLog.asWritten(file)).hasSize(3);
  }

  @Test
  void aHandRowNeverSupersedesADelegationsOwnReplyNorARowAfterIt() throws IOException {
    Path file = dir.resolve("responses.csv");
    String handAut =
        "2012-03-23T09:14:32Z,CHL,reply,geneva@aut-mission.example,RE: Invitation,<r1@aut.example>,hand,x\n";
    String handBeforeItsMessage =
        "2012-03-26T08:00:00Z,NOR,reply,olav@webmail.example,RE: Invitation,<u2@webmail.example>,hand,x\n";
    String unmatchedAfter =
        "2012-03-26T08:00:00Z,,unmatched,olav@webmail.example,RE: Invitation,<u2@webmail.example>,none,\n";
    Files.writeString(
        file,
        HEADER + REPLY + UNMATCHED + handAut + HAND_ESP + handBeforeItsMessage + unmatchedAfter);

    assertThat(ResponseLog.read(file))
        .extracting(ResponseRow::messageId, ResponseRow::recipientId, ResponseRow::matchedBy)
        .containsExactly(
            tuple("<r1@aut.example>", "AUT", MatchedBy.THREAD),
            tuple("<u1@WEBMAIL.example>", "ESP", MatchedBy.HAND),
            tuple("<u2@webmail.example>", "", MatchedBy.NONE));
  }

  @Test
  void aLaterHandRowCorrectsAnEarlierAssignment() throws IOException {
    Path file = dir.resolve("responses.csv");
    String handFra =
        "2012-03-24T08:00:00Z,FRA,reply,maria@webmail.example,RE: Invitation,<u1@webmail.example>,hand,x\n";
    Files.writeString(file, HEADER + UNMATCHED + REPLY + HAND_ESP + handFra);

    assertThat(ResponseLog.read(file))
        .extracting(ResponseRow::messageId, ResponseRow::recipientId, ResponseRow::matchedBy)
        .containsExactly(
            tuple("<u1@webmail.example>", "FRA", MatchedBy.HAND),
            tuple("<r1@aut.example>", "AUT", MatchedBy.THREAD));
  }

  @Test
  void aFileWithoutHandRowsReadsAsWritten() throws IOException {
    Path file = dir.resolve("responses.csv");
    Files.writeString(file, WITHOUT_DETAIL + UNMATCHED.replace(",none,\n", ",none\n"));

    assertThat(ResponseLog.read(file)).isEqualTo(ResponseLog.asWritten(file)).hasSize(3);
  }

  @Test
  void aHandRowTornByAKilledProcessIsNotReadEvenWhenItsCellsAreAllThere() throws IOException {
    Path file = dir.resolve("responses.csv");
    Files.writeString(file, HEADER + UNMATCHED + HAND_ESP.substring(0, HAND_ESP.length() - 5));

    assertThat(ResponseLog.read(file))
        .extracting(ResponseRow::kind, ResponseRow::matchedBy)
        .containsExactly(tuple(Kind.UNMATCHED, MatchedBy.NONE));
    try (ResponseLog log = ResponseLog.open(file)) {
      log.append(handRow("ESP", "<u1@webmail.example>"));
    }
    assertThat(ResponseLog.read(file))
        .extracting(ResponseRow::recipientId, ResponseRow::matchedBy)
        .containsExactly(tuple("ESP", MatchedBy.HAND));
    assertThat(ResponseLog.asWritten(file)).hasSize(2);
  }

  @Test
  void onlyADelegationsReplyIsAssignedByHand() {
    assertThatThrownBy(() -> handRow("", "<u1@webmail.example>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> row("Hi", Kind.AUTO_REPLY, MatchedBy.HAND))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyAnUnmatchedResponseIsMatchedByNone() {
    assertThatThrownBy(() -> row("Hi", Kind.REPLY, MatchedBy.NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> row("Hi", Kind.UNMATCHED, MatchedBy.THREAD))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
