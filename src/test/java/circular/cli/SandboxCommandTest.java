package circular.cli;

import static circular.sandbox.TestMail.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import circular.sandbox.TestMail;
import circular.sandbox.TestMail.Mail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SandboxCommandTest {
  static final String CONTACT = "raylene.liufalani@nz-mission-geneva.example";
  static final String FRANCE = "delegation@france.example";
  static final String NL = System.lineSeparator();

  @TempDir Path dir;

  @Test
  void servesTheCampaignSandboxUntilStoppedAndKeepsWhatArrived() throws Exception {
    Path campaign = dir.resolve("2012-03-22-nim-invitation");
    Path mailboxes = campaign.resolve("sandbox");
    drop(
        mailboxes.resolve(FRANCE).resolve("INBOX").resolve("letter.eml"),
        message("<letter@circular.example>", CONTACT, FRANCE, "Invitation", "Excellency,"));
    drop(
        mailboxes.resolve(CONTACT).resolve("INBOX").resolve("reply-1.eml"),
        message("<r1@a.example>", "a@a.example", CONTACT, "Re: Invitation", "Yes."));
    drop(
        mailboxes.resolve(CONTACT).resolve("INBOX").resolve("reply-2.eml"),
        message("<r2@b.example>", "b@b.example", CONTACT, "Re: Invitation", "No."));
    int smtp = TestMail.freePort();
    int imap = TestMail.freePort();

    CliRun.InBackground sandbox =
        CliRun.InBackground.start(
            "sandbox",
            "--campaign",
            campaign.toString(),
            "--smtp-port",
            "" + smtp,
            "--imap-port",
            "" + imap);
    String banner = sandbox.awaitOut("Press Ctrl-C to stop.\n");
    assertThat(TestMail.read(imap, FRANCE, "INBOX"))
        .extracting(Mail::messageId)
        .containsExactly("<letter@circular.example>");
    TestMail.send(
        smtp,
        message("<reply@france.example>", FRANCE, CONTACT, "Re: Invitation", "We shall attend."));
    CliRun run = sandbox.stop();

    assertThat(banner)
        .isEqualTo(
            "Sandbox mail server for "
                + campaign
                + ", on this computer only:\n"
                + "  SMTP  127.0.0.1:"
                + smtp
                + "\n"
                + "  IMAP  127.0.0.1:"
                + imap
                + "\n"
                + "  Any user name and password are accepted; no encryption (no SSL/TLS).\n"
                + "\n"
                + "Mailboxes in "
                + mailboxes
                + ":\n"
                + "  delegation@france.example                    INBOX  1\n"
                + "  raylene.liufalani@nz-mission-geneva.example  INBOX  2\n"
                + "\n"
                + "To answer a letter as a delegation, set up a mail client with the delegation's\n"
                + "address as user name, any password and the servers above, and reply; or stop the\n"
                + "sandbox and drop .eml files into "
                + mailboxes.resolve("<address>").resolve("INBOX")
                + "/.\n"
                + "Mail is saved every 2 seconds and on exit. Press Ctrl-C to stop.\n");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo(banner + "Stopped; the mail is kept in " + mailboxes + "." + NL);
    assertThat(run.err()).isEmpty();
    assertThat(emlFiles(mailboxes.resolve(CONTACT).resolve("INBOX"))).isEqualTo(3);
  }

  @Test
  void theContactsInboxMadeReadyBySendIsListedWhileStillEmpty() throws Exception {
    Path campaign = Files.createDirectories(dir.resolve("2012-03-22-nim-invitation"));
    Path mailboxes = campaign.resolve("sandbox");
    Files.createDirectories(mailboxes.resolve(CONTACT).resolve("INBOX"));
    CliRun.InBackground sandbox =
        CliRun.InBackground.start(
            "sandbox",
            "--campaign",
            campaign.toString(),
            "--smtp-port",
            "" + TestMail.freePort(),
            "--imap-port",
            "" + TestMail.freePort());

    String banner = sandbox.awaitOut("Press Ctrl-C to stop.\n");
    CliRun run = sandbox.stop();

    assertThat(banner).contains("Mailboxes in " + mailboxes + ":\n  " + CONTACT + "  INBOX  0\n");
    assertThat(run.status()).as(run.toString()).isZero();
  }

  @Test
  void saysSoWhenTheSandboxHasNoMailYet() throws Exception {
    Path campaign = Files.createDirectories(dir.resolve("2012-03-22-nim-invitation"));
    CliRun.InBackground sandbox =
        CliRun.InBackground.start(
            "sandbox",
            "--campaign",
            campaign.toString(),
            "--smtp-port",
            "" + TestMail.freePort(),
            "--imap-port",
            "" + TestMail.freePort());

    String banner = sandbox.awaitOut("Press Ctrl-C to stop.\n");
    CliRun run = sandbox.stop();

    assertThat(banner).contains("Mailboxes in " + campaign.resolve("sandbox") + ": none yet.\n");
    assertThat(run.status()).as(run.toString()).isZero();
  }

  @Test
  void refusesAnSmtpPortInUseNamingTheOptionThatChangesIt() throws Exception {
    Path campaign = Files.createDirectories(dir.resolve("campaign").resolve("sandbox")).getParent();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(TestMail.HOST))) {
      int port = taken.getLocalPort();

      CliRun run =
          CliRun.of(
              "sandbox",
              "--campaign",
              campaign.toString(),
              "--smtp-port",
              "" + port,
              "--imap-port",
              "" + TestMail.freePort());

      assertThat(run.status()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(run.err().lines())
          .as(run.toString())
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .startsWith("127.0.0.1:" + port + ": cannot listen for SMTP (")
                      .endsWith(
                          "is another sandbox running?); choose another port with --smtp-port N"));
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void refusesAnImapPortInUseNamingTheOptionThatChangesIt() throws Exception {
    Path campaign = Files.createDirectories(dir.resolve("campaign").resolve("sandbox")).getParent();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(TestMail.HOST))) {
      int port = taken.getLocalPort();

      CliRun run =
          CliRun.of(
              "sandbox",
              "--campaign",
              campaign.toString(),
              "--smtp-port",
              "" + TestMail.freePort(),
              "--imap-port",
              "" + port);

      assertThat(run.status()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(run.err().lines())
          .as(run.toString())
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .startsWith("127.0.0.1:" + port + ": cannot listen for IMAP (")
                      .endsWith("choose another port with --imap-port N"));
    }
  }

  @Test
  void refusesACampaignFolderThatDoesNotExist() {
    Path missing = dir.resolve("2012-03-22-typo");

    CliRun run = CliRun.of("sandbox", "--campaign", missing.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err())
        .isEqualTo(missing + ": no such campaign folder (campaigns are in campaigns/)" + NL);
  }

  @Test
  void refusesAPortOutOfRange() throws Exception {
    Path campaign = Files.createDirectories(dir.resolve("campaign"));

    CliRun run = CliRun.of("sandbox", "--campaign", campaign.toString(), "--smtp-port", "70000");

    assertThat(run.status()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err()).startsWith("circular: a port is 1 to 65535, not 70000" + NL);
  }

  @Test
  void helpShowsTheDefaultPorts() {
    CliRun run = CliRun.of("sandbox", "--help");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains(
            "The SMTP port on 127.0.0.1 (default: 3025)",
            "The IMAP port on 127.0.0.1 (default: 3143)");
  }

  @Test
  void theDefaultCampaignIsTheOnlyOneWithASandbox() throws Exception {
    Path campaigns = dir.resolve("campaigns");
    Files.createDirectories(campaigns.resolve("2012-01-10-reminder"));
    Files.createDirectories(campaigns.resolve("2012-03-22-nim-invitation").resolve("sandbox"));

    assertThat(Locations.onlyCampaign(campaigns, Locations.WITH_SANDBOX))
        .isEqualTo(campaigns.resolve("2012-03-22-nim-invitation"));
  }

  @Test
  void withoutAnyCampaignWithASandboxItSaysToSendFirst() throws Exception {
    Path campaigns =
        Files.createDirectories(dir.resolve("campaigns").resolve("2012-01-10-reminder"))
            .getParent();

    assertThatThrownBy(() -> Locations.onlyCampaign(campaigns, Locations.WITH_SANDBOX))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .hasToString(
                        campaigns
                            + ": no campaign has a sandbox yet; run 'circular send LETTER RECIPIENTS' first, or pass --campaign DIR"));
  }

  @Test
  void withSeveralCampaignsWithASandboxItAsksWhichOne() throws Exception {
    Path campaigns = dir.resolve("campaigns");
    Files.createDirectories(campaigns.resolve("2012-03-22-nim-invitation").resolve("sandbox"));
    Files.createDirectories(campaigns.resolve("2012-05-02-reminder").resolve("sandbox"));

    assertThatThrownBy(() -> Locations.onlyCampaign(campaigns, Locations.WITH_SANDBOX))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .hasToString(
                        campaigns
                            + ": 2 campaigns have a sandbox (2012-03-22-nim-invitation, 2012-05-02-reminder); choose one with --campaign NAME"));
  }

  static void drop(Path file, MimeMessage message) throws Exception {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      message.writeTo(out);
    }
  }

  static long emlFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".eml")).count();
    }
  }
}
