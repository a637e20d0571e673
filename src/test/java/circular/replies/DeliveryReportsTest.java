package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.Campaign;
import circular.mailbox.EmlFolderSource;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Reports in the dialects of many mail systems ({@code src/test/resources/reports/}, written for
 * this project in the shapes those systems send), each scanned alone against the test mailbox's
 * campaign: what it is, whose, how we know, and what it says. {@code expected.csv} lists them; a
 * kind of {@code -} means the report is none of the campaign's business.
 */
@Timeout(60)
class DeliveryReportsTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} -> {1} {2} {3} \"{4}\"")
  @CsvFileSource(resources = "/reports/expected.csv", numLinesToSkip = 1)
  void eachReportIsReadClassifiedAndTiedToItsDelegationOrToNone(
      String file, String kind, String recipient, String matchedBy, String detail)
      throws Exception {
    Path folder = Files.createDirectories(dir.resolve("one"));
    Files.copy(report(file), folder.resolve(file));
    Campaign campaign = Corpus.campaignIn(dir.resolve("campaign"));

    ScanReport scan =
        ReplyScan.scan(campaign, Corpus.index(campaign), List.of(EmlFolderSource.of(folder)));

    assertThat(scan.problems()).isEmpty();
    List<String> rows =
        ResponseLog.read(campaign.responses()).stream()
            .map(r -> r.kind() + " " + r.recipientId() + " " + r.matchedBy() + " | " + r.detail())
            .toList();
    if (kind.equals("-")) {
      assertThat(rows).as("none of the campaign's business").isEmpty();
    } else {
      assertThat(rows)
          .containsExactly(
              kind + " " + recipient + " " + matchedBy + " | " + (detail == null ? "" : detail));
    }
  }

  private static Path report(String name) throws URISyntaxException {
    return Path.of(DeliveryReportsTest.class.getResource("/reports/" + name).toURI());
  }
}
