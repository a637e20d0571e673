package circular.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import circular.recipients.Recipient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code pdf} and {@code pdf.letterhead} in a letter's properties do. */
class PdfSettingsTest {
  @TempDir Path dir;

  private Recipient france() {
    return LetterFolder.list(dir, "id,country,email\nFRA,France,a@fra.example\n")
        .recipients()
        .get(0);
  }

  private String problemsOf(LetterFolder folder) {
    return String.join("\n", LetterFolder.problems(dir, folder::load));
  }

  @Test
  void pdfAttachEnclosesTheLetterAsAPdfNamedForTheLetterAndTheRecipient() {
    LetterTemplate template =
        new LetterFolder(dir).html("<p>Excellence,</p>").properties("pdf = attach\n").load();

    Letter letter = template.enclosePdf(template.render(france()));

    assertThat(letter.enclosures())
        .singleElement()
        .satisfies(
            pdf -> {
              assertThat(pdf.fileName()).isEqualTo("letter-FRA.pdf");
              assertThat(pdf.contentType()).isEqualTo("application/pdf");
              assertThat(PdfPages.of(pdf.content()).words()).isEqualTo("Excellence,");
            });
    assertThat(letter.fileNames()).containsExactly("letter-FRA.pdf");
  }

  @Test
  void withoutPdfAttachNothingIsEnclosed() {
    LetterTemplate template =
        new LetterFolder(dir).html("<p>Excellence,</p>").properties("").load();

    Letter letter = template.enclosePdf(template.render(france()));

    assertThat(letter.enclosures()).isEmpty();
  }

  @Test
  void aTranslationMayChooseOtherwise() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p>Excellence,</p>")
            .properties("pdf = attach\n")
            .file("letter_fr.properties", "pdf = no\n")
            .load();

    assertThat(template.attachesPdf("en")).isTrue();
    assertThat(template.attachesPdf("fr")).isFalse();
  }

  @Test
  void anUnknownSettingIsAProblemThatSaysWhatToWrite() {
    assertThat(problemsOf(new LetterFolder(dir).html("<p>x</p>").properties("pdf = yes please\n")))
        .isEqualTo(
            "letter/letter.properties:3: key 'pdf': 'yes please' is not a setting; write pdf = attach to send each letter's PDF with it, or pdf = no");
  }

  @Test
  void aLetterheadThatIsMissingOrNotAnImageIsAProblem() throws Exception {
    LetterFolder folder =
        new LetterFolder(dir)
            .html("<p>x</p>")
            .properties("pdf.letterhead = head.png\n")
            .file("letter_fr.properties", "pdf.letterhead = notes.txt\n")
            .file("notes.txt", "not an image");
    Files.writeString(dir.resolve("outside.png"), "x");

    assertThat(problemsOf(folder))
        .isEqualTo(
            "letter/letter.properties:3: key 'pdf.letterhead': no readable file 'head.png' in letter\n"
                + "letter/letter_fr.properties:1: key 'pdf.letterhead': 'notes.txt' is not a PNG or JPEG image");
    assertThat(
            problemsOf(
                folder
                    .properties("pdf.letterhead = ../outside.png\n")
                    .file("letter_fr.properties", "")))
        .isEqualTo(
            "letter/letter.properties:3: key 'pdf.letterhead': no readable file '../outside.png' in letter");
  }

  @Test
  void theSampleLetterAttachesItsPdf() {
    LetterTemplate sample =
        LetterTemplate.load(Path.of("letter-templates/2012-03-22-nim-invitation"));

    assertThat(sample.languages())
        .allSatisfy(language -> assertThat(sample.attachesPdf(language)).isTrue());
  }

  @Test
  void aPdfThatCannotBePrintedIsAProblemNotACrash() {
    LetterTemplate template = new LetterFolder(dir).html("<p>x</p>").properties("").load();
    Letter letter = template.render(france());

    assertThatThrownBy(
            () ->
                template.pdf(
                    new Letter(
                        letter.name(),
                        letter.recipient(),
                        "en",
                        "s",
                        letter.from(),
                        letter.replyTo(),
                        letter.to(),
                        letter.cc(),
                        letter.bcc(),
                        "t",
                        null,
                        letter.attachments())))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p ->
                            assertThat(p.toString())
                                .startsWith(
                                    folderHtml() + ": cannot be printed as a PDF for FRA: ")));
  }

  private String folderHtml() {
    return dir.resolve("letter").resolve("letter.html").toString();
  }
}
