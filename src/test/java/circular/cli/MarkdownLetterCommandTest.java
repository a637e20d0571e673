package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A letter written in Markdown ({@code letter.md}), translated by messages into Spanish and as a
 * whole letter into French ({@code letter_fr.md}), through preview and send as a user runs them.
 */
class MarkdownLetterCommandTest {
  private static final Path LETTER = Path.of("src/test/resources/letters/markdown-invitation");
  private static final Path LIST = Path.of("src/test/resources/letters/markdown-recipients.csv");

  @TempDir Path dir;

  private static String expected(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/expected", name), StandardCharsets.UTF_8);
  }

  /** A copy of the test letter to edit. */
  private Path copy() throws IOException {
    Path letter = dir.resolve("markdown-invitation");
    Files.createDirectories(letter);
    try (Stream<Path> files = Files.list(LETTER)) {
      for (Path file : files.toList()) {
        Files.copy(file, letter.resolve(file.getFileName()));
      }
    }
    return letter;
  }

  @ParameterizedTest
  @ValueSource(strings = {"KNA", "FRA", "MEX"})
  void rendersTheMarkdownLetterInEachDelegationsLanguage(String id) throws IOException {
    CliRun text = CliRun.of("preview", LETTER.toString(), LIST.toString(), "--only", id);
    CliRun html =
        CliRun.of("preview", LETTER.toString(), LIST.toString(), "--only", id, "--format", "html");

    assertThat(text.status()).as(text.toString()).isZero();
    assertThat(text.out()).isEqualTo(expected("markdown-invitation-" + id + ".txt"));
    assertThat(text.err()).isEmpty();
    assertThat(html.status()).as(html.toString()).isZero();
    assertThat(html.out()).isEqualTo(expected("markdown-invitation-" + id + ".html"));
  }

  @Test
  void anUnknownVariableIsReportedAtItsLineAndColumnInTheMarkdownFile() throws IOException {
    Path letter = copy();
    Path md = letter.resolve("letter_fr.md");
    Files.writeString(
        md, Files.readString(md).replace("la **[(${country})]**", "la **[(${contry})]**"));

    CliRun run = CliRun.of("preview", letter.toString(), LIST.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            md
                + ":11:48: unknown variable 'contry'; did you mean 'country'?\n1 problem; nothing was written.\n");
  }

  @Test
  void aPlaceholderInAnotherMailMergesNotationStopsTheLetterInsteadOfReachingTheDelegation()
      throws IOException {
    Path letter = copy();
    Path md = letter.resolve("letter_fr.md");
    Files.writeString(
        md, Files.readString(md).replace("la **[(${country})]**", "la **{{ country }}**"));

    CliRun run = CliRun.of("send", letter.toString(), LIST.toString(), "--dry-run");

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            md
                + ":11:48: '{{ country }}' would reach the delegation as typed; a column is written"
                + " [(${country})]\n1 problem; nothing was sent.\n");
  }

  @Test
  void anUnknownMessageAndAnUnclosedExpressionAreReportedAtTheirPlaces() throws IOException {
    Path letter = copy();
    Path md = letter.resolve("letter.md");
    Files.writeString(
        md,
        Files.readString(md)
            .replace("[(#{closing})]", "[(#{closure})]")
            .replace("[(${mission})]", "[(${mission}"));

    CliRun unclosed = CliRun.of("preview", letter.toString(), LIST.toString());
    Files.writeString(md, Files.readString(md).replace("[(${mission}", "[(${mission})]"));
    CliRun unknown = CliRun.of("preview", letter.toString(), LIST.toString(), "--only", "KNA");

    assertThat(unclosed.status()).as(unclosed.toString()).isEqualTo(2);
    assertThat(unclosed.err())
        .isEqualTo(
            md
                + ":7:1: '[(' opens an expression that is not closed by ')]' on its line\n1 problem; nothing was written.\n");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(2);
    assertThat(unknown.err())
        .isEqualTo(
            md
                + ":23:1: unknown message key 'closure': add it to letter.properties\n1 problem; nothing was written.\n");
  }

  @Test
  void sendSaysWhichFileTheLettersOfEachLanguageComeFrom() {
    CliRun run =
        CliRun.of(
            "send", LETTER.toString(), LIST.toString(), "--campaign", dir.toString(), "--dry-run");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "Letters to send, by the file they are written from: letter.md + letter.properties 1, letter_fr.md 1,"
                + " letter.md + letter_es.properties 1.\n"
                + "Would send 3 letters through the sandbox; 0 already sent, 0 failed before, 0 in doubt.\n");
  }

  @Test
  void theMarkdownLetterPrintsAsAPdf() throws IOException {
    CliRun run =
        CliRun.of(
            "preview",
            LETTER.toString(),
            LIST.toString(),
            "--only",
            "FRA",
            "--format",
            "pdf",
            "--out",
            dir.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("FRA.pdf").toFile())) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("Convention sur les armes à sous-munitions")
          .contains("Coopération et assistance")
          .doesNotContain("[(")
          .doesNotContain("translator");
    }
  }
}
