package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.campaign.Status;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code circular send} as a process: killed with SIGKILL mid-run, run twice at once, given a
 * password.
 */
@Timeout(180)
class SendJarIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final String LETTER = "letter-templates/2012-03-22-nim-invitation";
  private static final String LIST = "recipients/ccm-states-parties-2012.csv";
  private static final String PASSWORD = "s3cret-Passw0rd!";

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser("office@mission-coordinator.example", "office", PASSWORD));

  @TempDir Path dir;

  private String smtp() {
    return "smtp://127.0.0.1:" + greenMail.getSmtp().getPort();
  }

  private String[] send(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("send", LETTER, LIST, "--campaign", dir.toString(), "--smtp", smtp(), "--yes"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Distinct letters (by Message-ID) each delegation's first address received. */
  private static Map<String, Long> lettersPerDelegation() throws Exception {
    Map<String, MimeMessage> byId = new LinkedHashMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      byId.putIfAbsent(m.getMessageID(), m);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (MimeMessage m : byId.values()) {
      counts.merge(
          ((InternetAddress) m.getRecipients(RecipientType.TO)[0]).getAddress(), 1L, Long::sum);
    }
    return counts;
  }

  private long rows() throws Exception {
    Path log = dir.resolve("sent.csv");
    return Files.exists(log) ? Files.readAllLines(log).size() - 1 : 0;
  }

  /**
   * Returns once the running send has written {@code n} rows, woken by each change to the campaign
   * folder.
   */
  private void awaitRows(long n, Process process) throws Exception {
    Files.createDirectories(dir);
    try (WatchService changes = dir.getFileSystem().newWatchService()) {
      dir.register(
          changes, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      while (rows() < n) {
        assertThat(process.isAlive()).as("still running before %d rows", n).isTrue();
        WatchKey key = changes.poll(1, TimeUnit.MINUTES);
        assertThat(key).as("a change to the campaign before %d rows", n).isNotNull();
        key.pollEvents();
        key.reset();
      }
    }
  }

  @Test
  void killedTwiceMidRunEveryDelegationStillGetsExactlyOneLetter() throws Exception {
    List<String> inDoubt = new ArrayList<>();
    for (long killAt : new long[] {21, 66}) {
      Process run = JarProcess.start(PROJECT, Map.of(), send("--rate", "1500"));
      awaitRows(killAt, run);
      run.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      assertThat(run.waitFor(10, TimeUnit.SECONDS)).isTrue();

      JarProcess.Result rerun =
          JarProcess.run(PROJECT, Map.of(), Duration.ofSeconds(120), send("--limit", "1"));
      List<String> doubts =
          rerun
              .err()
              .lines()
              .filter(l -> l.startsWith("In doubt: "))
              .map(l -> l.substring("In doubt: ".length(), l.indexOf(' ', "In doubt: ".length())))
              .filter(id -> !inDoubt.contains(id))
              .toList();
      assertThat(doubts)
          .as("at most one new letter in doubt per kill\n" + rerun)
          .hasSizeLessThanOrEqualTo(1);
      inDoubt.addAll(doubts);
    }
    JarProcess.Result finish = JarProcess.run(PROJECT, Map.of(), Duration.ofSeconds(120), send());

    Map<String, Long> received = lettersPerDelegation();
    assertThat(received.values()).as("no delegation got a letter twice").allMatch(n -> n == 1L);
    Map<String, SentRow> latest =
        SentLog.latest(SentLog.read(dir.resolve("sent.csv")), "2012-03-22-nim-invitation");
    List<String> doubtful =
        latest.values().stream()
            .filter(r -> r.status() != Status.SENT)
            .map(SentRow::recipientId)
            .toList();
    assertThat(doubtful).as(finish.toString()).containsExactlyInAnyOrderElementsOf(inDoubt);
    assertThat(latest.values().stream().filter(r -> r.status() == Status.SENT))
        .hasSize(70 - inDoubt.size());
    assertThat(received)
        .as("letters received, %d in doubt (%s)", inDoubt.size(), inDoubt)
        .hasSizeBetween(70 - inDoubt.size(), 70);

    // A letter in doubt that did not arrive is sent on request, and then every delegation has
    // exactly one.
    List<String> missing =
        inDoubt.stream()
            .filter(
                id ->
                    latest.get(id.toLowerCase()) != null
                        && !received.containsKey(
                            latest.get(id.toLowerCase()).email().split(";")[0]))
            .toList();
    if (!missing.isEmpty()) {
      JarProcess.Result resend =
          JarProcess.run(
              PROJECT,
              Map.of(),
              Duration.ofSeconds(60),
              send("--resend-in-doubt", String.join(",", missing)));
      assertThat(resend.status()).as(resend.toString()).isIn(0, 1);
    }
    assertThat(lettersPerDelegation())
        .hasSize(70)
        .allSatisfy((address, n) -> assertThat(n).isEqualTo(1L));
  }

  @Test
  void ctrlCMidRunFinishesTheLettersUnderWayLeavesNoneInDoubtAndSaysSo() throws Exception {
    Process run = JarProcess.start(PROJECT, Map.of(), send("--rate", "300", "--connections", "2"));
    awaitRows(10, run);
    JarProcess.Result meanwhile = JarProcess.run(PROJECT, "status", "--campaign", dir.toString());

    new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor();
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    String seen = "--- stdout\n" + out + "--- stderr\n" + err;
    assertThat(run.exitValue()).as(seen).isEqualTo(130);
    assertThat(err).as(seen).contains("Stopping: no new letter is started");
    assertThat(err).as(seen).contains("Stopped: interrupted\n");
    assertThat(err)
        .as(seen)
        .containsPattern("\\d+ letters not sent: run the same command again to send them;");
    assertThat(out).as(seen).containsPattern("Sent \\d+, deferred 0, failed 0, in doubt 0");
    Map<String, SentRow> latest =
        SentLog.latest(SentLog.read(dir.resolve("sent.csv")), "2012-03-22-nim-invitation");
    assertThat(latest.values())
        .as("every letter begun was finished and logged")
        .allMatch(r -> r.status() == Status.SENT);
    assertThat(lettersPerDelegation()).hasSize(latest.size());
    assertThat(meanwhile.out())
        .as("status while the run sends\n" + meanwhile)
        .contains("A send is running on this campaign (pid ")
        .doesNotContain("In doubt: ");

    JarProcess.Result rest = JarProcess.run(PROJECT, Map.of(), Duration.ofSeconds(120), send());

    assertThat(rest.status()).as(rest.toString()).isZero();
    assertThat(rest.err()).as(rest.toString()).doesNotContain("In doubt");
    assertThat(lettersPerDelegation())
        .hasSize(70)
        .allSatisfy((to, n) -> assertThat(n).isEqualTo(1L));
  }

  @Test
  void statusAfterAKillCountsEveryDelegationAndShowsALetterCutOffInDoubt() throws Exception {
    Process run = JarProcess.start(PROJECT, Map.of(), send("--rate", "1500"));
    awaitRows(21, run);
    run.destroyForcibly(); // SIGKILL: the log ends wherever the run was
    assertThat(run.waitFor(10, TimeUnit.SECONDS)).isTrue();

    JarProcess.Result status = JarProcess.run(PROJECT, "status", "--campaign", dir.toString());

    Map<String, SentRow> latest =
        SentLog.latest(SentLog.read(dir.resolve("sent.csv")), "2012-03-22-nim-invitation");
    long sent = latest.values().stream().filter(r -> r.status() == Status.SENT).count();
    List<String> cutOff =
        latest.values().stream()
            .filter(r -> r.status() == Status.SENDING)
            .map(SentRow::recipientId)
            .toList();
    assertThat(status.status()).as(status.toString()).isZero();
    assertThat(status.out())
        .as(status.toString())
        .contains(
            String.format(
                "70 delegations: %d sent, 0 replied, %d awaiting (of whom 0 sent an automatic reply,"
                    + " 0 bounced); %s%d not sent yet.\n",
                sent,
                sent,
                cutOff.isEmpty() ? "" : cutOff.size() + " in doubt, ",
                70 - sent - cutOff.size()))
        .doesNotContain("  sending  ");
    for (String id : cutOff) {
      assertThat(status.out())
          .as(status.toString())
          .containsPattern("\n" + id + " .* in-doubt ")
          .contains("In doubt: " + id + " (")
          .contains("--resend-in-doubt " + id + "\n");
    }
  }

  @Test
  void aSecondRunOnTheSameCampaignRefusesToStartWhileTheFirstSends() throws Exception {
    Process first = JarProcess.start(PROJECT, Map.of(), send("--rate", "600"));
    awaitRows(4, first);

    JarProcess.Result second = JarProcess.run(PROJECT, send());

    assertThat(second.status()).as(second.toString()).isEqualTo(2);
    assertThat(second.err())
        .startsWith(
            dir + ": another circular is sending this campaign (pid " + first.pid() + ", since ");
    first.destroyForcibly().waitFor();
    JarProcess.Result after = JarProcess.run(PROJECT, Map.of(), Duration.ofSeconds(120), send());
    assertThat(after.err()).doesNotContain("another circular");
  }

  @Test
  void aPasswordFromTheEnvironmentLogsInAndIsWrittenNowhere() throws Exception {
    String user = "office";
    JarProcess.Result run =
        JarProcess.run(
            PROJECT,
            Map.of("CIRCULAR_SMTP_PASSWORD", PASSWORD),
            Duration.ofSeconds(60),
            "send",
            LETTER,
            LIST,
            "--campaign",
            dir.toString(),
            "--smtp",
            "smtp://" + user + "@127.0.0.1:" + greenMail.getSmtp().getPort(),
            "--yes",
            "--only",
            "AUT,FRA");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.err()).as("quiet in a pipe").isEmpty();
    assertThat(lettersPerDelegation()).hasSize(2);
    String everything =
        run.out() + run.err() + Files.readString(dir.resolve("sent.csv"), StandardCharsets.UTF_8);
    assertThat(everything).doesNotContain(PASSWORD);

    JarProcess.Result wrong =
        JarProcess.run(
            PROJECT,
            Map.of("CIRCULAR_SMTP_PASSWORD", "wrong-" + PASSWORD),
            Duration.ofSeconds(60),
            "send",
            LETTER,
            LIST,
            "--campaign",
            dir.resolve("other").toString(),
            "--smtp",
            "smtp://" + user + "@127.0.0.1:" + greenMail.getSmtp().getPort(),
            "--yes",
            "--only",
            "AUT");
    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(1);
    assertThat(wrong.err()).contains("Stopped: ").doesNotContain(PASSWORD);
  }

  @Test
  void fourConnectionsSendEveryLetterOnceWithAConsistentLog() throws Exception {
    JarProcess.Result run =
        JarProcess.run(PROJECT, Map.of(), Duration.ofSeconds(120), send("--connections", "4"));

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(lettersPerDelegation())
        .hasSize(70)
        .allSatisfy((address, n) -> assertThat(n).isEqualTo(1L));
    List<SentRow> rows = SentLog.read(dir.resolve("sent.csv"));
    Map<String, List<Status>> byRecipient =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    SentRow::recipientId,
                    Collectors.mapping(SentRow::status, Collectors.toList())));
    assertThat(byRecipient)
        .hasSize(70)
        .allSatisfy(
            (id, statuses) -> assertThat(statuses).containsExactly(Status.SENDING, Status.SENT));
  }
}
