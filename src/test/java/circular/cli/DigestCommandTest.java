package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.Campaign;
import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.replies.ReplyCopies;
import circular.replies.ResponseLog;
import circular.replies.ResponseRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.groups.Tuple;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code circular digest} after the whole loop on the sandbox: the letter sent to thirteen
 * delegations, a reply from each of ten in the style of its mail client ({@link DigestFixtures}),
 * an out-of-office, a bounce and a stranger's answer, then {@code circular replies}.
 */
class DigestCommandTest {
  private static final String LETTER = "letter-templates/2012-03-22-nim-invitation";
  private static final String LIST = "recipients/ccm-states-parties-2012.csv";

  @TempDir Path dir;
  private Path digest;
  private Map<String, String> letterIds;

  @BeforeEach
  void sendThroughTheSandbox() {
    CliRun send =
        CliRun.of(
            "send",
            LETTER,
            LIST,
            "--campaign",
            dir.toString(),
            "--only",
            "AUT,BEL,CHL,DEU,ESP,FRA,GBR,IRL,MEX,NOR,NZL,SEN,URY");
    assertThat(send.status()).as(send.toString()).isZero();
    letterIds =
        SentLog.read(dir.resolve("sent.csv")).stream()
            .collect(Collectors.toMap(SentRow::recipientId, SentRow::messageId, (a, b) -> b));
    digest = dir.resolve("digest");
  }

  /**
   * The replies arrive, {@code circular replies} reads them, {@code circular digest} compiles them.
   */
  private CliRun answer(String... fixtures) throws IOException {
    for (String fixture : fixtures) {
      DigestFixtures.deliver(dir, fixture, letterIds);
    }
    CliRun replies = CliRun.of("replies", "--campaign", dir.toString());
    assertThat(replies.status()).as(replies.toString()).isZero();
    return digest();
  }

  private CliRun digest() {
    CliRun run = CliRun.of("digest", "--campaign", dir.toString());
    assertThat(run.status()).as(run.toString()).isZero();
    return run;
  }

  private String csv() throws IOException {
    return Files.readString(digest.resolve("digest.csv"), StandardCharsets.UTF_8);
  }

