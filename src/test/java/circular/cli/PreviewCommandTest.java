package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The preview command over the sample letter and list, as a user runs it from the project folder.
 */
class PreviewCommandTest {
  private static final String LETTER = "letter-templates/2012-03-22-nim-invitation";
  private static final String LIST = "recipients/ccm-states-parties-2012.csv";

  @TempDir Path dir;

  private static String expected(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/expected", name), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AUT", "FRA", "MEX"})
  void showsTheSampleLetterInTheDelegationsLanguage(String id) throws IOException {
    CliRun text = CliRun.of("preview", LETTER, LIST, "--only", id);
    CliRun html = CliRun.of("preview", LETTER, LIST, "--only", id, "--format", "html");

    assertThat(text.status()).as(text.toString()).isZero();
    assertThat(text.out()).isEqualTo(expected("nim-invitation-" + id + ".txt"));
    assertThat(text.err()).isEmpty();
    assertThat(html.out()).isEqualTo(expected("nim-invitation-" + id + ".html"));
  }

  @Test
  void bareNamesAreLookedUpInTheUsualFolders() throws IOException {
    CliRun run =
        CliRun.of(
            "preview", "2012-03-22-nim-invitation", "ccm-states-parties-2012", "--only", "AUT");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(expected("nim-invitation-AUT.txt"));
  }

  @Test
  void withoutOnlyItShowsTheFirstRowAndSaysHowToSeeOthers() {
    CliRun run = CliRun.of("preview", LETTER, LIST);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .startsWith("From: Dell Higgie <dell.higgie@nz-mission-geneva.example>\n")
        .contains("To: mission@afg-mission.example");
    assertThat(run.err())
        .isEqualTo("Showing AFG (1 of 70); --only ID shows another, --out DIR writes them all.\n");
  }

  @Test
  void outInsideTheLetterFolderIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path letter = Files.createDirectories(dir.resolve("2012-03-22-nim-invitation"));
    try (Stream<Path> files = Files.list(Path.of(LETTER))) {
      for (Path file : files.toList()) {
        Files.copy(file, letter.resolve(file.getFileName()));
      }
    }
    Path inside = letter.resolve("previews");

    CliRun run = CliRun.of("preview", letter.toString(), LIST, "--out", inside.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "--out: "
                + inside
                + " is inside the letter folder "
                + letter
                + "; write the previews elsewhere, e.g. --out preview\n");
    assertThat(inside).doesNotExist();
  }

  @Test
  void outWritesOneFilePerRecipient() throws IOException {
    CliRun run = CliRun.of("preview", LETTER, LIST, "--format", "eml", "--out", dir.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("Wrote 70 letters to " + dir + "\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .hasSize(70)
          .contains("AUT.eml", "FRA.eml", "MEX.eml");
    }
    String eml = Files.readString(dir.resolve("CIV.eml"), StandardCharsets.US_ASCII);
    assertThat(eml)
        .contains("Message-ID: <")
        .contains("Content-Type: multipart/alternative")
        .contains("Content-Type: text/plain; charset=UTF-8")
        .contains("Content-Type: text/html; charset=UTF-8")
        .contains("Content-Language: fr");
  }

  @Test
  void pdfFormatWritesEachLetterPrintedAsAPdf() throws IOException {
    CliRun run =
        CliRun.of(
            "preview",
            LETTER,
            LIST,
            "--format",
            "pdf",
            "--only",
            "AUT,FRA",
            "--out",
            dir.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("Wrote 2 letters to " + dir + "\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("AUT.pdf", "FRA.pdf");
    }
    assertThat(
            new String(Files.readAllBytes(dir.resolve("FRA.pdf")), 0, 5, StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
  }

  @Test
  void pdfFormatNeedsAFolderToWriteTo() {
    CliRun run = CliRun.of("preview", LETTER, LIST, "--format", "pdf");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "circular: --format pdf writes files, one per recipient: add --out DIR\nTry 'circular preview --help'.\n");
  }

  @Test
  void theMessageAndTheTextViewShowThePdfThatGoesWithTheLetter() {
    CliRun eml = CliRun.of("preview", LETTER, LIST, "--only", "AUT", "--format", "eml");

    assertThat(eml.status()).as(eml.toString()).isZero();
    assertThat(eml.out())
        .contains("Content-Type: multipart/mixed")
        .contains("Content-Type: application/pdf; name=2012-03-22-nim-invitation-AUT.pdf")
        .contains("Content-Disposition: attachment; filename=2012-03-22-nim-invitation-AUT.pdf");
  }

  @Test
  void serveOptionsThatDoNotGoTogetherAreUsageErrors() {
    CliRun port = CliRun.of("preview", LETTER, LIST, "--port", "8000");
    CliRun out = CliRun.of("preview", LETTER, LIST, "--serve", "--out", dir.toString());

    assertThat(port.status()).isEqualTo(2);
    assertThat(port.err())
        .startsWith("circular: --port is the port of --serve: add --serve, or drop --port\n");
    assertThat(out.status()).isEqualTo(2);
    assertThat(out.err())
        .startsWith(
            "circular: --serve shows every letter in every form in the browser: drop --out and --format\n");
  }

  @Test
  void aBrokenListIsReportedLineByLineWithExitTwoAndNothingWritten() throws IOException {
    Path list = dir.resolve("broken.csv");
    Files.writeString(list, "id,email,language\nAUT,not-an-address,en\nAUT,b@x.example,de\n");
    Path out = dir.resolve("out");

    CliRun run = CliRun.of("preview", LETTER, list.toString(), "--out", out.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            list
                + ":2: column 'email': 'not-an-address' is not an email address\n"
                + list
                + ":3: column 'id': duplicate id 'AUT' (first on line 2)\n"
                + "2 problems; nothing was written.\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void aLanguageTheLetterLacksIsAnInputError() throws IOException {
    Path list = dir.resolve("de.csv");
    Files.writeString(
        list,
        "id,email,language,country,title,name,mission,salutation\nDEU,b@x.example,de,Germany,H.E.,X,Mission,Exzellenz\n");

    CliRun run = CliRun.of("preview", LETTER, list.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            list
                + ":2: column 'language': 'de': "
                + LETTER
                + " has no letter in that language: add letter_de.properties (the text of letter.html in it) or a whole letter_de.html, or use one of en, es, fr\n1 problem; nothing was written.\n");
  }

  @Test
  void aListWithoutAColumnTheLetterReadsIsAnInputError() throws IOException {
    Path list = dir.resolve("short.csv");
    Files.writeString(list, "id,email,country\nAUT,a@x.example,Austria\n");

    CliRun run = CliRun.of("preview", LETTER, list.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(LETTER + "/letter.html:")
        .contains(
            ": unknown variable 'title'; the recipient list's columns are: id, email, country\n");
  }

  @Test
  void unknownIdInOnlyIsAnInputError() {
    CliRun run = CliRun.of("preview", LETTER, LIST, "--only", "AUT,XYZ");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "--only: no recipient with id 'XYZ' in "
                + LIST
                + "\n1 problem; nothing was written.\n");
  }

  @Test
  void aMisspeltFormatIsOneLineNamingTheFormatsAndTheOneMeant() {
    CliRun run = CliRun.of("preview", LETTER, LIST, "--format", "pfd");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "circular: --format: 'pfd' is not a format; did you mean 'pdf'?"
                + " (the formats are text, html, eml, pdf)\n");
  }

  @Test
  void aFormatFarFromAnyIsOneLineNamingTheFormats() {
    CliRun run = CliRun.of("preview", LETTER, LIST, "--format", "docx");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "circular: --format: 'docx' is not a format (the formats are text, html, eml, pdf)\n");
  }

  @Test
  void otherUsageMistakesAreOneLineWithWhereToReadMoreAndExitTwo() {
    CliRun run = CliRun.of("preview", LETTER, LIST, "--port", "80");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "circular: --port is the port of --serve: add --serve, or drop --port\n"
                + "Try 'circular preview --help'.\n");
  }

  @Test
  void helpDescribesTheCommandAndExitsZero() {
    CliRun run = CliRun.of("preview", "--help");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("Usage: circular preview")
        .contains("--only")
        .contains("--format")
        .contains("--out")
        .contains("--serve")
        .contains("--port")
        .contains("(default: 3080;");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("circular: a command is required");
  }
}
