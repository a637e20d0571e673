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

  @Test
  void onlyAnUnmatchedResponseIsMatchedByNone() {
    assertThatThrownBy(() -> row("Hi", Kind.REPLY, MatchedBy.NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> row("Hi", Kind.UNMATCHED, MatchedBy.THREAD))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
