package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's mistakes with the options of {@code send}, {@code remind} and {@code preview}, in
 * the jar as a user runs it: each is one line and exit 2, with nothing created and nothing sent; a
 * server that stops the run says how many letters it left.
 */
@Timeout(300)
class SendInputJarIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final String LETTER = "2012-03-22-nim-invitation";
  private static final String LIST = "ccm-states-parties-2012";

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;

  private Path campaign() {
    return dir.resolve("campaign");
  }

  private String smtp() {
    return "smtp://127.0.0.1:" + greenMail.getSmtp().getPort();
  }

  private JarProcess.Result send(String... more) throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "send",
                LETTER,
                LIST,
                "--campaign",
                campaign().toString(),
                "--smtp",
                smtp(),
                "--yes"));
    args.addAll(Arrays.asList(more));
    return JarProcess.run(PROJECT, args.toArray(String[]::new));
  }

  /** Exit 2, exactly this one line and the count, nothing sent and no campaign folder made. */
  private void refused(JarProcess.Result run, String line) {
    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).as(run.toString()).isEmpty();
    assertThat(run.err()).as(run.toString()).isEqualTo(line + "\n1 problem; nothing was sent.\n");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(campaign()).doesNotExist();
  }

  @Test
  void limitZeroIsRefusedRatherThanSendingEveryLetter() throws Exception {
    String line = "--limit: must be at least 1; leave --limit out to send every letter";

    refused(send("--limit", "0"), line);
    refused(send("--limit", "0", "--dry-run"), line);
    refused(send("--limit", "-3"), line);
  }

  @Test
  void rateZeroOrNegativeIsRefusedAndSaysHowToHaveNoLimit() throws Exception {
    String line =
        "--rate: must be a number of letters a minute more than 0; leave --rate out for no limit";

    refused(send("--rate", "0"), line);
    refused(send("--rate", "-1", "--dry-run"), line);
  }

  @Test
  void remindSharesTheChecks() throws Exception {
    JarProcess.Result run =
        JarProcess.run(PROJECT, "remind", LETTER, "--limit", "0", "--rate", "0", "--dry-run");

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "--limit: must be at least 1; leave --limit out to send every letter\n"
                + "--rate: must be a number of letters a minute more than 0; leave --rate out for no limit\n"
                + "2 problems; nothing was sent.\n");
  }

  @Test
  void aTrustFileThatCannotBeReadIsOneLineBeforeAnythingIsCreatedDryRunIncluded() throws Exception {
    String line = "--smtp-trust: 'nope.pem' is not a readable file";

    refused(send("--smtp-trust", "nope.pem"), line);
    refused(send("--smtp-trust", "nope.pem", "--dry-run"), line);
  }

  @Test
  void aBadServerUrlIsFoundByTheDryRunAndNamedWhereItWasWritten() throws Exception {
    String what =
        "'smtp//oops' is not a server address; use smtp://[user@]host[:port], smtps://[user@]host[:port] or sandbox";
    refused(
        JarProcess.run(
            PROJECT,
            "send",
            LETTER,
            LIST,
            "--campaign",
            campaign().toString(),
            "--smtp",
            "smtp//oops",
            "--dry-run"),
        "--smtp: " + what);

    Files.writeString(dir.resolve("circular.properties"), "smtp = smtp//oops\n");
    JarProcess.Result fromFile =
        JarProcess.run(
            dir,
            "send",
            PROJECT.resolve("letter-templates").resolve(LETTER).toString(),
            PROJECT.resolve("recipients").resolve(LIST + ".csv").toString(),
            "--campaign",
            campaign().toString(),
            "--dry-run");
    refused(fromFile, "circular.properties: smtp: " + what);
  }

  @Test
  void theDryRunNamesTheServerItWouldSendThrough() throws Exception {
    JarProcess.Result run = send("--dry-run");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "Would send 70 letters through 127.0.0.1:"
                + greenMail.getSmtp().getPort()
                + "; 0 already sent, 0 failed before, 0 in doubt.\n");
    assertThat(campaign()).doesNotExist();
  }

  @Test
  void aCampaignThatIsAFileOrCannotBeMadeIsOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");

    for (String dryRun : List.of("--dry-run", "--yes")) {
      JarProcess.Result run =
          JarProcess.run(
              PROJECT,
              "send",
              LETTER,
              LIST,
              "--campaign",
              file.toString(),
              "--smtp",
              smtp(),
              dryRun);
      assertThat(run.status()).as(run.toString()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "--campaign: " + file + " is a file, not a folder\n1 problem; nothing was sent.\n");
    }
    JarProcess.Result inside =
        JarProcess.run(
            PROJECT,
            "send",
            LETTER,
            LIST,
            "--campaign",
            file.resolve("c").toString(),
            "--smtp",
            smtp(),
            "--yes");
    assertThat(inside.status()).as(inside.toString()).isEqualTo(2);
    assertThat(inside.err())
        .isEqualTo(
            "--campaign: "
                + file.resolve("c")
                + " cannot be created: "
                + file
                + " is a file, not a folder\n1 problem; nothing was sent.\n");
    JarProcess.Result proc =
        JarProcess.run(
            PROJECT, "send", LETTER, LIST, "--campaign", "/proc/nope", "--smtp", smtp(), "--yes");
    assertThat(proc.status()).as(proc.toString()).isEqualTo(2);
    assertThat(proc.err())
        .isEqualTo(
            "--campaign: /proc/nope cannot be created here; choose another folder\n"
                + "1 problem; nothing was sent.\n");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void previewOutThatIsAFileOrCannotBeMadeIsOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");

    JarProcess.Result onFile =
        JarProcess.run(PROJECT, "preview", LETTER, LIST, "--out", file.toString());
    JarProcess.Result inProc =
        JarProcess.run(PROJECT, "preview", LETTER, LIST, "--out", "/proc/nope");

    assertThat(onFile.status()).as(onFile.toString()).isEqualTo(2);
    assertThat(onFile.err())
        .isEqualTo(
            "--out: " + file + " is a file, not a folder\n1 problem; nothing was written.\n");
    assertThat(file).hasContent("not a folder");
    assertThat(inProc.status()).as(inProc.toString()).isEqualTo(2);
    assertThat(inProc.err())
        .isEqualTo(
            "--out: /proc/nope cannot be created here; choose another folder\n"
                + "1 problem; nothing was written.\n");
  }

  @Test
  void aServerThatCannotBeReachedSaysHowManyLettersWereNotSentAndExitsOne() throws Exception {
    int nothingListens;
    try (ServerSocket socket = new ServerSocket(0)) {
      nothingListens = socket.getLocalPort();
    }

    JarProcess.Result run =
        JarProcess.run(
            PROJECT,
            "send",
            LETTER,
            LIST,
            "--campaign",
            campaign().toString(),
            "--smtp",
            "smtp://127.0.0.1:" + nothingListens,
            "--yes");

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("Stopped: 127.0.0.1:" + nothingListens + ": cannot connect (")
        .endsWith(
            "\n70 letters not sent: run the same command again when the server can be used;"
                + " letters already sent are skipped.\n");
    assertThat(run.out())
        .startsWith(
            "Sent 0, deferred 0, failed 0, in doubt 0 (through 127.0.0.1:" + nothingListens + ").");
  }
}
