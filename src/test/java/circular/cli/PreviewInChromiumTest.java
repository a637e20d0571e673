package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code circular preview --serve} as a coordinator uses it: in a real browser (Debian's headless
 * Chromium), over a copy of the sample letter that the test edits. Screenshots of the index and of
 * one letter are left in {@code target/} for a person to look at. Skipped only where Chromium is
 * not installed ({@code .ci/run} installs it).
 */
@Timeout(300)
class PreviewInChromiumTest {
  private static final Path SAMPLE = Path.of("letter-templates/2012-03-22-nim-invitation");
  private static final String LIST = "recipients/ccm-states-parties-2012.csv";

  @TempDir Path dir;
  private Path letter;
  private Chromium chromium;
  private CliRun.InBackground preview;
  private URI url;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Chromium.installed(), "no " + Chromium.BINARY + " on this machine");
    letter = Files.createDirectories(dir.resolve("2012-03-22-nim-invitation"));
    try (Stream<Path> files = Files.list(SAMPLE)) {
      for (Path file : files.toList()) {
        Files.copy(file, letter.resolve(file.getFileName()));
      }
    }
    chromium = new Chromium(Files.createDirectories(dir.resolve("chromium")));
    preview =
        CliRun.InBackground.start("preview", letter.toString(), LIST, "--serve", "--port", "0");
    url = PreviewServeTest.address(preview.awaitOut("Press Ctrl-C to stop.\n"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (preview != null) {
      preview.stop();
    }
  }

  private Document open(String path) throws IOException, InterruptedException {
    return Jsoup.parse(chromium.dumpDom(url.resolve(path)));
  }

  @Test
  void theIndexListsEveryDelegationAndEachLetterOpens() throws Exception {
    Document index = open("/");
    chromium.screenshot(url, Path.of("target/preview-index.png"));
    Document page = open("/letters/FRA");
    chromium.screenshot(url.resolve("/letters/FRA"), Path.of("target/preview-letter.png"));
    Document html = open("/letters/FRA/html");

    List<String> ids =
        Files.readAllLines(Path.of(LIST), StandardCharsets.UTF_8).stream()
            .skip(1)
            .map(l -> l.substring(0, 3))
            .toList();
    assertThat(index.select("#delegations tbody tr td:first-child").eachText())
        .isEqualTo(ids)
        .hasSize(70);
    assertThat(index.select("#problems")).isEmpty();
    assertThat(page.selectFirst("h1").text()).isEqualTo("FRA – France");
    assertThat(page.selectFirst("td.subject").text())
        .isEqualTo(
            "Convention sur les armes à sous-munitions : mesures nationales d'application – réunion intersessions, Genève, 16–19 avril 2012 (France)");
    assertThat(page.select(".views a").eachAttr("href"))
        .containsExactly(
            "/letters/FRA/html", "/letters/FRA/text", "/letters/FRA/pdf", "/letters/FRA/eml");
    assertThat(html.selectFirst("p.date").text()).isEqualTo("Le 22 mars 2012");
    assertThat(html.selectFirst("p.addressee").text()).startsWith("S.E. M. Laurent Berthier");
  }

  @Test
  void anEditToTheLetterShowsAfterAReload() throws Exception {
    String before = open("/letters/FRA/html").selectFirst("p.date").text();

    Path french = letter.resolve("letter_fr.properties");
    Files.writeString(
        french,
        Files.readString(french).replace("date = Le 22 mars 2012", "date = Le 23 mars 2012"));
    String after = open("/letters/FRA/html").selectFirst("p.date").text();

    assertThat(before).isEqualTo("Le 22 mars 2012");
    assertThat(after).isEqualTo("Le 23 mars 2012");
  }

  @Test
  void aMistakeInTheLetterShowsOnThePageAsTheCommandLinePrintsIt() throws Exception {
    Path html = letter.resolve("letter.html");
    Files.writeString(html, Files.readString(html).replace("${salutation}", "${salutaton}"));

    Document index = open("/");
    CliRun cli = CliRun.of("preview", letter.toString(), LIST);

    List<String> lines = cli.err().lines().toList();
    assertThat(cli.status()).isEqualTo(2);
    assertThat(index.selectFirst("#problems h2").text())
        .isEqualTo(lines.get(lines.size() - 1).replace("was written", "would be sent"));
    assertThat(index.select("#problems li").eachText())
        .isEqualTo(lines.subList(0, lines.size() - 1));
    assertThat(index.select("#problems li").eachText())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(letter.resolve("letter.html") + ":")
                    .endsWith("unknown variable 'salutaton'; did you mean 'salutation'?"));
    assertThat(index.select("#delegations tbody tr.problem")).hasSize(70);
    Element first = index.selectFirst("#row-AFG .warning");
    assertThat(first.text()).endsWith("unknown variable 'salutaton'; did you mean 'salutation'?");
  }
}
