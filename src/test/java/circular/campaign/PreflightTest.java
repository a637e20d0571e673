package circular.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import circular.InputException;
import circular.Problem;
import circular.letters.Letter;
import circular.recipients.Recipient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check before sending, over the sample letter, which goes with a PDF. */
class PreflightTest {
  @TempDir Path dir;
  private static final Path LETTER = Path.of("letter-templates/2012-03-22-nim-invitation");
  private static final Path LIST = Path.of("recipients/ccm-states-parties-2012.csv");

  @Test
  void aLetterPrintedForTheCheckLeavesAsItWasPrintedAndTheOthersArePrintedWhenTheyLeave() {
    Preflight.Prepared prepared = Preflight.check(LETTER, LIST, Set.of("AUT", "GBR", "FRA"));
    Recipient austria = prepared.recipients().recipients().get(0);
    Recipient britain = prepared.recipients().recipients().get(2);

    // one PDF a language: Austria's for English (the first English row), France's for French
    assertThat(prepared.printed().keySet()).containsExactlyInAnyOrder("AUT", "FRA");
    Letter checked = prepared.printed().get("AUT");
    assertThat(prepared.letterFor(austria)).isSameAs(checked);
    assertThat(checked.fileNames()).containsExactly("2012-03-22-nim-invitation-AUT.pdf");
    assertThat(prepared.letterFor(britain).fileNames())
        .containsExactly("2012-03-22-nim-invitation-GBR.pdf");
    assertThat(prepared.letterFor(britain).enclosures().get(0).content())
        .startsWith("%PDF-".getBytes());
  }

  @Test
  void problemsOfTheFolderOfTheBodyAndOfTheSubjectAreListedTogether() throws Exception {
    Path letter = Files.createDirectories(dir.resolve("letter"));
    try (Stream<Path> files = Files.list(LETTER)) {
      for (Path file : files.toList()) {
        Files.copy(file, letter.resolve(file.getFileName()));
      }
    }
    Path english = letter.resolve("letter.properties");
    Files.writeString(
        english,
        Files.readString(english, StandardCharsets.UTF_8)
                .replace("([(${country})])", "({{country}}) ([(${contry})])")
            + "attachments = programme.pdf\n",
        StandardCharsets.UTF_8);
    Path html = letter.resolve("letter.html");
    Files.writeString(
        html,
        Files.readString(html, StandardCharsets.UTF_8).replace("${mission}", "${misison}"),
        StandardCharsets.UTF_8);

    InputException e =
        catchThrowableOfType(
            () -> Preflight.check(letter, LIST, Set.of("AUT")), InputException.class);

    assertThat(e.problems().stream().map(Problem::toString))
        .anySatisfy(
            p -> assertThat(p).contains("'{{country}}' would reach the delegation as typed"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(english + ":")
                    .contains("key 'attachments': no readable file 'programme.pdf'"))
        .anySatisfy(
            p ->
                assertThat(p).startsWith(english + ":42: key 'subject': unknown variable 'contry'"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(html + ":")
                    .contains("unknown variable 'misison'; did you mean 'mission'?"))
        .hasSize(4);
  }

  @Test
  void everyUnknownNameIsListedOnceAtEachPlaceHoweverManyRowsMeetIt() throws Exception {
    Path letter = Files.createDirectories(dir.resolve("letter"));
    try (Stream<Path> files = Files.list(LETTER)) {
      for (Path file : files.toList()) {
        Files.copy(file, letter.resolve(file.getFileName()));
      }
    }
    Path html = letter.resolve("letter.html");
    Files.writeString(
        html,
        Files.readString(html, StandardCharsets.UTF_8)
            .replace("${mission}", "${missoin}")
            .replace("${salutation}", "${salutaton}"),
        StandardCharsets.UTF_8);

    InputException e =
        catchThrowableOfType(() -> Preflight.check(letter, LIST, Set.of()), InputException.class);

    assertThat(e.problems().stream().map(Problem::what))
        .containsExactly(
            "unknown variable 'missoin'; did you mean 'mission'?",
            "unknown variable 'salutaton'; did you mean 'salutation'?");
  }

  @Test
  void aRowsProblemAndAnotherRowsLetterProblemAreListedInOneRun() throws Exception {
    Path list = dir.resolve("states.csv");
    Files.writeString(
        list,
        "id,email,country,title,name,salutation,language,mission\n"
            + "AUT,geneva@aut-mission,Austria,H.E.,A,Excellency,,Permanent Mission of Austria\n"
            + "DEU,genf@deu-mission.example,Germany,H.E.,B,Excellency,de,Permanent Mission of"
            + " Germany\n"
            + "FRA,geneve@fra-mission.example,France,S.E.,C,Excellence,fr,Mission permanente de la"
            + " France\n",
        StandardCharsets.UTF_8);

    InputException all =
        catchThrowableOfType(() -> Preflight.check(LETTER, list, Set.of()), InputException.class);
    InputException only =
        catchThrowableOfType(
            () -> Preflight.check(LETTER, list, Set.of("DEU")), InputException.class);

    assertThat(all.problems()).hasSize(2);
    assertThat(all.problems().get(0).toString())
        .startsWith(list + ":2: column 'email': 'geneva@aut-mission' is not a whole email address");
    assertThat(all.problems().get(1).toString()).contains("column 'language'").contains("'de'");
    // with --only, the row named may be one with a problem: the list's problems alone, as before
    assertThat(only.problems()).hasSize(1);
  }
}