  private List<CSVRecord> rows() throws IOException {
    try (CSVParser parser =
        CSVParser.parse(
            csv().substring(1),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }

  private Document page() throws IOException {
    return Jsoup.parse(digest.resolve("index.html").toFile(), "UTF-8");
  }

  /** Every file under the digest folder, by relative path, with its bytes and time. */
  private Map<String, String> files() throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(digest)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        FileTime time = Files.getLastModifiedTime(f);
        all.put(
            digest.relativize(f).toString(),
            Arrays.hashCode(Files.readAllBytes(f)) + "@" + time.toMillis());
      }
    }
    return all;
  }

  @Test
  void eachRepliesOwnWordsAreInTheCsvInTheListsOrderAndNoAutomaticOrUnmatchedMessageIs()
      throws Exception {
    CliRun run = answer("contact", "sender");

    assertThat(run.out())
        .isEqualTo(
            "11 replies from 10 delegations, 4 attachments; 3 awaited. Digest: "
                + digest.resolve("index.html")
                + "\n");
    assertThat(run.err()).isEmpty();
    assertThat(csv())
        .isEqualTo(
            Files.readString(
                DigestFixtures.root().resolve("expected-digest.csv"), StandardCharsets.UTF_8));
    assertThat(ResponseLog.read(dir.resolve("responses.csv")))
        .extracting(r -> r.kind().label())
        .containsOnlyOnce("auto-reply", "bounce", "unmatched");
  }

  @Test
  void attachmentsAreSavedByteForByteUnderTheirOwnNamesMadeSafeAndInlinePicturesAreNot()
      throws Exception {
    answer("contact", "sender");

    assertThat(files().keySet())
        .containsExactly(
            "AUT/report.pdf",
            "NOR/Budget état 2012.xlsx",
            "NOR/report-2.pdf",
            "NOR/report.pdf",
            "digest.csv",
            "index.html");
    assertThat(digest.resolve("AUT/report.pdf"))
        .hasBinaryContent(DigestFixtures.attachment("aut-report.pdf"));
    assertThat(digest.resolve("NOR/report.pdf"))
        .hasBinaryContent(DigestFixtures.attachment("nor-report.pdf"));
    assertThat(digest.resolve("NOR/report-2.pdf"))
        .hasBinaryContent(DigestFixtures.attachment("nor-report-revised.pdf"));
    assertThat(digest.resolve("NOR/Budget état 2012.xlsx"))
        .hasBinaryContent(DigestFixtures.attachment("nor-budget.xlsx"));
  }

  @Test
  void thePageHasASectionPerDelegationThatRepliedThenTheDelegationsStillAwaited() throws Exception {
    answer("contact", "sender");
    Document page = page();

    assertThat(page.select("section.delegation").eachAttr("id"))
        .containsExactly("AUT", "BEL", "CHL", "FRA", "DEU", "IRL", "NOR", "SEN", "ESP", "GBR");
    assertThat(page.select("section.delegation h2").eachText())
        .startsWith("Austria AUT", "Belgium BEL");
    assertThat(page.select("#NOR article.reply")).hasSize(2);
    assertThat(page.select("#NOR .text").eachText())
        .containsExactly(
            "Dear Helen, Our statement for 18 April is attached. Eirik",
            "Dear Helen, Please use the revised statement attached, and our budget figures.");
    assertThat(page.select("#NOR .attachments a").eachAttr("href"))
        .containsExactly(
            "NOR/report.pdf", "NOR/report-2.pdf", "NOR/Budget%20%C3%A9tat%202012.xlsx");
    assertThat(page.select("#FRA table.headers td").eachText())
        .containsExactly(
            "Laurent Berthier <geneve@fra-mission.example>",
            "2012-03-29 12:02 UTC",
            "Re : Réunions intersessionnelles, Genève, 16–19 avril 2012 : mesures nationales d'application (France)");
    assertThat(page.selectFirst("#FRA .text").attr("lang")).isEqualTo("fr");
    assertThat(page.select("#awaited tbody tr").eachText())
        .containsExactly(
            "MEX Mexico onug@mex-mission.example, desarme@mex-mission.example "
                + sent()
                + " automatic reply 2012-03-22",
            "NZL New Zealand disarmament@nzl-mission.example " + sent() + " bounced 2012-03-22",
            "URY Uruguay disarmament@ury-mission.example " + sent());
  }

  @Test
  void everythingAMessageSaysStaysTextOnThePage() throws Exception {
    answer("contact", "sender");
    Document page = page();
    String html = Files.readString(digest.resolve("index.html"), StandardCharsets.UTF_8);

    assertThat(page.select("script")).isEmpty();
    assertThat(page.selectFirst("#SEN .text").text())
        .isEqualTo("=2+3 : le Sénégal participera. <script>alert(\"x\")</script>");
    assertThat(html).contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;");
    // nothing to fetch: no stylesheet, script, image or frame from anywhere
    assertThat(page.select("link, script, img, iframe, object, embed, [src]")).isEmpty();
    assertThat(page.select("a[href]").eachAttr("href"))
        .allSatisfy(href -> assertThat(href).doesNotContain(":"));
  }

  @Test
  void compilingAgainAfterNewRepliesAddsThemAndChangesNothingElse() throws Exception {
    answer("contact", "sender");
    List<CSVRecord> before = rows();
    Map<String, String> filesBefore = files();
    String pageBefore = Files.readString(digest.resolve("index.html"));

    CliRun nothingNew = digest();
    Map<String, String> filesUnchanged = files();
    CliRun later = answer("later");
    Map<String, String> filesAfter = files();
    List<CSVRecord> after = rows();

    assertThat(Files.readString(digest.resolve("index.html"))).isNotEqualTo(pageBefore);
    assertThat(nothingNew.out())
        .startsWith("11 replies from 10 delegations, 4 attachments; 3 awaited.");
    assertThat(filesUnchanged.keySet()).isEqualTo(filesBefore.keySet());
    filesBefore.forEach(
        (file, bytes) -> {
          if (!file.equals("index.html") && !file.equals("digest.csv")) {
            assertThat(filesUnchanged.get(file)).as(file).isEqualTo(bytes);
            assertThat(filesAfter.get(file)).as(file).isEqualTo(bytes);
          }
        });
    assertThat(later.out())
        .startsWith("13 replies from 11 delegations (2 new), 5 attachments (1 new); 2 awaited.");
    assertThat(filesAfter.keySet())
        .containsExactly(
            "AUT/report-2.pdf",
            "AUT/report.pdf",
            "NOR/Budget état 2012.xlsx",
            "NOR/report-2.pdf",
            "NOR/report.pdf",
            "digest.csv",
            "index.html");
    assertThat(digest.resolve("AUT/report-2.pdf"))
        .hasBinaryContent(DigestFixtures.attachment("aut-report-v2.pdf"));
    assertThat(digest.resolve("AUT/report.pdf"))
        .hasBinaryContent(DigestFixtures.attachment("aut-report.pdf"));
    List<List<String>> added =
        after.stream()
            .map(CSVRecord::toList)
            .filter(r -> !before.stream().map(CSVRecord::toList).toList().contains(r))
            .toList();
    assertThat(after.stream().map(CSVRecord::toList).filter(r -> !added.contains(r)).toList())
        .isEqualTo(before.stream().map(CSVRecord::toList).toList());
    assertThat(added)
        .extracting(r -> r.get(0), r -> r.get(5), r -> r.get(6))
        .containsExactly(
            Tuple.tuple(
                "AUT",
                "Dear Ms Marsh,\n\nPlease find a corrected version of our report attached.\n\nAnna Berger",
                "report-2.pdf"),
            Tuple.tuple(
                "URY",
                "Estimada Sra. Marsh:\n\nUruguay participará en la reunión del 18 de abril.",
                ""));
    assertThat(after.get(1).get("id"))
        .as("the second reply of AUT comes right after its first")
        .isEqualTo("AUT");
  }

  @Test
  void compilingAgainWithNothingNewRewritesTheSamePageAndCsv() throws Exception {
    answer("contact", "sender");
    String page = Files.readString(digest.resolve("index.html"));
    String csv = csv();

    digest();

    assertThat(Files.readString(digest.resolve("index.html"))).isEqualTo(page);
    assertThat(csv()).isEqualTo(csv);
  }

  @Test
  void aReplyWhoseMessageWasNotKeptIsNamedAndTheOthersAreCompiled() throws Exception {
    answer("contact", "sender");
    ResponseRow chile =
        ResponseLog.read(dir.resolve("responses.csv")).stream()
            .filter(r -> r.recipientId().equals("CHL"))
            .findFirst()
            .orElseThrow();
    Files.delete(ReplyCopies.of(new Campaign(dir)).file(chile.messageId()));

    CliRun run = CliRun.of("digest", "--campaign", dir.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "CHL: reply "
                + chile.messageId()
                + ": its message was not kept (recorded before circular kept"
                + " replies); run 'circular replies' again to keep it (for an IMAP folder, delete scan-state.csv first so that the folder is read again)\n");
    assertThat(rows()).hasSize(11);
    assertThat(rows().get(2).get("id")).isEqualTo("CHL");
    assertThat(rows().get(2).get("text")).isEmpty();
    assertThat(page().selectFirst("#CHL .problem").text())
        .startsWith("Not shown: its message was not kept");

    CliRun replies = CliRun.of("replies", "--campaign", dir.toString());
    CliRun again = CliRun.of("digest", "--campaign", dir.toString());

    assertThat(replies.out())
        .startsWith("14 messages: nothing new for responses.csv; 14 already there");
    assertThat(again.status()).as(again.toString()).isZero();
    assertThat(rows().get(2).get("text")).startsWith("Estimada Sra. Marsh:");
  }

  private static final String UNMATCHED = "<unmatched-1@elsewhere.example>";

  private CliRun assign(String assignment) {
    CliRun run = CliRun.of("replies", "--campaign", dir.toString(), "--assign", assignment);
    assertThat(run.status()).as(run.toString()).isZero();
    return run;
  }

  private CSVRecord row(String id) throws IOException {
    return rows().stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  void anUnmatchedMessageAssignedToADelegationIsItsReplyWithItsWords() throws Exception {
    answer("contact", "sender");
    assertThat(ReplyCopies.of(new Campaign(dir)).has(UNMATCHED))
        .as("the unmatched message is kept whole, in case it is assigned")
        .isTrue();

    CliRun assigned = assign("unmatched-1@elsewhere.example=ury");
    CliRun run = digest();

    assertThat(assigned.out())
        .startsWith("Assigned " + UNMATCHED + " (a.stranger@elsewhere.example, 'RE: Convention")
        .endsWith(" to URY: counted as its reply.\n");
    assertThat(run.out())
        .startsWith("12 replies from 11 delegations (1 new), 4 attachments; 2 awaited.");
    assertThat(row("URY").get("from")).isEqualTo("A. Stranger <a.stranger@elsewhere.example>");
    assertThat(row("URY").get("text"))
        .isEqualTo("I am not on your list, but here is my answer anyway.");
    assertThat(page().select("#awaited").text()).doesNotContain("Uruguay");
  }

  @Test
  void anUnmatchedMessageRecordedWithoutACopyIsNamedUntilRepliesKeepsIt() throws Exception {
    answer("contact", "sender");
    Files.delete(ReplyCopies.of(new Campaign(dir)).file(UNMATCHED)); // as an older version left it
    assign(UNMATCHED + "=URY");
    List<ResponseRow> assigned = ResponseLog.asWritten(dir.resolve("responses.csv"));

    CliRun before = CliRun.of("digest", "--campaign", dir.toString());
    CliRun replies = CliRun.of("replies", "--campaign", dir.toString());
    CliRun after = digest();

    assertThat(before.status()).as(before.toString()).isEqualTo(1);
    assertThat(before.err())
        .isEqualTo(
            "URY: reply "
                + UNMATCHED
                + ": its message was not kept (recorded as unmatched before circular kept"
                + " unmatched messages); run 'circular replies' again to keep it (for an IMAP"
                + " folder, delete scan-state.csv first so that the folder is read again)\n");
    assertThat(replies.out()).contains("nothing new for responses.csv");
    assertThat(ResponseLog.asWritten(dir.resolve("responses.csv")))
        .as("the scan adds no row and undoes no assignment")
        .isEqualTo(assigned);
    assertThat(after.err()).isEmpty();
    assertThat(row("URY").get("text"))
        .isEqualTo("I am not on your list, but here is my answer anyway.");
  }

  @Test
  void beforeAnyReplyEveryDelegationSentTheLetterIsAwaited() throws Exception {
    CliRun run = digest();

    assertThat(run.out())
        .isEqualTo(
            "0 replies from 0 delegations, 0 attachments; 13 awaited. Digest: "
                + digest.resolve("index.html")
                + "\nNo reply recorded yet: run 'circular replies' to read the mailboxes, then digest again.\n");
    assertThat(csv()).isEqualTo("\uFEFFid,country,received,from,subject,text,attachments\r\n");
    assertThat(page().select("#awaited tbody tr")).hasSize(13);
  }

  @Test
  void theOutFolderCanBeChosenButNotAFile() throws Exception {
    Path elsewhere = dir.resolve("for-the-report");
    Path file = Files.writeString(dir.resolve("a-file"), "x");

    CliRun chosen =
        CliRun.of("digest", "--campaign", dir.toString(), "--out", elsewhere.toString());
    CliRun wrong = CliRun.of("digest", "--campaign", dir.toString(), "--out", file.toString());

    assertThat(chosen.status()).as(chosen.toString()).isZero();
    assertThat(elsewhere.resolve("index.html")).exists();
    assertThat(wrong.status()).isEqualTo(2);
    assertThat(wrong.err())
        .isEqualTo(
            "--out: " + file + " is a file, not a folder\n1 problem; nothing was written.\n");
  }

  /** The day the letter went out, as the page shows it. */
  private String sent() {
    return SentLog.read(dir.resolve("sent.csv")).get(0).time().toString().substring(0, 10);
  }
}
