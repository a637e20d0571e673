package circular.letters;

import static org.assertj.core.api.Assertions.assertThat;

import circular.recipients.Recipient;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Letters written in Markdown ({@code letter.md}), and letters written whole for one language. */
class MarkdownLetterTest {
  @TempDir Path dir;

  private Recipient recipient(String language) {
    return LetterFolder.list(
            dir,
            "id,country,first_name,language,email\nKNA,Saint Kitts & Nevis,Grace_Ann <Jr>,"
                + language
                + ",a@kna.example\n")
        .recipients()
        .get(0);
  }

  private List<String> problems(ThrowingCallable call) {
    return LetterFolder.problems(dir, call);
  }

  private static String body(String html) {
    return html.substring(html.indexOf("<body>\n") + "<body>\n".length(), html.indexOf("</body>"));
  }

  @Test
  void expressionsKeepTheirUnderscoresAndTheListsDataIsEscapedInHtmlOnly() {
    LetterTemplate template =
        new LetterFolder(dir)
            .file("letter.md", "Dear _[(${first_name})]_ of [[${country}]],\nwith *emphasis*.\n")
            .properties("")
            .load();

    Letter letter = template.render(recipient("en"));

    assertThat(body(letter.html()))
        .isEqualTo(
            "<p>Dear <em>Grace_Ann &lt;Jr&gt;</em> of Saint Kitts &amp; Nevis,<br />\nwith <em>emphasis</em>.</p>\n");
    assertThat(letter.text())
        .isEqualTo("Dear _Grace_Ann <Jr>_ of Saint Kitts & Nevis,\nwith *emphasis*.\n");
  }

  @Test
  void aLanguageWithoutALetterNamesTheMarkdownFilesToAdd() {
    LetterTemplate template =
        new LetterFolder(dir).file("letter.md", "Text.\n").properties("").load();

    assertThat(template.languageProblem("es"))
        .hasValue(
            "'es': "
                + dir.resolve("letter")
                + " has no letter in that language: add letter_es.properties (the text of letter.md"
                + " in it) or a whole letter_es.md, or use one of en");
  }

  @Test
  void theHtmlPartIsADocumentInTheLettersLanguageWithTheLetterStyle() {
    LetterTemplate template =
        new LetterFolder(dir)
            .file("letter.md", "Text.\n")
            .properties("")
            .file("letter_fr.properties", "subject=Objet\n")
            .load();

    String html = template.render(recipient("fr")).html();

    assertThat(html)
        .startsWith(
            "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"UTF-8\"/>\n<style>\n")
        .contains("body { font-family: Georgia")
        .endsWith("<body>\n<p>Text.</p>\n</body>\n</html>\n");
  }

  @Test
  void notesInCommentsReachNeitherPart() {
    LetterTemplate template =
        new LetterFolder(dir)
            .file(
                "letter.md",
                "<!--\n  For the author: [(${nothing})]\n-->\n\nFirst <!-- aside --> line.\n\n<!-- end -->\n\nLast.\n")
            .properties("")
            .load();

    Letter letter = template.render(recipient("en"));

    assertThat(body(letter.html())).isEqualTo("<p>First  line.</p>\n<p>Last.</p>\n");
    assertThat(letter.text()).isEqualTo("First line.\n\nLast.\n");
  }

  @Test
  void tablesListsAndMessagesWithApostrophesRender() {
    LetterTemplate template =
        new LetterFolder(dir)
            .file(
                "letter.md",
                "| [(#{day})] | Room |\n|---|---|\n| 18 April | XIX |\n\n- [(#{point(${country})})]\n")
            .properties("day=Day\npoint=Rapport d'avancement de {0}\n")
            .load();

    Letter letter = template.render(recipient("en"));

    assertThat(body(letter.html()))
        .isEqualTo(
            "<table>\n<thead>\n<tr>\n<th>Day</th>\n<th>Room</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>18 April</td>\n"
                + "<td>XIX</td>\n</tr>\n</tbody>\n</table>\n<ul>\n<li>Rapport d&#39;avancement de Saint Kitts &amp; Nevis</li>\n</ul>\n");
    assertThat(letter.text())
        .isEqualTo(
            "| Day | Room |\n|---|---|\n| 18 April | XIX |\n\n- Rapport d'avancement de Saint Kitts & Nevis\n");
  }

  @Test
  void anUnknownVariableIsAnErrorAtTheMarkdownFilesLineAndColumn() {
    LetterTemplate template =
        new LetterFolder(dir)
            .file(
                "letter.md", "<!-- a note -->\n\n| A | B |\n|---|---|\n| x | **[(${contry})]** |\n")
            .properties("")
            .load();

    assertThat(problems(() -> template.render(recipient("en"))))
        .containsExactly(
            "letter/letter.md:5:9: unknown variable 'contry'; did you mean 'country'?");
    assertThat(problems(() -> template.check(recipient("en"))))
        .containsExactly(
            "letter/letter.md:5:9: unknown variable 'contry'; did you mean 'country'?");
  }

