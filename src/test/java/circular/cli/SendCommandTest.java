package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.CampaignLock;
import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.campaign.Status;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code circular send} in this JVM, through GreenMail's SMTP server on loopback. */
class SendCommandTest {
  private static final String LETTER = "letter-templates/2012-03-22-nim-invitation";
  private static final String LIST = "recipients/ccm-states-parties-2012.csv";

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;

  private String smtp() {
    return "smtp://127.0.0.1:" + greenMail.getSmtp().getPort();
  }

  private CliRun send(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("send", LETTER, LIST, "--campaign", dir.toString(), "--smtp", smtp()));
    args.addAll(Arrays.asList(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  /**
   * Distinct letters received (GreenMail keeps a copy per recipient address), by first To address.
   */
  private static Map<String, Long> receivedByAddress() throws Exception {
    return letters().stream()
        .map(SendCommandTest::firstTo)
        .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
  }

  private static List<MimeMessage> letters() {
    Map<String, MimeMessage> byId = new LinkedHashMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      try {
        byId.putIfAbsent(m.getMessageID(), m);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return List.copyOf(byId.values());
  }

  private static String firstTo(MimeMessage m) {
    try {
      return ((InternetAddress) m.getRecipients(RecipientType.TO)[0]).getAddress();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void sendsEveryDelegationOneLetterAndARerunSendsNothing() throws Exception {
    CliRun first = send("--yes");
    CliRun second = send("--yes");

    assertThat(first.status()).as(first.toString()).isZero();
    assertThat(first.out())
        .startsWith("Sent 70, deferred 0, failed 0, in doubt 0 (through 127.0.0.1:");
    List<SentRow> rows = SentLog.read(dir.resolve("sent.csv"));
    assertThat(rows).hasSize(140);
    assertThat(rows.stream().filter(r -> r.status() == Status.SENT)).hasSize(70);
    assertThat(second.status()).as(second.toString()).isZero();
    assertThat(second.out())
        .isEqualTo("Nothing to send: 70 already sent, 0 failed before, 0 in doubt.\n");
    Map<String, Long> received = receivedByAddress();
    assertThat(received)
        .hasSize(70)
        .allSatisfy((address, count) -> assertThat(count).isEqualTo(1L));
    assertThat(Files.list(dir.resolve("letters/2012-03-22-nim-invitation"))).hasSize(70);
  }

  @Test
  void theLoggedMessageIdIsTheOneThatArrivesAndTheCopyIsWhatWasSent() throws Exception {
    CliRun run = send("--yes", "--only", "CIV");

    assertThat(run.status()).as(run.toString()).isZero();
    SentRow sent = SentLog.read(dir.resolve("sent.csv")).get(1);
    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getMessageID()).isEqualTo(sent.messageId());
    assertThat(sent.email()).isEqualTo("mission@civ-mission.example");
    assertThat(received.getSubject())
        .isEqualTo(
            "Convention sur les armes à sous-munitions : mesures nationales d'application – réunion intersessions, Genève, 16–19 avril 2012 (Côte d'Ivoire)");
    String copy =
        Files.readString(
            dir.resolve("letters/2012-03-22-nim-invitation/CIV.eml"), StandardCharsets.US_ASCII);
    assertThat(copy).contains("Message-ID: " + sent.messageId());
  }

  @Test
  void eachLetterGoesWithItsPdfAndTheCampaignCopyKeepsIt() throws Exception {
    CliRun run = send("--yes", "--only", "CIV");

    assertThat(run.status()).as(run.toString()).isZero();
    Multipart received = (Multipart) greenMail.getReceivedMessages()[0].getContent();
    Part pdf = received.getBodyPart(received.getCount() - 1);
    assertThat(pdf.getFileName()).isEqualTo("2012-03-22-nim-invitation-CIV.pdf");
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    assertThat(new String(pdf.getInputStream().readNBytes(5), StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    MimeMessage copy =
        new MimeMessage(
            null,
            new ByteArrayInputStream(
                Files.readAllBytes(dir.resolve("letters/2012-03-22-nim-invitation/CIV.eml"))));
    Part kept = ((Multipart) copy.getContent()).getBodyPart(1);
    assertThat(kept.getFileName()).isEqualTo("2012-03-22-nim-invitation-CIV.pdf");
    assertThat(kept.getInputStream().readAllBytes()).isEqualTo(pdf.getInputStream().readAllBytes());
  }

  @Test
  void dryRunConnectsToNothingAndWritesNothing() {
    CliRun run = send("--dry-run", "--limit", "5");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "Would send 5 letters through 127.0.0.1:"
                + greenMail.getSmtp().getPort()
                + "; 0 already sent, 0 failed before, 0 in doubt.\n");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(dir.resolve("sent.csv")).doesNotExist();
  }

  @Test
  void aTestDryRunAfterRealLettersDoesNotClaimNoneWasSent() {
    assertThat(send("--yes", "--only", "AUT").status()).isZero();

    CliRun run =
        send("--dry-run", "--test-to", "office@mission-coordinator.example", "--only", "AUT,FRA");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "Would send 2 test letters to office@mission-coordinator.example through 127.0.0.1:"
                + greenMail.getSmtp().getPort()
                + "; a test goes to every delegation chosen, whether its letter was sent or not.\n");
  }

  @Test
  void testToSendsEveryLetterToOneAddressMarkedAndNeverCountsAsSent() throws Exception {
    CliRun test =
        send("--yes", "--test-to", "office@mission-coordinator.example", "--only", "AUT,FRA");
    CliRun real = send("--yes", "--only", "AUT,FRA");

    assertThat(test.status()).as(test.toString()).isZero();
    assertThat(real.status()).as(real.toString()).isZero();
    List<MimeMessage> received = letters();
    assertThat(received).hasSize(4);
    assertThat(received.stream().limit(2).map(SendCommandTest::firstTo))
        .containsOnly("office@mission-coordinator.example");
    assertThat(received.get(0).getSubject())
        .startsWith("[TEST AUT] Convention on Cluster Munitions: national implementation measures");
    assertThat(received.get(0).getRecipients(RecipientType.CC)).isNull();
    assertThat(SentLog.read(dir.resolve("sent.csv")))
        .extracting(SentRow::status)
        .containsExactly(
            Status.TEST, Status.TEST, Status.SENDING, Status.SENT, Status.SENDING, Status.SENT);
  }

  @Test
  void withoutATerminalOrYesARealServerIsRefusedAndNothingSent() {
    CliRun run = send();

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("not on a terminal, so cannot ask before sending through 127.0.0.1:")
        .contains("add --yes");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void headerInjectionThroughAnyColumnAddsNoHeader() throws Exception {
    Path list = dir.resolve("evil.csv");
    Files.writeString(
        list,
        "id,country,title,name,mission,salutation,language,email,cc\n"
            + "EVL,\"Evil\r\nBcc: victim@evil.example\",\"H.E.\nX-Injected: 1\",\"Name\r\n\r\n<html>\",Mission,\"Hi,\",en,a@evil.example,\n");

    CliRun run =
        CliRun.of(
            "send",
            LETTER,
            list.toString(),
            "--campaign",
            dir.resolve("c").toString(),
            "--smtp",
            smtp(),
            "--yes");

    assertThat(run.status()).as(run.toString()).isZero();
    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getHeader("X-Injected")).isNull();
    assertThat(received.getHeader("Bcc")).isNull();
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(received.getSubject()).endsWith("(Evil Bcc: victim@evil.example)");
  }

  @Test
  void aSecondRunOnTheSameCampaignRefusesToStart() throws Exception {
    try (var lock = CampaignLock.acquire(dir)) {
      CliRun run = send("--yes");

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).startsWith(dir + ": another circular is sending this campaign (pid ");
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aTrustFileForTheSandboxIsRefusedRatherThanIgnored() {
    CliRun run =
        CliRun.of(
            "send",
            LETTER,
            LIST,
            "--campaign",
            dir.toString(),
            "--smtp-trust",
            "nope.pem",
            "--yes");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "--smtp-trust: is for a server named with --smtp smtps://… or smtp://…; letters would go"
                + " to the sandbox, which needs none\n1 problem; nothing was sent.\n");
    assertThat(dir.resolve("sent.csv")).doesNotExist();
  }

  @Test
  void badOptionsAreInputErrors() {
    CliRun run = send("--connections", "0", "--test-to", "nobody", "--yes");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "--connections: 0 is out of range; use 1 to 32\n--test-to: 'nobody' is not an email address\n2 problems; nothing was sent.\n");
  }

  @Test
  void aNumberOptionGivenWordsSaysANumberIsWantedInOneLine() {
    CliRun rate = send("--rate", "abc", "--dry-run");
    CliRun connections = send("--connections", "four", "--dry-run");

    assertThat(rate.status()).isEqualTo(2);
    assertThat(rate.err()).isEqualTo("circular: --rate: 'abc' is not a number\n");
    assertThat(connections.status()).isEqualTo(2);
    assertThat(connections.err())
        .isEqualTo("circular: --connections: 'four' is not a whole number\n");
  }

  @Test
  void aLetterEditedSinceSomeOfItsLettersWentIsSaidBeforeTheRestGo() throws Exception {
    Path letter = dir.resolve("letter");
    try (var files = Files.walk(Path.of(LETTER))) {
      for (Path f : files.toList()) {
        Path to = letter.resolve(Path.of(LETTER).relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Path campaign = dir.resolve("campaign");
    String[] first = {"send", letter.toString(), LIST, "--campaign", campaign.toString(), "--yes"};
    CliRun two = CliRun.of(with(first, "--smtp", smtp(), "--only", "AUT,FRA"));
    CliRun unchanged =
        CliRun.of(with(first, "--smtp", smtp(), "--only", "AUT,FRA,BEL", "--dry-run"));
    Files.writeString(
        letter.resolve("letter.properties"),
        "\nclosing.extra = edited\n",
        StandardOpenOption.APPEND);

    CliRun dry = CliRun.of(with(first, "--smtp", smtp(), "--only", "AUT,FRA,BEL", "--dry-run"));
    CliRun third = CliRun.of(with(first, "--smtp", smtp(), "--only", "AUT,FRA,BEL"));
    CliRun fourth = CliRun.of(with(first, "--smtp", smtp(), "--only", "AUT,FRA,BEL,ESP"));

    String warning =
        letter
            + " has changed since 2 of its letters were sent: the 1 to send now go as it is now,"
            + " and the 2 sent keep the earlier text (their copies are in "
            + campaign.resolve("letters").resolve("letter")
            + ").";
    assertThat(two.status()).as(two.toString()).isZero();
    assertThat(unchanged.err()).as(unchanged.toString()).doesNotContain("has changed");
    assertThat(dry.err()).as(dry.toString()).contains(warning);
    assertThat(third.status()).as(third.toString()).isZero();
    assertThat(third.err()).as(third.toString()).contains(warning);
    // said once: the letters from now on go as the letter now is
    assertThat(fourth.err()).as(fourth.toString()).doesNotContain("has changed");
    assertThat(letters()).hasSize(4);
  }

  private static String[] with(String[] first, String... more) {
    List<String> all = new ArrayList<>(Arrays.asList(first));
    all.addAll(Arrays.asList(more));
    return all.toArray(String[]::new);
  }
}
