package circular.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import circular.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipientReaderTest {
  @TempDir Path dir;

  private Path csv(String content) throws IOException {
    return write(content.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(byte[] bytes) throws IOException {
    Path file = dir.resolve("list.csv");
    Files.write(file, bytes);
    return file;
  }

  private List<String> problems(String content) throws IOException {
    Path file = csv(content);
    try {
      new RecipientReader().read(file);
    } catch (InputException e) {
      return e.problems().stream()
          .map(Problem::toString)
          .map(s -> s.replace(file.toString(), "list.csv"))
          .toList();
    }
    throw new AssertionError("expected problems in:\n" + content);
  }

  @Test
  void readsCommaSeparatedListWithSeveralAddressesAndCc() throws IOException {
    RecipientList list =
        new RecipientReader()
            .read(
                csv(
                    "id,country,name,language,email,cc\n"
                        + "AUT,Austria,Georg Lindner,en,a@aut.example,c@aut.example\n"
                        + "FRA,France,\"Dupont, Jean\",FR,\"x@fra.example; y@fra.example\",\n"));

    assertThat(list.columns()).containsExactly("id", "country", "name", "language", "email", "cc");
    assertThat(list.recipients()).hasSize(2);
    Recipient fra = list.recipients().get(1);
    assertThat(fra.id()).isEqualTo("FRA");
    assertThat(fra.emails()).containsExactly("x@fra.example", "y@fra.example");
    assertThat(fra.cc()).isEmpty();
    assertThat(fra.language()).isEqualTo("fr");
    assertThat(fra.fields())
        .containsEntry("name", "Dupont, Jean")
        .containsEntry("email", "x@fra.example;y@fra.example");
    assertThat(fra.line()).isEqualTo(3);
    assertThat(list.recipients().get(0).cc()).containsExactly("c@aut.example");
  }

  @Test
  void readsSemicolonSeparatedListWithBom() throws IOException {
    byte[] body =
        "id;email;country\nCIV;abidjan@civ.example;Côte d'Ivoire\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);

    RecipientList list = new RecipientReader().read(write(withBom));

    assertThat(list.columns()).containsExactly("id", "email", "country");
    assertThat(list.recipients().get(0).fields()).containsEntry("country", "Côte d'Ivoire");
  }

  @Test
  void controlCharactersInCellsBecomeSpaces() throws IOException {
    RecipientList list =
        new RecipientReader()
            .read(csv("id,email,name\nAUT,a@aut.example,\"Georg\r\nLindner\u0000\tSr.\"\n"));

    assertThat(list.recipients().get(0).fields().get("name")).isEqualTo("Georg Lindner Sr.");
  }

  @Test
  void lineNumbersCountQuotedLineBreaksAndBlankLines() throws IOException {
    List<String> problems =
        problems("id,email,name\nAUT,a@aut.example,\"two\nlines\"\n\nFRA,bad,x\n");

    assertThat(problems)
        .containsExactly("list.csv:5: column 'email': 'bad' is not an email address");
  }

  @Test
  void reportsEveryBadRowAtOnce() throws IOException {
    assertThat(
            problems(
                "id,email,cc,language\n"
                    + "AUT,not-an-address,,en\n"
                    + "FRA,\"a@fra.example, b@fra.example\",,fr\n"
                    + "aut,c@aut.example,,en\n"
                    + ",d@x.example,,en\n"
                    + "ESP,\"e@esp.example\nf@esp.example\",,es\n"
                    + "ITA,g@ita.example,cc@,en\n"
                    + "MEX,,,es\n"
                    + "PER,h@per.example,,Spanish\n"
                    + "a/b,i@x.example,,en\n"
                    + "NOR,j@nor.example,,\n"
                    + "SWE,k@swe.example\n"))
        .containsExactly(
            "list.csv:2: column 'email': 'not-an-address' is not an email address",
            "list.csv:3: column 'email': 'a@fra.example, b@fra.example' is not an email address; separate addresses with ';'",
            "list.csv:4: column 'id': duplicate id 'aut' (first on line 2)",
            "list.csv:5: column 'id': is empty; every recipient needs a unique id",
            "list.csv:6: column 'email': 'e@esp.example\\nf@esp.example' contains a line break",
            "list.csv:8: column 'cc': 'cc@' is not an email address",
            "list.csv:9: column 'email': is empty; give at least one address",
            "list.csv:10: column 'language': 'spanish' is not a language code; use one like en, fr or es",
            "list.csv:11: column 'id': 'a/b' may only hold letters A-Z, digits, '.', '_' and '-'",
            "list.csv:13: has 2 fields but the header names 4 (a missing or extra ',', or a quote not closed?)");
  }

  @Test
  void anAddressCutShortOrWithANameSaysWhatToWrite() throws IOException {
    assertThat(
            problems(
                "id,email,cc\n"
                    + "AUT,geneva@aut-mission,\n"
                    + "FRA,geneve@fra.example,Jean Dupont <jean@fra.example>\n"
                    + "ESP,ginebra@esp.example,\n"))
        .containsExactly(
            "list.csv:2: column 'email': 'geneva@aut-mission' is not a whole email address: its domain has no '.' (such as '.org' or '.ch'); complete it",
            "list.csv:3: column 'cc': 'Jean Dupont <jean@fra.example>' is not an email address; write the address alone: jean@fra.example");
  }

  @Test
  void headersMustBeVariableNamesAndSuggestOne() throws IOException {
    assertThat(
            problems("id,email,First name,2nd line,not,Pays d'origine\nAUT,a@x.example,a,b,c,d\n"))
        .containsExactly(
            "list.csv:1: 'First name' cannot be a template variable name (letters, digits and '_' only, not starting with a digit); rename the column to 'first_name'",
            "list.csv:1: '2nd line' cannot be a template variable name (letters, digits and '_' only, not starting with a digit); rename the column to '_2nd_line'",
            "list.csv:1: 'not' is a reserved word in templates; rename the column to 'not_'",
            "list.csv:1: 'Pays d'origine' cannot be a template variable name (letters, digits and '_' only, not starting with a digit); rename the column to 'pays_d_origine'");
  }

  @Test
  void aHeaderProblemDoesNotHideTheRowsOwn() throws IOException {
    assertThat(problems("id,email,First name\nAUT,not-an-address,a\nFRA,f@fra.example,b\n"))
        .containsExactly(
            "list.csv:1: 'First name' cannot be a template variable name (letters, digits and '_' only, not starting with a digit); rename the column to 'first_name'",
            "list.csv:2: column 'email': 'not-an-address' is not an email address");
    RecipientReader.Checked checked =
        new RecipientReader()
            .check(csv("id,email,First name\nAUT,not-an-address,a\nFRA,f@fra.example,b\n"));
    // the row without a problem, for the check to render; never a list to send
    assertThat(checked.rows().orElseThrow().recipients())
        .extracting(Recipient::id)
        .containsExactly("FRA");
    assertThat(checked.problems()).hasSize(2);
  }

  @Test
  void missingRequiredColumnsAreNamedWithTheFix() throws IOException {
    assertThat(problems("ID,Email,country\nAUT,a@x.example,Austria\n"))
        .containsExactly(
            "list.csv:1: missing column 'id'; rename column 'ID' to 'id'",
            "list.csv:1: missing column 'email'; rename column 'Email' to 'email'");
    assertThat(problems("id,country\nAUT,Austria\n"))
        .containsExactly("list.csv:1: missing column 'email'; the columns are: id, country");
  }

  @Test
  void duplicateAndEmptyHeadersAreRefused() throws IOException {
    assertThat(problems("id,email,name,,name\nAUT,a@x.example,a,b,c\n"))
        .containsExactly(
            "list.csv:1: column 4 has no name; name it or delete it",
            "list.csv:1: column 'name' appears twice (columns 3 and 5)");
  }

  @Test
  void unterminatedQuoteIsReportedWithItsLine() throws IOException {
    assertThat(
            problems(
                "id,email,name\nAUT,a@x.example,ok\nFRA,b@x.example,\"never closed\nITA,c@x.example,x\n"))
        .containsExactly(
            "list.csv:3: a quoted field is never closed: a '\"' is missing (the field starts on this line or after)");
  }

  @Test
  void aQuoteLeftOpenIsReportedOnItsLineNotWhereAnotherQuoteClosesIt() throws IOException {
    assertThat(
            problems(
                "id,email,name\nAUT,a@x.example,\"Lindner\nFRA,\"b@x.example\",Berthier\n"
                    + "ITA,c@x.example,\"Rossi \"\"Jr\"\"\"\n"))
        .containsExactly(
            "list.csv:2: a quoted field opens here and closes only on line 3, with text after it: a"
                + " '\"' is probably missing on this line (a quote inside a quoted field is written"
                + " twice, \"\")");
  }

  @Test
  void aBrokenQuoteAfterLineOneThousandIsReportedOnItsLine() throws IOException {
    StringBuilder list = new StringBuilder("id,email,name\n");
    for (int i = 2; i < 1049; i++) {
      list.append(String.format("D%04d,d%04d@x.example,ok%n", i, i));
    }
    list.append("AUT,a@x.example,\"Lindner\" Jr\n");

    assertThat(problems(list.toString()))
        .containsExactly(
            "list.csv:1049: text after a closing quote; a quote inside a quoted field is written"
                + " twice (\"\")");
  }

  @Test
  void textAfterAClosingQuoteIsReported() throws IOException {
    assertThat(problems("id,email,name\nAUT,a@x.example,\"Lindner\" Jr\n"))
        .containsExactly(
            "list.csv:2: text after a closing quote; a quote inside a quoted field is written twice (\"\")");
  }

  @Test
  void fileThatIsNotUtf8IsRefusedWithTheLineOfTheFirstBadByte() throws IOException {
    Path file =
        write(
            "id,email,name\nFRA,a@fra.example,Fran\u00e7ois\n"
                .getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> new RecipientReader().read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(
            file
                + ":2: not UTF-8 (byte 0xE7); save the file as UTF-8 (\"CSV UTF-8\" in a spreadsheet)");
  }

  @Test
  void emptyFilesAndMissingFilesAreRefused() throws IOException {
    assertThat(problems(""))
        .containsExactly(
            "list.csv: the file is empty; its first line must name the columns, e.g. id,email");
    assertThat(problems("id,email\n")).containsExactly("list.csv: has a header but no recipients");
    assertThatThrownBy(() -> new RecipientReader().read(dir.resolve("nope.csv")))
        .hasMessage(
            dir.resolve("nope.csv") + ": no such file (the lists in " + dir + "/: list.csv)");
  }

  @Test
  void aMissingListNamesTheListsBesideItTheClosestFirst() throws IOException {
    Files.writeString(dir.resolve("annex.csv"), "id,email\n");
    Files.writeString(dir.resolve("states-2012.xlsx"), "");
    Files.writeString(dir.resolve("notes.txt"), "");

    assertThatThrownBy(() -> new RecipientReader().read(dir.resolve("states")))
        .hasMessage(
            dir.resolve("states")
                + ": no such list (neither .csv nor .xlsx); did you mean 'states-2012'?"
                + " (the lists in "
                + dir
                + "/: states-2012.xlsx, annex.csv)");
  }

  @Test
  void aFolderGivenAsTheListSaysToNameAFileInIt() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("recipients"));
    Files.writeString(folder.resolve("b.xlsx"), "");
    Files.writeString(folder.resolve("a.csv"), "id,email\n");
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThatThrownBy(() -> new RecipientReader().read(folder))
        .hasMessage(
            folder + ": is a folder, not a list; name a .csv or .xlsx file in it (a.csv, b.xlsx)");
    assertThatThrownBy(() -> new RecipientReader().read(empty))
        .hasMessage(
            empty + ": is a folder, not a list; name a .csv or .xlsx file in it (it has none)");
  }

  @Test
  void attachmentsAreResolvedNextToTheListAndMustExist() throws IOException {
    Files.writeString(dir.resolve("annex-aut.pdf"), "%PDF");
    assertThat(
            problems(
                "id,email,attachments\nAUT,a@x.example,annex-aut.pdf\nFRA,b@x.example,annex-fra.pdf\n"))
        .containsExactly(
            "list.csv:3: column 'attachments': no readable file 'annex-fra.pdf' next to list.csv");

    RecipientList list =
        new RecipientReader().read(csv("id,email,attachments\nAUT,a@x.example,annex-aut.pdf\n"));
    assertThat(list.recipients().get(0).attachments())
        .containsExactly(dir.resolve("annex-aut.pdf").toAbsolutePath());
  }

  @Test
  void onlyKeepsTheNamedRowsAndRefusesUnknownIds() throws IOException {
    Path file = csv("id,email\nAUT,a@x.example\nFRA,b@x.example\nESP,c@x.example\n");
    RecipientList list = new RecipientReader().read(file);

    assertThat(list.only(Set.of("esp", "AUT")).recipients())
        .extracting(Recipient::id)
        .containsExactly("AUT", "ESP");
    assertThatThrownBy(() -> list.only(Set.of("XXX")))
        .hasMessage("--only: no recipient with id 'XXX' in " + file);
  }
}