  @Test
  void everyUnknownVariableAndMessageIsReportedAtTheMarkdownFilesLinesAndColumns() {
    LetterTemplate template =
        new LetterFolder(dir)
            .file(
                "letter.md",
                "Dear [(${titel})] [(${first_name})],\n\n| A | B |\n|---|---|\n"
                    + "| x | **[(${contry})]** |\n\n[(#{closing})] [[${missoin}]]\n")
            .properties("")
            .load();

    assertThat(problems(() -> template.render(recipient("en"))))
        .containsExactly(
            "letter/letter.md:1:6: unknown variable 'titel'; the recipient list's columns are: id, country, first_name, language, email",
            "letter/letter.md:5:9: unknown variable 'contry'; did you mean 'country'?",
            "letter/letter.md:7:1: unknown message key 'closing': add it to letter.properties",
            "letter/letter.md:7:16: unknown variable 'missoin'; the recipient list's columns are: id, country, first_name, language, email");
  }

  @Test
  void anExpressionInALinksAddressIsAProblemWhenTheFolderIsRead() {
    LetterFolder folder =
        new LetterFolder(dir)
            .file("letter.md", "Write to\n[us](mailto:[(${email})]).\n")
            .properties("");

    assertThat(problems(folder::load))
        .containsExactly(
            "letter/letter.md:2:13: an expression cannot go in a link's address, an image or an HTML tag; write it in the text");
  }

  @Test
  void aFolderWithBothLetterHtmlAndLetterMdIsAProblem() {
    LetterFolder folder =
        new LetterFolder(dir).html("<p>x</p>").file("letter.md", "x\n").properties("");

    assertThat(problems(folder::load))
        .containsExactly(
            "letter/letter.md: the folder also has letter.html; a letter is written in one of them: remove or rename the other");
  }

  @Test
  void aWholeLetterOfALanguageIsUsedInsteadOfTheMainOneAndMakesTheLanguageKnown() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p th:text=\"#{greeting}\">x</p>")
            .file("letter.txt", "[(#{greeting})] (text)\n")
            .properties("greeting=Excellency,\n")
            .file("letter_fr.md", "Excellence, [(${country})].\n")
            .load();

    Letter french = template.render(recipient("fr"));
    Letter english = template.render(recipient("en"));

    assertThat(template.languages()).containsExactly("en", "fr");
    assertThat(french.language()).isEqualTo("fr");
    assertThat(french.subject())
        .as("headers fall back to letter.properties")
        .isEqualTo("Invitation (Saint Kitts & Nevis)");
    assertThat(french.text())
        .as("letter.txt is the English text, not the French")
        .isEqualTo("Excellence, Saint Kitts & Nevis.\n");
    assertThat(english.text()).isEqualTo("Excellency, (text)\n");
    assertThat(template.writtenFrom("fr")).isEqualTo("letter_fr.md");
    assertThat(template.writtenFrom("fr-CH")).isEqualTo("letter_fr.md");
    assertThat(template.writtenFrom("")).isEqualTo("letter.html, letter.txt + letter.properties");
    assertThat(template.hasLetterPerLanguage()).isTrue();
  }

  @Test
  void aWholeHtmlLetterTakesItsOwnTextFileAndItsSubjectFromItsProperties() {
    LetterTemplate template =
        new LetterFolder(dir)
            .file("letter.md", "Excellency,\n")
            .properties("")
            .file("letter_es.html", "<html><body><p th:text=\"${country}\">x</p></body></html>")
            .file("letter_es.txt", "[(${country})], en texto\n")
            .file("letter_es.properties", "subject=Invitación ([(${country})])\n")
            .load();

    Letter spanish = template.render(recipient("es"));

    assertThat(spanish.subject()).isEqualTo("Invitación (Saint Kitts & Nevis)");
    assertThat(spanish.html()).contains("<p>Saint Kitts &amp; Nevis</p>");
    assertThat(spanish.text()).isEqualTo("Saint Kitts & Nevis, en texto\n");
    assertThat(template.writtenFrom("es")).isEqualTo("letter_es.html, letter_es.txt");
    assertThat(template.writtenFrom("en")).isEqualTo("letter.md + letter.properties");
  }

  @Test
  void aLetterWithOneBodyForEveryLanguageHasNoLetterPerLanguage() {
    LetterTemplate template =
        new LetterFolder(dir)
            .file("letter.md", "x\n")
            .properties("")
            .file("letter_fr.properties", "subject=Objet\n")
            .load();

    assertThat(template.hasLetterPerLanguage()).isFalse();
    assertThat(template.writtenFrom("fr")).isEqualTo("letter.md + letter_fr.properties");
  }
}
