package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.replies.ResponseLog;
import circular.replies.ResponseRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code circular replies} stopped by Ctrl-C midway through a folder, as a process. */
@Timeout(180)
class RepliesCtrlCJarIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final int REPLIES = 5_000;

  @TempDir Path dir;

  @Test
  void ctrlCMidScanKeepsWhatItRecordedSaysSoAndTheNextScanReadsTheRest() throws Exception {
    Path campaign = dir.resolve("campaign");
    JarProcess.Result send =
        JarProcess.run(
            PROJECT,
            Map.of(),
            Duration.ofSeconds(60),
            "send",
            "2012-03-22-nim-invitation",
            "ccm-states-parties-2012",
            "--campaign",
            campaign.toString(),
            "--only",
            "AUT");
    assertThat(send.status()).as(send.toString()).isZero();
    String letter =
        SentLog.read(campaign.resolve("sent.csv")).stream()
            .map(SentRow::messageId)
            .findFirst()
            .orElseThrow();
    Path folder = Files.createDirectories(dir.resolve("export"));
    for (int i = 0; i < REPLIES; i++) {
      Files.writeString(
          folder.resolve(String.format("reply-%05d.eml", i)),
          "From: geneva@aut-mission.example\r\n"
              + "Subject: RE: Convention on Cluster Munitions\r\n"
              + "Date: Tue, 15 Jan 2030 10:00:00 +0000\r\n"
              + "Message-ID: <reply-"
              + i
              + "@aut-mission.example>\r\n"
              + "In-Reply-To: "
              + letter
              + "\r\n\r\nAustria will report.\r\n",
          StandardCharsets.UTF_8);
    }
    String[] replies = {"replies", "--campaign", campaign.toString(), "--eml", folder.toString()};

    Process scan = JarProcess.start(PROJECT, Map.of(), replies);
    awaitRows(campaign.resolve("responses.csv"), 50, scan);
    new ProcessBuilder("kill", "-INT", Long.toString(scan.pid())).start().waitFor();
    assertThat(scan.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(scan.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String seen = "--- stdout\n" + out + "--- stderr\n" + err;

    assertThat(scan.exitValue()).as(seen).isEqualTo(130);
    assertThat(out).as(seen).containsPattern("^\\d+ messages: \\d+ replies added to responses.csv");
    assertThat(err)
        .as(seen)
        .contains("Stopped by Ctrl-C: ")
        .contains("run 'circular replies' again to read the rest");
    long recorded = replyRows(campaign);
    assertThat(recorded).as(seen).isBetween(50L, REPLIES - 1L);
    assertThat(keptCopies(campaign))
        .as("every reply recorded is kept whole for the digest\n" + seen)
        .isEqualTo(recorded);

    JarProcess.Result rest = JarProcess.run(PROJECT, Map.of(), Duration.ofSeconds(120), replies);

    assertThat(rest.status()).as(rest.toString()).isZero();
    assertThat(rest.out()).contains((REPLIES - recorded) + " replies added");
    assertThat(replyRows(campaign)).isEqualTo(REPLIES);
    assertThat(keptCopies(campaign)).isEqualTo(REPLIES);
  }

  private static long replyRows(Path campaign) {
    return ResponseLog.read(campaign.resolve("responses.csv")).stream()
        .filter(r -> r.kind() == ResponseRow.Kind.REPLY)
        .count();
  }

  private static long keptCopies(Path campaign) throws IOException {
    try (Stream<Path> files = Files.list(campaign.resolve("replies"))) {
      return files.filter(f -> f.toString().endsWith(".eml")).count();
    }
  }

  /** Returns once the log holds {@code n} rows. */
  private static void awaitRows(Path log, int n, Process scan) throws Exception {
    while (!Files.exists(log) || Files.readAllLines(log).size() <= n) {
      assertThat(scan.isAlive()).as("still scanning before %d rows", n).isTrue();
      Thread.sleep(10);
    }
  }
}
