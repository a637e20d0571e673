package circular.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import circular.recipients.Recipient;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetterTemplateTest {
  @TempDir Path dir;

  private Recipient recipient(String language) {
    return LetterFolder.list(
            dir,
            "id,country,name,language,email,cc\nFRA,France,Jean Exemple,"
                + language
                + ",a@fra.example,c@fra.example\n")
        .recipients()
        .get(0);
  }

  private List<String> problems(ThrowingCallable call) {
    return LetterFolder.problems(dir, call);
  }

  @Test
  void rendersVariablesMessagesAndHeadersInTheRecipientsLanguage() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p th:text=\"#{greeting(${name})}\">x</p>\n<p th:text=\"${country}\">x</p>")
            .properties(
                "reply-to=Helen Marsh <contact@mission.example>\ncc=archive@mission.example\ngreeting=Dear {0},\n")
            .file(
                "letter_fr.properties",
                "subject=Invitation adressée à la [(${country})] d'ici au 6 avril\nfrom=Coordination <office@mission.example>\n"
                    + "greeting=Madame, Monsieur {0}, j'ai l'honneur de l'article 9 d'avancement\n")
            .load();

    Letter letter = template.render(recipient("fr"));

    assertThat(letter.language()).isEqualTo("fr");
    assertThat(letter.subject()).isEqualTo("Invitation adressée à la France d'ici au 6 avril");
    assertThat(letter.from()).isEqualTo(new NamedAddress("office@mission.example", "Coordination"));
    assertThat(letter.replyTo())
        .containsExactly(new NamedAddress("contact@mission.example", "Helen Marsh"));
    assertThat(letter.to()).containsExactly(NamedAddress.of("a@fra.example"));
    assertThat(letter.cc())
        .containsExactly(
            NamedAddress.of("archive@mission.example"), NamedAddress.of("c@fra.example"));
    assertThat(letter.html())
        .contains(
            "<p>Madame, Monsieur Jean Exemple, j&#39;ai l&#39;honneur de l&#39;article 9 d&#39;avancement</p>")
        .contains("<p>France</p>");
    assertThat(letter.text())
        .isEqualTo(
            "Madame, Monsieur Jean Exemple, j'ai l'honneur de l'article 9\nd'avancement\n\nFrance\n");
  }

  @Test
  void missingKeysFallBackToTheDefaultFileAndEmptyLanguageMeansDefault() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p th:text=\"#{closing}\">x</p><p th:text=\"#{greeting}\">x</p>")
            .properties("greeting=Excellency,\nclosing=Highest consideration.\n")
            .file("letter_fr.properties", "greeting=Excellence,\n")
            .load();

    assertThat(template.render(recipient("fr")).text())
        .isEqualTo("Highest consideration.\n\nExcellence,\n");
    assertThat(template.render(recipient("")).text())
        .isEqualTo("Highest consideration.\n\nExcellency,\n");
    assertThat(template.render(recipient("")).language()).isEqualTo("en");
    assertThat(template.languages()).containsExactly("en", "fr");
  }

  @Test
  void aLanguageWithoutTranslationIsAProblemNamingTheFileToAdd() {
    LetterTemplate template = new LetterFolder(dir).html("<p>x</p>").properties("").load();

    assertThat(template.languageProblem("de"))
        .hasValue(
            "'de': "
                + dir.resolve("letter")
                + " has no letter in that language: add letter_de.properties (the text of letter.html in it) or a whole letter_de.html, or use one of en");
    assertThat(template.languageProblem("en")).isEmpty();
    assertThat(template.languageProblem("")).isEmpty();
  }

  @Test
  void regionalLanguageFallsBackToItsBaseLanguage() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p th:text=\"#{greeting}\">x</p>")
            .properties("greeting=Excellency,\n")
            .file("letter_fr.properties", "greeting=Excellence,\n")
            .load();

    assertThat(template.languageProblem("fr-ch")).isEmpty();
    assertThat(template.render(recipient("fr-CH")).text()).isEqualTo("Excellence,\n");
  }

  @Test
  void aColumnNamedForTheLettersLanguageStandsInForItsBaseColumnUnlessEmpty() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p th:text=\"${country}\">x</p><p th:text=\"${country_fr}\">x</p>")
            .properties("")
            .file("letter_fr.properties", "lang=fr\nsubject=Invitation ([(${country})])\n")
            .file("letter_es.properties", "lang=es\nsubject=Invitación ([(${country})])\n")
            .load();
    var list =
        LetterFolder.list(
            dir,
            "id,country,country_fr,country_es,language,email\n"
                + "BEL,Belgium,Belgique,Bélgica,fr,a@bel.example\n"
                + "CHE,Switzerland,Suisse,,es,a@che.example\n"
                + "GBR,United Kingdom,Royaume-Uni,Reino Unido,en,a@gbr.example\n");

    List<Letter> letters = list.recipients().stream().map(template::render).toList();

    assertThat(letters)
        .extracting(Letter::subject)
        .containsExactly(
            "Invitation (Belgique)", "Invitación (Switzerland)", "Invitation (United Kingdom)");
    assertThat(letters.get(0).text()).isEqualTo("Belgique\n\nBelgique\n");
    assertThat(letters.get(2).text()).isEqualTo("United Kingdom\n\nRoyaume-Uni\n");
  }

  @Test
  void unknownVariableIsAnErrorAtItsLineAndColumnWithASuggestion() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p>Dear</p>\n<p th:text=\"${contry}\">x</p>")
            .properties("")
            .load();

    assertThat(problems(() -> template.render(recipient("en"))))
        .containsExactly(
            "letter/letter.html:5:4: unknown variable 'contry'; did you mean 'country'?");
  }

  @Test
  void unknownVariableFarFromAnyColumnListsTheColumns() {
    LetterTemplate template =
        new LetterFolder(dir).html("<p th:text=\"${ambassador}\">x</p>").properties("").load();

    assertThat(problems(() -> template.render(recipient("en"))))
        .containsExactly(
            "letter/letter.html:4:4: unknown variable 'ambassador'; the recipient list's columns are: id, country, name, language, email, cc");
  }

  @Test
  void unknownVariableInTheSubjectNamesThePropertiesFile() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p>x</p>")
            .file("letter.properties", "subject=About [(${nation})]\nfrom=office@mission.example\n")
            .load();

    assertThat(problems(() -> template.render(recipient("en"))))
        .containsExactly(
            "letter/letter.properties:1: key 'subject': unknown variable 'nation'; the recipient list's columns are: id, country, name, language, email, cc");
  }

  @Test
  void unknownMessageKeyIsAnErrorNeverAPlaceholder() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p th:text=\"#{greeting}\">x</p>")
            .properties("")
            .file("letter_fr.properties", "lang=fr\n")
            .load();

    assertThat(problems(() -> template.render(recipient("fr"))))
        .containsExactly(
            "letter/letter.html:4:4: unknown message key 'greeting': add it to letter_fr.properties or letter.properties");
    assertThat(problems(() -> template.render(recipient("en"))))
        .containsExactly(
            "letter/letter.html:4:4: unknown message key 'greeting': add it to letter.properties");
  }

  @Test
  void everyUnknownVariableAndMessageOfTheHtmlIsReportedAtItsPlaceInOneRender() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html(
                "<p th:text=\"${cuntry}\">x</p>\n<p th:text=\"#{para.x}\">x</p>\n"
                    + "<p th:text=\"|${name}, ${missoin}|\">x</p>\n<p th:text=\"#{para.y(${cuntry})}\">x</p>")
            .properties("")
            .load();

    assertThat(problems(() -> template.render(recipient("en"))))
        .containsExactly(
            "letter/letter.html:4:4: unknown variable 'cuntry'; did you mean 'country'?",
            "letter/letter.html:5:4: unknown message key 'para.x': add it to letter.properties",
            "letter/letter.html:6:4: unknown variable 'missoin'; the recipient list's columns are: id, country, name, language, email, cc",
            "letter/letter.html:7:4: unknown variable 'cuntry'; did you mean 'country'?",
            "letter/letter.html:7:4: unknown message key 'para.y': add it to letter.properties");
    assertThat(problems(() -> template.check(recipient("en"))))
        .isEqualTo(problems(() -> template.render(recipient("en"))));
  }

  @Test
  void everyUnknownNameOfTheTextTemplateAndOfTheSubjectIsReportedWithTheHtmls() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p th:text=\"${cuntry}\">x</p>")
            .file("letter.txt", "Dear [(${titel})] [(${name})],\n\n[(#{body})]\n[(#{closing})]\n")
            .file(
                "letter.properties",
                "from=office@mission.example\nsubject=[(#{invitation})] ([(${nation})], [(${cuntry})])\n")
            .load();

    assertThat(problems(() -> template.render(recipient("en"))))
        .containsExactly(
            "letter/letter.html:4:4: unknown variable 'cuntry'; did you mean 'country'?",
            "letter/letter.txt:1:8: unknown variable 'titel'; the recipient list's columns are: id, country, name, language, email, cc",
            "letter/letter.txt:3:3: unknown message key 'body': add it to letter.properties",
            "letter/letter.txt:4:3: unknown message key 'closing': add it to letter.properties",
            "letter/letter.properties:2: key 'subject': unknown message key 'invitation': add it to letter.properties",
            "letter/letter.properties:2: key 'subject': unknown variable 'nation'; the recipient list's columns are: id, country, name, language, email, cc",
            "letter/letter.properties:2: key 'subject': unknown variable 'cuntry'; did you mean 'country'?");
  }

  @Test
  void unknownNamesAreReportedInTheLanguageOfTheRecipientAndAProblemOfAnotherKindEndsTheList() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html(
                "<p th:text=\"#{greeting}\">x</p>\n<p th:text=\"${contry}\">x</p>\n<p th:text=\"${name.nope}\">x</p>\n<p th:text=\"${after}\">x</p>")
            .properties("greeting=Excellency,\n")
            .file("letter_fr.properties", "lang=fr\n")
            .load();

    List<String> french = problems(() -> template.render(recipient("fr")));

    assertThat(french).hasSize(2);
    assertThat(french.get(0))
        .isEqualTo("letter/letter.html:5:4: unknown variable 'contry'; did you mean 'country'?");
    assertThat(french.get(1)).startsWith("letter/letter.html:6:4: ").contains("nope");
  }

  @Test
  void whatAnUnknownNameIsAskedForIsNoProblemOfItsOwn() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html(
                "<p th:text=\"${delegation.head.name}\">x</p>\n<p th:text=\"${#strings.toUpperCase(misson)}\">x</p>")
            .properties("")
            .load();

    assertThat(problems(() -> template.render(recipient("en"))))
        .containsExactly(
            "letter/letter.html:4:4: unknown variable 'delegation'; the recipient list's columns are: id, country, name, language, email, cc",
            "letter/letter.html:5:4: unknown variable 'misson'; the recipient list's columns are: id, country, name, language, email, cc");
  }

  @Test
  void aCheckThatFoundProblemsLeavesNoStandInForTheLettersRenderedAfterIt() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html(
                "<p th:text=\"${country}\">x</p>\n"
                    + "<p th:if=\"${language == 'fr'}\" th:text=\"|${missoin} #{para.x}|\">x</p>")
            .properties("")
            .file("letter_fr.properties", "lang=fr\n")
            .load();
    Letter before = template.render(recipient("en"));

    assertThat(problems(() -> template.render(recipient("fr"))))
        .containsExactly(
            "letter/letter.html:5:32: unknown variable 'missoin'; the recipient list's columns are: id, country, name, language, email, cc",
            "letter/letter.html:5:32: unknown message key 'para.x': add it to letter_fr.properties or letter.properties");
    Letter after = template.render(recipient("en"));

    assertThat(after.html()).isEqualTo(before.html()).doesNotContain("missoin", "para.x");
    assertThat(after.text()).isEqualTo("France\n");
  }

  @Test
  void localVariablesOfTheTemplateStillWork() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html(
                "<p th:with=\"who=${name}\" th:text=\"${who}\">x</p>"
                    + "<ul><li th:each=\"part : ${#strings.arraySplit(email, ';')}\" th:text=\"${part}\">x</li></ul>")
            .properties("")
            .load();

    assertThat(template.render(recipient("en")).text())
        .isEqualTo("Jean Exemple\n\n- a@fra.example\n");
  }

  @Test
  void plainTextTemplateIsUsedWhenPresent() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p>HTML</p>")
            .file("letter.txt", "Dear [(${name})],\n\n[(#{body})]\n")
            .properties("body=Text with an apostrophe: l'article & <b>no escaping</b>\n")
            .load();

    assertThat(template.render(recipient("en")).text())
        .isEqualTo(
            "Dear Jean Exemple,\n\nText with an apostrophe: l'article & <b>no escaping</b>\n");
  }

  @Test
  void missingSubjectFromAndAttachmentsAreReportedTogether() {
    LetterFolder folder =
        new LetterFolder(dir)
            .html("<p>x</p>")
            .file(
                "letter.properties",
                "reply-to=not an address\nattachments=annex.pdf; programme.pdf\n");
    folder.file("annex.pdf", "%PDF");

    assertThat(problems(folder::load))
        .containsExactly(
            "letter/letter.properties: missing key 'subject': the letter's subject line, e.g. subject=Invitation",
            "letter/letter.properties: missing key 'from': the sender, e.g. from=Office <office@mission.example>",
            "letter/letter.properties:1: key 'reply-to': 'not an address' is not a list of email addresses",
            "letter/letter.properties:2: key 'attachments': no readable file 'programme.pdf' in letter");
  }

  @Test
  void aMisspeltLetterNameIsLookedForInLetterTemplatesWhichItsMessageLists() {
    Path folder = LetterTemplate.folderNamed("2012-03-22-nim-invitaton");

    assertThat(folder).isEqualTo(Path.of("letter-templates", "2012-03-22-nim-invitaton"));
    assertThatThrownBy(() -> LetterTemplate.load(folder))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "letter-templates/2012-03-22-nim-invitaton: no such letter folder;"
                + " did you mean '2012-03-22-nim-invitation'? (the letters in letter-templates/:"
                + " 2012-03-22-nim-invitation, 2012-03-22-nim-invitation-reminder)");
  }

  @Test
  void aLetterNamedByItsPathIsTakenAsTyped() {
    assertThat(LetterTemplate.folderNamed("letter-templates/2012-03-22-nim-invitation"))
        .isEqualTo(Path.of("letter-templates/2012-03-22-nim-invitation"));
    assertThat(LetterTemplate.folderNamed("src/none")).isEqualTo(Path.of("src/none"));
  }

  @Test
  void missingFolderAndMissingFilesAreNamed() {
    assertThatThrownBy(() -> LetterTemplate.load(dir.resolve("nope")))
        .isInstanceOf(InputException.class)
        .hasMessage(dir.resolve("nope") + ": no such letter folder");
    LetterFolder empty = new LetterFolder(dir);
    assertThat(problems(empty::load))
        .containsExactly(
            "letter/letter.html: no such file; write the letter as letter.html, or as letter.md in Markdown",
            "letter/letter.properties: no such file");
  }

  @Test
  void templateSyntaxErrorsAreOneLineWithPosition() {
    LetterTemplate template =
        new LetterFolder(dir).html("<p th:text=\"${name\">x</p>").properties("").load();

    assertThat(problems(() -> template.render(recipient("en"))))
        .singleElement()
        .asString()
        .startsWith("letter/letter.html:4:")
        .contains("${name")
        .doesNotContain("\n");
  }

  @Test
  void attachmentsOfTheLetterComeBeforeTheRecipientsOwn() {
    LetterFolder folder =
        new LetterFolder(dir).html("<p>x</p>").properties("attachments=annex.pdf\n");
    folder.file("annex.pdf", "%PDF");

    Letter letter = folder.load().render(recipient("en"));

    assertThat(letter.attachments()).containsExactly(dir.resolve("letter/annex.pdf"));
  }
}
