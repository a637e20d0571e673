package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.campaign.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's loop on the sandbox, with {@code target/circular} in a working folder holding the
 * sample letter and list: send, drop a reply into the contact's INBOX, read it, see who is awaited
 * in local time, remind the others.
 */
@Timeout(180)
class SandboxWalkthroughIT {
  private static final String CONTACT = "raylene.liufalani@nz-mission-geneva.example";

  @TempDir Path folder;

  private void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  @Test
  void aReplyDroppedIntoTheContactsInboxIsReadAndStatusShowsLocalTime() throws Exception {
    copy(Path.of("letter-templates"), folder.resolve("letter-templates"));
    copy(Path.of("recipients"), folder.resolve("recipients"));

    JarProcess.Result send =
        JarProcess.launch(
            folder,
            Map.of(),
            "send",
            "2012-03-22-nim-invitation",
            "ccm-states-parties-2012",
            "--only",
            "AUT,FRA");
    assertThat(send.status()).as(send.toString()).isZero();

    Path campaign = folder.resolve("campaigns/2012-03-22-nim-invitation");
    Path inbox = campaign.resolve("sandbox").resolve(CONTACT).resolve("INBOX");
    assertThat(inbox).as("the contact's INBOX, ready for a reply").isEmptyDirectory();
    String letterToAustria =
        SentLog.read(campaign.resolve("sent.csv")).stream()
            .filter(r -> r.recipientId().equals("AUT"))
            .map(SentRow::messageId)
            .findFirst()
            .orElseThrow();
    Files.writeString(
        inbox.resolve("reply-from-austria.eml"),
        "From: Georg Lindner <geneva@aut-mission.example>\r\n"
            + "To: "
            + CONTACT
            + "\r\n"
            + "Subject: RE: Convention on Cluster Munitions: national implementation measures\r\n"
            + "Date: Tue, 15 Jan 2030 10:00:00 +0000\r\n"
            + "Message-ID: <reply-1@aut-mission.example>\r\n"
            + "In-Reply-To: "
            + letterToAustria
            + "\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Austria will report on its national implementation measures.\r\n",
        StandardCharsets.UTF_8);

    JarProcess.Result replies = JarProcess.launch(folder, Map.of(), "replies");
    JarProcess.Result status = JarProcess.launch(folder, Map.of("TZ", "Europe/Zurich"), "status");
    JarProcess.Result awaiting =
        JarProcess.launch(folder, Map.of("TZ", "Europe/Zurich"), "status", "--awaiting");
    JarProcess.Result csv =
        JarProcess.launch(folder, Map.of("TZ", "Europe/Zurich"), "status", "--csv");
    JarProcess.Result remind =
        JarProcess.launch(folder, Map.of(), "remind", "2012-03-22-nim-invitation-reminder");

    assertThat(replies.status()).as(replies.toString()).isZero();
    assertThat(replies.out()).startsWith("1 message: 1 reply added to responses.csv");
    assertThat(status.out())
        .containsPattern("AUT +Austria +sent +- +2030-01-15 11:00 CET geneva@aut-mission.example");
    assertThat(awaiting.out()).containsPattern("FRA +France +sent").doesNotContain("AUT ");
    assertThat(csv.out())
        .contains("AUT,Austria,sent,")
        .contains(",2030-01-15T10:00:00Z,geneva@aut-mission.example,");
    assertThat(Files.readString(campaign.resolve("responses.csv")))
        .contains("2030-01-15T10:00:00Z,AUT,reply,");
    assertThat(remind.status()).as(remind.toString()).isZero();
    assertThat(remind.out())
        .startsWith(
            "1 of 70 delegations to remind (1 replied, 0 bounced, 68 not sent the letter).\nSent 1,");
  }

  @Test
  void aCtrlCMidRunKeepsEveryLetterSentInTheSandbox() throws Exception {
    copy(Path.of("letter-templates"), folder.resolve("letter-templates"));
    copy(Path.of("recipients"), folder.resolve("recipients"));
    Path campaign = folder.resolve("campaigns/2012-03-22-nim-invitation");
    Process run =
        JarProcess.start(
            folder,
            Map.of(),
            "send",
            "2012-03-22-nim-invitation",
            "ccm-states-parties-2012",
            "--rate",
            "300");
    awaitSent(campaign, 8, run);

    new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor();
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();

    String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.exitValue()).as(err).isEqualTo(130);
    List<SentRow> sent =
        SentLog.latest(SentLog.read(campaign.resolve("sent.csv")), "2012-03-22-nim-invitation")
            .values()
            .stream()
            .toList();
    assertThat(sent).as(err).allMatch(r -> r.status() == Status.SENT);
    for (SentRow row : sent) {
      Path inbox = campaign.resolve("sandbox").resolve(row.email().split(";")[0]).resolve("INBOX");
      assertThat(inbox)
          .as("the sandbox mailbox of %s, kept after the Ctrl-C", row.recipientId())
          .isDirectory();
      try (Stream<Path> files = Files.list(inbox)) {
        assertThat(files.filter(f -> f.toString().endsWith(".eml"))).hasSize(1);
      }
    }
  }

  /** Returns once the run has logged {@code n} letters sent, woken by each change to the log. */
  private static void awaitSent(Path campaign, long n, Process run) throws Exception {
    Files.createDirectories(campaign);
    try (WatchService changes = campaign.getFileSystem().newWatchService()) {
      campaign.register(
          changes, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      while (sentRows(campaign) < n) {
        assertThat(run.isAlive()).as("still running before %d letters", n).isTrue();
        WatchKey key = changes.poll(1, TimeUnit.MINUTES);
        assertThat(key).as("a change to the campaign before %d letters", n).isNotNull();
        key.pollEvents();
        key.reset();
      }
    }
  }

  private static long sentRows(Path campaign) throws IOException {
    Path log = campaign.resolve("sent.csv");
    return Files.exists(log)
        ? Files.readAllLines(log).stream().filter(l -> l.contains(",sent,")).count()
        : 0;
  }
}
