package circular.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentLogTest {
  @TempDir Path dir;

  private static SentRow row(String id, Status status, String detail) {
    return new SentRow(
        Instant.parse("2012-03-22T09:00:00Z"),
        "invitation",
        id,
        id.toLowerCase() + "@x.example",
        "<" + id + "@m.example>",
        status,
        detail);
  }

  @Test
  void writesAHeaderThenOneQuotedRowPerEvent() throws IOException {
    Path file = dir.resolve("sent.csv");
    try (SentLog log = SentLog.open(file)) {
      log.appendDurably(row("AUT", Status.SENDING, ""));
      log.append(row("AUT", Status.SENT, "250 2.0.0 Ok, queued as \"A1\""));
    }

    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(
            "time,letter,recipient_id,email,message_id,status,detail\n"
                + "2012-03-22T09:00:00Z,invitation,AUT,aut@x.example,<AUT@m.example>,sending,\n"
                + "2012-03-22T09:00:00Z,invitation,AUT,aut@x.example,<AUT@m.example>,sent,\"250 2.0.0 Ok, queued as \"\"A1\"\"\"\n");
  }

  @Test
  void cellsASpreadsheetWouldRunAsFormulasAreMadeInert() throws IOException {
    Path file = dir.resolve("sent.csv");
    try (SentLog log = SentLog.open(file)) {
      log.append(row("AUT", Status.FAILED, "=HYPERLINK(\"http://evil.example\")\r\nsecond line"));
    }

    assertThat(SentLog.read(file).get(0).detail())
        .isEqualTo("'=HYPERLINK(\"http://evil.example\")  second line");
  }

  @Test
  void readsBackWhatItWroteAndKeepsTheLastRowPerRecipientIgnoringTests() {
    Path file = dir.resolve("sent.csv");
    try (SentLog log = SentLog.open(file)) {
      log.append(row("AUT", Status.SENDING, ""));
      log.append(row("AUT", Status.DEFERRED, "451 try later"));
      log.append(row("FRA", Status.SENDING, ""));
      log.append(row("FRA", Status.SENT, "250 ok"));
      log.append(row("FRA", Status.TEST, "sent to test@x.example"));
    }

    List<SentRow> rows = SentLog.read(file);
    Map<String, SentRow> latest = SentLog.latest(rows, "invitation");

    assertThat(rows).hasSize(5);
    assertThat(latest.get("aut").status()).isEqualTo(Status.DEFERRED);
    assertThat(latest.get("fra").status()).isEqualTo(Status.SENT);
    assertThat(SentLog.latest(rows, "reminder")).isEmpty();
  }

  @Test
  void aRowTornByAKilledProcessIsCutOffAndTheLogGoesOn() throws IOException {
    Path file = dir.resolve("sent.csv");
    try (SentLog log = SentLog.open(file)) {
      log.append(row("AUT", Status.SENDING, ""));
    }
    Files.writeString(
        file,
        "2012-03-22T09:00:01Z,invitation,AUT,aut@x.example,<AUT@m.ex",
        StandardOpenOption.APPEND);

    try (SentLog log = SentLog.open(file)) {
      log.append(row("FRA", Status.SENDING, ""));
    }

    assertThat(SentLog.read(file))
        .extracting(SentRow::recipientId, SentRow::status)
        .containsExactly(Tuple.tuple("AUT", Status.SENDING), Tuple.tuple("FRA", Status.SENDING));
  }

  @Test
  void aMissingLogHasNoRows() {
    assertThat(SentLog.read(dir.resolve("none.csv"))).isEmpty();
  }
}
