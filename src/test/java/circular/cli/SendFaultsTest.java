package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.campaign.Status;
import circular.mail.FakeSmtpServer;
import circular.mail.FakeSmtpServer.Reaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One bad recipient never stops the others: each server answer ends in its own status. */
@Timeout(60)
class SendFaultsTest {
  private static final String LETTER = "letter-templates/2012-03-22-nim-invitation";

  @TempDir Path dir;

  /** {@code send} of the sample letter to {@code list}, through {@code smtp}, confirmed. */
  private static CliRun send(Path list, Path campaign, String smtp, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "send",
                LETTER,
                list.toString(),
                "--campaign",
                campaign.toString(),
                "--smtp",
                smtp,
                "--yes"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private Path list() throws Exception {
    Path list = dir.resolve("list.csv");
    Files.writeString(
        list,
        "id,country,title,name,mission,salutation,language,email\n"
            + "AUT,Austria,H.E. Mr.,A,Mission,\"Excellency,\",en,a@aut.example\n"
            + "BEL,Belgium,S.E. M.,B,Mission,\"Excellence,\",fr,b@bel.example\n"
            + "CHL,Chile,Excmo. Sr.,C,Misión,\"Excelentísimo Señor:\",es,c@chl.example\n"
            + "DNK,Denmark,H.E. Ms.,D,Mission,\"Excellency,\",en,d@dnk.example\n");
    return list;
  }

  @Test
  void aLetterSomeOfWhoseAddressesAreRefusedIsSentOnlyInPartAndSaysSo() throws Exception {
    Path campaign = dir.resolve("campaign");
    Path list = dir.resolve("two.csv");
    Files.writeString(
        list,
        "id,country,title,name,mission,salutation,language,email\n"
            + "AUT,Austria,H.E. Mr.,A,Mission,\"Excellency,\",en,old@aut.example;a@aut.example\n"
            + "DNK,Denmark,H.E. Ms.,D,Mission,\"Excellency,\",en,d@dnk.example\n");
    try (FakeSmtpServer server =
        FakeSmtpServer.start(
            c ->
                c.is("RCPT", "old@aut.example")
                    ? Reaction.reply("550 5.1.1 <old@aut.example>: mailbox unknown")
                    : Reaction.normal())) {
      CliRun run = send(list, campaign, server.url());

      assertThat(run.status()).as(run.toString()).isEqualTo(1);
      assertThat(run.out())
          .startsWith("Sent 2 (1 only in part), deferred 0, failed 0, in doubt 0 (through");
      assertThat(run.err())
          .contains(
              "Sent only in part AUT: not confirmed for old@aut.example; its other addresses have it (")
          .contains("550 5.1.1")
          .contains("Check the address with the delegation.");
      assertThat(
              SentLog.latest(
                      SentLog.read(campaign.resolve("sent.csv")), "2012-03-22-nim-invitation")
                  .values())
          .extracting(SentRow::recipientId, SentRow::status)
          .containsExactlyInAnyOrder(tuple("AUT", Status.SENT), tuple("DNK", Status.SENT));
      assertThat(server.count(".")).isEqualTo(2);
    }
  }

  @Test
  void rejectedAndBrokenLettersGetTheirOwnStatusAndTheRunGoesOn() throws Exception {
    Path campaign = dir.resolve("campaign");
    try (FakeSmtpServer server =
        FakeSmtpServer.start(
            c -> {
              if (c.is("RCPT", "b@bel.example")) {
                return Reaction.reply("550 5.1.1 <b@bel.example>: mailbox unknown");
              }
              if (c.is(".") && c.connection() == 1 && c.seen() == 2) {
                return Reaction.close(); // the second letter's data went out, then the line dropped
              }
              return Reaction.normal();
            })) {
      CliRun run = send(list(), campaign, server.url());

      assertThat(run.status()).as(run.toString()).isEqualTo(1);
      assertThat(run.out())
          .startsWith("Sent 2, deferred 0, failed 1, in doubt 1 (through 127.0.0.1:");
      assertThat(run.err())
          .contains("failed BEL: ")
          .contains("550 5.1.1")
          .contains("in-doubt CHL: ");
      assertThat(
              SentLog.latest(
                      SentLog.read(campaign.resolve("sent.csv")), "2012-03-22-nim-invitation")
                  .values())
          .extracting(SentRow::recipientId, SentRow::status)
          .containsExactlyInAnyOrder(
              tuple("AUT", Status.SENT),
              tuple("BEL", Status.FAILED),
              tuple("CHL", Status.IN_DOUBT),
              tuple("DNK", Status.SENT));
      assertThat(server.count(".")).isEqualTo(3);
    }

    try (FakeSmtpServer again = FakeSmtpServer.start(c -> Reaction.normal())) {
      CliRun rerun = send(list(), campaign, again.url());

      assertThat(rerun.status()).as(rerun.toString()).isEqualTo(1);
      assertThat(rerun.out())
          .isEqualTo("Nothing to send: 2 already sent, 1 failed before, 1 in doubt.\n");
      assertThat(rerun.err())
          .contains("In doubt: CHL (<")
          .contains("to send it again: --resend-in-doubt CHL")
          .contains("Failed before, not retried: BEL");
      assertThat(again.count(".")).isZero();

      CliRun resend =
          send(list(), campaign, again.url(), "--resend-in-doubt", "CHL", "--retry-failed");

      assertThat(resend.status()).as(resend.toString()).isZero();
      assertThat(resend.out()).startsWith("Sent 2, deferred 0, failed 0, in doubt 0");
      assertThat(again.count(".")).isEqualTo(2);
    }
    var rows = SentLog.read(campaign.resolve("sent.csv"));
    var chl =
        rows.stream()
            .filter(r -> r.recipientId().equals("CHL"))
            .map(SentRow::messageId)
            .distinct()
            .toList();
    assertThat(chl).as("a letter sent again keeps its Message-ID").hasSize(1);
  }

  @Test
  void resendInDoubtRefusesIdsThatAreNotInDoubtOrNotInTheListNamingThemAsTyped() throws Exception {
    try (FakeSmtpServer server = FakeSmtpServer.start(c -> Reaction.normal())) {
      CliRun run = send(list(), dir.resolve("c"), server.url(), "--resend-in-doubt", "AUT,XYZ");

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "--resend-in-doubt: 'AUT' is not in doubt; only letters in doubt can be named here\n"
                  + "--resend-in-doubt: no recipient with id 'XYZ' in "
                  + list()
                  + "\n2 problems; nothing was sent.\n");
      assertThat(server.count(".")).isZero();
    }
  }

  @Test
  void aRefusedLoginStopsTheRunBeforeAnyLetter() throws Exception {
    try (FakeSmtpServer server =
        FakeSmtpServer.start(
            c ->
                c.is("CONNECT")
                    ? Reaction.reply("554 5.7.1 no service for you")
                    : Reaction.normal())) {
      CliRun run = send(list(), dir.resolve("c"), server.url());

      assertThat(run.status()).as(run.toString()).isEqualTo(1);
      assertThat(run.err()).contains("Stopped: ");
      assertThat(run.out()).startsWith("Sent 0, deferred 0, failed 0, in doubt 0");
      assertThat(server.count("MAIL")).isZero();
      assertThat(SentLog.read(dir.resolve("c/sent.csv"))).isEmpty();
    }
  }
}
