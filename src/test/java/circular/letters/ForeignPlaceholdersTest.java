package circular.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import circular.InputException;
import circular.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placeholders of other mail merges, which would reach a delegation as typed. */
class ForeignPlaceholdersTest {
  @TempDir Path dir;

  private static final Path FILE = Path.of("letter.md");

  @Test
  void aJinjaOrMustachePlaceholderIsAProblemAtItsLineAndColumnNamingTheNotationToWrite() {
    assertThat(ForeignPlaceholders.in(FILE, "Geneva\n\nDear {{ name }}, of {{country}}.\n", true))
        .extracting(Problem::toString)
        .containsExactly(
            "letter.md:3:6: '{{ name }}' would reach the delegation as typed; a column is written [(${name})]",
            "letter.md:3:21: '{{country}}' would reach the delegation as typed; a column is written [(${country})]");
  }

  @Test
  void aBareDollarPlaceholderIsAProblemInTextButNotInsideThymeleafsBracketsNorInHtml() {
    String text =
        "Dear ${name},\n[(${title})] [[${mission}]] [(#{invitation(${country})})]\n[# th:text=\"${x}\"/]\n";

    assertThat(ForeignPlaceholders.in(FILE, text, true))
        .extracting(Problem::toString)
        .containsExactly(
            "letter.md:1:6: '${name}' would reach the delegation as typed; a column is written [(${name})]");
    assertThat(
            ForeignPlaceholders.in(Path.of("letter.html"), "<p th:text=\"${name}\">x</p>", false))
        .isEmpty();
  }

  @Test
  void anExpressionLeftOpenIsLeftToItsOwnProblem() {
    assertThat(ForeignPlaceholders.in(FILE, "Dear [(${name}\n", true)).isEmpty();
  }

  @Test
  void wordsThatOnlyLookAlikeAreLetAlone() {
    assertThat(
            ForeignPlaceholders.in(
                FILE, "Le délai {0} « Genève » ${} {{}} { {country} } $country [country]\n", true))
        .isEmpty();
  }

  @Test
  void aLetterWithAForeignPlaceholderInItsSubjectDoesNotLoad() {
    LetterFolder folder =
        new LetterFolder(dir)
            .html("<p>x</p>")
            .file(
                "letter.properties",
                "subject=Invitation ({{country}})\nfrom=Office <office@mission.example>\n");

    assertThat(catchThrowableOfType(folder::load, InputException.class))
        .isNotNull()
        .extracting(e -> e.problems().get(0).toString())
        .isEqualTo(
            dir.resolve("letter/letter.properties")
                + ":1:21: '{{country}}' would reach the delegation as typed; a column is written [(${country})]");
  }
}
