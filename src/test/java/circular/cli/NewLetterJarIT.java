package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first letter, each step through the packaged jar in a folder of their own: {@code
 * new}, a short letter in Markdown with its French translation as a whole file, a typo caught at
 * its line and column, the preview for an English and a French delegation, the send through the
 * sandbox, and a second {@code new} that changes nothing.
 */
class NewLetterJarIT {
  @TempDir Path work;

  private static final String LETTER =
      """
      <!-- Our first letter. -->
      Geneva, 2 April 2012

      [(${salutation})]

      The delegation of **[(${country})]** is invited to the meeting of 18 April.

      | Date | Room |
      |---|---|
      | 18 April 2012 | XIX |

      Elena Marwick
      Ambassador
      """;

  private static final String FRENCH =
      """
      Genève, le 2 avril 2012

      [(${salutation})]

      La délégation de **[(${country})]** est invitée à la réunion du 18 avril.

      | Date | Salle |
      |---|---|
      | 18 avril 2012 | XIX |

      Elena Marwick
      Ambassadrice
      """;

  @Test
  void aNewcomerWritesPreviewsAndSendsAMarkdownLetterWithAFrenchTranslation() throws Exception {
    JarProcess.Result created = JarProcess.run(work, "new", "first-letter", "--languages", "en,fr");
    assertThat(created.status()).as(created.toString()).isZero();
    assertThat(created.out())
        .endsWith("  circular preview first-letter first-letter-sample --only IRL,SEN\n");

    Path folder = work.resolve("letter-templates/first-letter");
    Files.writeString(
        folder.resolve("letter.md"), LETTER.replace("[(${country})]", "[(${contry})]"));
    Files.writeString(folder.resolve("letter_fr.md"), FRENCH);
    JarProcess.Result typo =
        JarProcess.run(work, "preview", "first-letter", "first-letter-sample", "--only", "IRL,SEN");
    assertThat(typo.status()).as(typo.toString()).isEqualTo(2);
    assertThat(typo.err())
        .isEqualTo(
            Path.of("letter-templates/first-letter/letter.md")
                + ":6:21: unknown variable 'contry'; did you mean 'country'?\n1 problem; nothing was written.\n");

    Files.writeString(folder.resolve("letter.md"), LETTER);
    JarProcess.Result preview =
        JarProcess.run(work, "preview", "first-letter", "first-letter-sample", "--only", "IRL,SEN");
    assertThat(preview.status()).as(preview.toString()).isZero();
    assertThat(preview.out())
        .contains(
            "Letter file: letter.md + letter.properties\n\nGeneva, 2 April 2012\n\nExcellency,\n\n"
                + "The delegation of **Ireland** is invited to the meeting of 18 April.\n")
        .contains(
            "Letter file: letter_fr.md\n\nGenève, le 2 avril 2012\n\nExcellence,\n\n"
                + "La délégation de **Sénégal** est invitée à la réunion du 18 avril.\n")
        .doesNotContain("Our first letter");

    JarProcess.Result sent = JarProcess.run(work, "send", "first-letter", "first-letter-sample");
    assertThat(sent.status()).as(sent.toString()).isZero();
    assertThat(sent.out())
        .startsWith(
            "Letters to send, by the file they are written from: letter.md + letter.properties 1, letter_fr.md 1.\n"
                + "Sent 2, deferred 0, failed 0, in doubt 0 (through the sandbox");
    List<String> rows = Files.readAllLines(work.resolve("campaigns/first-letter/sent.csv"));
    assertThat(rows.stream().filter(r -> r.contains(",sent,"))).hasSize(2);
    MimeMessage french =
        onlyLetterIn(
            work.resolve("campaigns/first-letter/sandbox/geneve@sen-sample.example/INBOX"));
    assertThat(french.getSubject()).isEqualTo("Demande d'information – Sénégal");
    assertThat(french.getContentLanguage()).containsExactly("fr");

    Path before = folder.resolve("letter.md");
    JarProcess.Result again = JarProcess.run(work, "new", "first-letter");
    assertThat(again.status()).as(again.toString()).isEqualTo(2);
    assertThat(again.err())
        .isEqualTo(
            Path.of("letter-templates/first-letter")
                + ": already exists; nothing was changed. Choose another name, or edit the letter there\n");
    assertThat(Files.readString(before, StandardCharsets.UTF_8)).isEqualTo(LETTER);
  }

  private static MimeMessage onlyLetterIn(Path inbox) throws Exception {
    try (Stream<Path> files = Files.list(inbox)) {
      List<Path> letters = files.filter(f -> f.toString().endsWith(".eml")).toList();
      assertThat(letters).hasSize(1);
      try (InputStream in = Files.newInputStream(letters.get(0))) {
        return new MimeMessage(Session.getInstance(new Properties()), in);
      }
    }
  }
}
