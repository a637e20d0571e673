package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code circular new} in this JVM, writing into a temporary folder named by its path. */
class NewCommandTest {
  @TempDir Path dir;

  private Path letters() {
    return dir.resolve("letter-templates");
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static String listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return String.join(" ", files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void writesACommentedMarkdownLetterItsHeadersATranslationPerLanguageAndASampleList()
      throws IOException {
    Path folder = letters().resolve("2027-06-invitation");

    CliRun run = CliRun.of("new", folder.toString(), "--languages", "en,fr");

    Path list = dir.resolve("recipients/2027-06-invitation-sample.csv");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "Created "
                + folder
                + ": letter.md, letter.properties, letter_fr.md, letter_fr.properties\n"
                + "Created "
                + list
                + ": IRL (en), SEN (fr)\n"
                + "Next, edit "
                + folder.resolve("letter.md")
                + " and see the letters as they will leave:\n"
                + "  circular preview "
                + folder
                + " "
                + list
                + " --only IRL,SEN\n");
    assertThat(listing(folder))
        .isEqualTo("letter.md letter.properties letter_fr.md letter_fr.properties");
    assertThat(read(folder.resolve("letter.md")))
        .startsWith("<!--\n  letter.md: the letter, written in Markdown.")
        .contains("[(${salutation})]");
    assertThat(read(folder.resolve("letter_fr.md"))).contains("Je vous prie d'agréer");
    assertThat(read(folder.resolve("letter.properties")))
        .contains(
            "# reply-to ",
            "# cc, bcc ",
            "# attachments ",
            "# pdf ",
            "# pdf.letterhead ",
            "# follows ")
        .contains("\nlang = en\nsubject = Request for information – [(${country})]\nfrom = ");
    assertThat(read(folder.resolve("letter_fr.properties")))
        .contains("\nsubject = Demande d'information – [(${country})]\n");
    assertThat(read(list))
        .startsWith(
            "id,country,country_fr,country_es,title,name,mission,salutation,language,email\n");
    assertThat(read(list).lines().skip(1))
        .as("fictional addresses only")
        .hasSize(2)
        .allSatisfy(row -> assertThat(row).endsWith(".example"));
  }

  @Test
  void theLetterItWritesPreviewsAtOnceInBothLanguages() {
    Path folder = letters().resolve("invitation");
    CliRun.of("new", folder.toString(), "--languages", "en,fr");

    CliRun run =
        CliRun.of(
            "preview",
            folder.toString(),
            dir.resolve("recipients/invitation-sample.csv").toString(),
            "--only",
            "IRL,SEN");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains(
            "Subject: Request for information – Ireland\nLanguage: en\nLetter file: letter.md + letter.properties\n\nGeneva, 1 June 2027\n")
        .contains(
            "Subject: Demande d'information – Sénégal\nLanguage: fr\nLetter file: letter_fr.md\n\nGenève, le 1er juin 2027\n")
        .doesNotContain("<!--", "[(");
  }

  @Test
  void anExistingFolderIsNeverChanged() throws IOException {
    Path folder = letters().resolve("invitation");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("letter.md"), "Mine.\n");

    CliRun run = CliRun.of("new", folder.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            folder
                + ": already exists; nothing was changed. Choose another name, or edit the letter there\n");
    assertThat(listing(folder)).isEqualTo("letter.md");
    assertThat(read(folder.resolve("letter.md"))).isEqualTo("Mine.\n");
    assertThat(dir.resolve("recipients")).doesNotExist();
  }

  @Test
  void fromCopiesAnExistingLetterAndAddsATranslationToFillIn() throws IOException {
    Path folder = letters().resolve("invitation-2013");

    CliRun run =
        CliRun.of(
            "new", folder.toString(), "--from", "2012-03-22-nim-invitation", "--languages", "de");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(listing(folder))
        .isEqualTo(
            "letter.html letter.properties letter_de.properties letter_es.properties letter_fr.properties");
    assertThat(read(folder.resolve("letter.html")))
        .isEqualTo(read(Path.of("letter-templates/2012-03-22-nim-invitation/letter.html")));
    assertThat(read(folder.resolve("letter_de.properties")))
        .startsWith(
            "# letter_de.properties: the text of the letter for the delegations whose language is de.")
        .contains("\nlang = de\n")
        .contains("closing = Yours sincerely")
        .doesNotContain("ENGLISH");
    assertThat(run.out())
        .contains(
            "Created "
                + dir.resolve("recipients/invitation-2013-sample.csv")
                + ": IRL (en), XDE1 (de)\n");
  }

  @Test
  void aCopyTranslatedIntoSeveralLanguagesSamplesThemInTheOrderNamed() throws IOException {
    Path folder = letters().resolve("invitation-2013");

    CliRun run =
        CliRun.of(
            "new",
            folder.toString(),
            "--from",
            "2012-03-22-nim-invitation",
            "--languages",
            "en,fr,es,pt");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(read(folder.resolve("letter_pt.properties")))
        .startsWith(
            "# letter_pt.properties: the text of the letter for the delegations whose language is pt."
                + " Translate every text below: until then, they read it as it is.\n"
                + "# letter.properties says how to edit it; a key missing here is taken from there.\n"
                + "\n")
        .doesNotContain("ENGLISH")
        .contains("\nlang = pt\n");
    assertThat(run.out())
        .contains(
            "Created "
                + dir.resolve("recipients/invitation-2013-sample.csv")
                + ": IRL (en), SEN (fr)\n");
  }

  @Test
  void recipientsNamesAListToPreviewWithInsteadOfASample() {
    Path folder = letters().resolve("invitation");

    CliRun run =
        CliRun.of(
            "new",
            folder.toString(),
            "--languages",
            "fr",
            "--recipients",
            "ccm-states-parties-2012");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).endsWith("  circular preview " + folder + " ccm-states-parties-2012\n");
    assertThat(dir.resolve("recipients")).doesNotExist();
  }

  @Test
  void badNamesAndLanguagesAreOneLineEach() {
    CliRun name = CliRun.of("new", "my letter");
    CliRun languages =
        CliRun.of("new", letters().resolve("x").toString(), "--languages", "en,french,en");

    assertThat(name.status()).isEqualTo(2);
    assertThat(name.err())
        .isEqualTo(
            "my letter: is not a letter name; use letters, digits, '.', '_' and '-' (e.g. 2027-06-invitation)\n");
    assertThat(languages.status()).isEqualTo(2);
    assertThat(languages.err())
        .isEqualTo(
            "--languages: 'french' is not a language code; write codes such as en, fr, es or fr-CH\n"
                + "--languages: a language is named twice in en,french,en\n");
    assertThat(letters().resolve("x")).doesNotExist();
  }
}
