package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import circular.campaign.SentLog;
import circular.campaign.SentRow;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest's {@code index.html} as a coordinator opens it: from the file system, in a real
 * browser (Debian's headless Chromium) that has no network. A screenshot is left in {@code
 * target/digest-index.png} for a person to look at. Skipped only where Chromium is not installed
 * ({@code .ci/run} installs it).
 */
@Timeout(300)
class DigestInChromiumTest {
  @TempDir Path dir;

  @Test
  void thePageOpensFromTheFileSystemWithEveryReplyItsAttachmentsAndTheDelegationsAwaited()
      throws Exception {
    assumeTrue(Chromium.installed(), "no " + Chromium.BINARY + " on this machine");
    Path campaign = dir.resolve("campaign");
    CliRun send =
        CliRun.of(
            "send",
            "letter-templates/2012-03-22-nim-invitation",
            "recipients/ccm-states-parties-2012.csv",
            "--campaign",
            campaign.toString(),
            "--only",
            "AUT,BEL,CHL,DEU,ESP,FRA,GBR,IRL,MEX,NOR,NZL,SEN,URY");
    Map<String, String> letters =
        SentLog.read(campaign.resolve("sent.csv")).stream()
            .collect(Collectors.toMap(SentRow::recipientId, SentRow::messageId, (a, b) -> b));
    DigestFixtures.deliver(campaign, "contact", letters);
    DigestFixtures.deliver(campaign, "sender", letters);
    CliRun replies = CliRun.of("replies", "--campaign", campaign.toString());
    CliRun digest = CliRun.of("digest", "--campaign", campaign.toString());
    assertThat(send.status() + replies.status() + digest.status())
        .as(send + "\n" + replies + "\n" + digest)
        .isZero();
    URI index = campaign.resolve("digest/index.html").toUri();
    Chromium chromium = new Chromium(Files.createDirectories(dir.resolve("chromium")));

    Document page = Jsoup.parse(chromium.dumpDom(index));
    chromium.screenshot(index, Path.of("target/digest-index.png"));

    assertThat(page.title()).isEqualTo("Replies to 2012-03-22-nim-invitation");
    assertThat(page.select("nav a").eachText())
        .containsExactly(
            "Austria",
            "Belgium",
            "Chile",
            "France",
            "Germany",
            "Ireland",
            "Norway",
            "Senegal",
            "Spain",
            "United Kingdom of Great Britain and Northern Ireland",
            "Still awaited (3)");
    assertThat(page.selectFirst("#BEL .text").wholeText())
        .isEqualTo(
            "Madame,\n\nLa Belgique présentera l'état de sa législation d'application le 18\u00a0avril ; notre rapport d'avancement suivra."
                + "\n\nVeuillez agréer, Madame, l'expression de ma haute considération.\nMarc Lambert");
    assertThat(page.selectFirst("#SEN table.headers td:nth-child(2)").text())
        .isEqualTo("Fatou Diop Sarr <disarmament@sen-mission.example>");
    assertThat(page.select("script")).isEmpty();
    assertThat(page.select(".attachments a").eachAttr("href"))
        .containsExactly(
            "AUT/report.pdf",
            "NOR/report.pdf",
            "NOR/report-2.pdf",
            "NOR/Budget%20%C3%A9tat%202012.xlsx")
        .allSatisfy(href -> assertThat(Path.of(index.resolve(href))).isRegularFile());
    assertThat(page.select("#awaited tbody td:first-child").eachText())
        .containsExactly("MEX", "NZL", "URY");
  }
}
