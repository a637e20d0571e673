package circular.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import circular.Problem;
import circular.recipients.Sheets.Formatted;
import circular.recipients.Sheets.Formula;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipient lists kept as .xlsx workbooks, written here with fastexcel's writer. */
class WorkbookTest {
  @TempDir Path dir;

  private List<String> problems(Path list) {
    try {
      new RecipientReader().read(list);
    } catch (InputException e) {
      return e.problems().stream()
          .map(Problem::toString)
          .map(s -> s.replace(dir + "/", ""))
          .toList();
    }
    throw new AssertionError("expected problems in " + list);
  }

  @Test
  void theFirstSheetIsTheListWithTheSameColumnsAndRulesAsACsvFile() throws IOException {
    Path csv = dir.resolve("states.csv");
    Files.writeString(
        csv,
        "id,country,email,cc,language\nAUT,Austria,a@aut.example; b@aut.example,,EN\nFRA,France,c@fra.example,d@fra.example,fr\n");
    Path xlsx =
        new Sheets()
            .sheet(
                "Delegations",
                new Object[] {"id", "country", "email", "cc", "language"},
                new Object[] {"AUT", "Austria", "a@aut.example; b@aut.example", null, "EN"},
                new Object[] {"FRA", "France", "c@fra.example", "d@fra.example", "fr"})
            .sheet("Other", new Object[] {"id", "email"}, new Object[] {"X", "x@x.example"})
            .writeTo(dir.resolve("states.xlsx"));

    RecipientList fromCsv = new RecipientReader().read(csv);
    RecipientList fromWorkbook = new RecipientReader().read(xlsx);

    assertThat(fromWorkbook.columns()).isEqualTo(fromCsv.columns());
    assertThat(fromWorkbook.recipients()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      Recipient a = fromCsv.recipients().get(i);
      Recipient b = fromWorkbook.recipients().get(i);
      assertThat(b.fields()).isEqualTo(a.fields());
      assertThat(b.emails()).isEqualTo(a.emails());
      assertThat(b.cc()).isEqualTo(a.cc());
      assertThat(b.line()).isEqualTo(a.line());
    }
    assertThat(fromWorkbook.file()).isEqualTo(xlsx);
  }

  @Test
  void aSheetIsChosenByNameAfterAHash() {
    Path xlsx =
        new Sheets()
            .sheet("Bern", new Object[] {"id", "email"}, new Object[] {"CHE", "a@che.example"})
            .sheet("Geneva", new Object[] {"id", "email"}, new Object[] {"AUT", "a@aut.example"})
            .writeTo(dir.resolve("states.xlsx"));

    assertThat(new RecipientReader().read(Path.of(xlsx + "#Geneva")).recipients())
        .extracting(Recipient::id)
        .containsExactly("AUT");
    assertThat(new RecipientReader().read(Path.of(xlsx + "#geneva")).recipients())
        .extracting(Recipient::id)
        .containsExactly("AUT");
    assertThat(problems(Path.of(xlsx + "#Vienna")))
        .containsExactly(
            "states.xlsx#Vienna: the workbook has no sheet 'Vienna'; its sheets are: Bern, Geneva");
  }

  @Test
  void problemsNameTheSheetAndTheCell() {
    Path xlsx =
        new Sheets()
            .sheet(
                "Geneva",
                new Object[] {"id", "country", "First name", "language", "email"},
                new Object[] {"AUT", "Austria", "Georg", "en", "a@aut.example"})
            .sheet(
                "Bern",
                new Object[] {"id", "country", "name", "language", "email"},
                new Object[] {"AUT", "Austria", "Georg", "en", "a@aut.example"},
                new Object[] {"aut", "Austria", "Georg", "English", "x"},
                new Object[] {},
                new Object[] {"FRA", "France", "Jean", "fr", "b@fra.example", null, "stray"})
            .writeTo(dir.resolve("states.xlsx"));

    assertThat(problems(Path.of(xlsx + "#Geneva")))
        .containsExactly(
            "states.xlsx#Geneva!C1: 'First name' cannot be a template variable name (letters, digits and '_' only,"
                + " not starting with a digit); rename the column to 'first_name'");
    assertThat(problems(Path.of(xlsx + "#Bern")))
        .containsExactly(
            "states.xlsx#Bern!A3: duplicate id 'aut' (first on row 2)",
            "states.xlsx#Bern!E3: 'x' is not an email address",
            "states.xlsx#Bern!D3: 'english' is not a language code; use one like en, fr or es",
            "states.xlsx#Bern!G5: 'stray' is in a column without a header; name the column in the header row, or clear the cell");
  }

  @Test
  void aMissingColumnOrAnEmptySheetIsNamed() {
    Path xlsx =
        new Sheets()
            .sheet("Geneva", new Object[] {"id", "Email"}, new Object[] {"AUT", "a@aut.example"})
            .sheet("Empty")
            .writeTo(dir.resolve("states.xlsx"));

    assertThat(problems(xlsx))
        .containsExactly(
            "states.xlsx#Geneva row 1: missing column 'email'; rename column 'Email' to 'email'");
    assertThat(problems(Path.of(xlsx + "#Empty")))
        .containsExactly(
            "states.xlsx#Empty: the sheet is empty; its first row must name the columns, e.g. id, email");
  }

  @Test
  void numbersAndDatesReadAsAPersonSeesThem() {
    Path xlsx =
        new Sheets()
            .sheet(
                "Sheet1",
                new Object[] {
                  "id", "email", "phone", "small", "sum", "year", "day", "meeting", "share",
                  "amount", "member"
                },
                new Object[] {
                  "AUT",
                  "a@aut.example",
                  41220000000L,
                  4.122E10,
                  0.1 + 0.2,
                  2012,
                  LocalDate.of(2012, 3, 22),
                  LocalDateTime.of(2012, 4, 18, 15, 0),
                  new Formatted(0.125, "0%"),
                  new Formatted(12.5, "0.00"),
                  true
                })
            .writeTo(dir.resolve("numbers.xlsx"));

    Recipient aut = new RecipientReader().read(xlsx).recipients().get(0);

    assertThat(aut.fields())
        .containsEntry("phone", "41220000000")
        .containsEntry("small", "41220000000")
        .containsEntry("sum", "0.3")
        .containsEntry("year", "2012")
        .containsEntry("day", "2012-03-22")
        .containsEntry("meeting", "2012-04-18 15:00")
        .containsEntry("share", "13%")
        .containsEntry("amount", "12.50")
        .containsEntry("member", "TRUE");
  }

  @Test
  void emptyRowsAndCellsKeptOnlyForTheirLookArePassedOver() {
    Path xlsx =
        new Sheets()
            .sheet(
                "Sheet1",
                new Object[] {},
                new Object[] {"id", "email", "name", null, null},
                new Object[] {},
                new Object[] {"AUT", "a@aut.example"},
                new Object[] {null, null, null})
            .writeTo(dir.resolve("gaps.xlsx"));

    RecipientList list = new RecipientReader().read(xlsx);

    assertThat(list.columns()).containsExactly("id", "email", "name");
    assertThat(list.recipients())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.line()).isEqualTo(4);
              assertThat(r.fields()).containsEntry("name", "");
            });
  }

  @Test
  void aFormulaWithoutItsResultIsAProblemNotAnEmptyCell() {
    Path xlsx =
        new Sheets()
            .sheet(
                "Sheet1",
                new Object[] {"id", "email", "name"},
                new Object[] {"AUT", "a@aut.example", new Formula("LEN(A2)")})
            .writeTo(dir.resolve("formula.xlsx"));

    assertThat(problems(xlsx))
        .containsExactly(
            "formula.xlsx#Sheet1!C2: holds a formula (=LEN(A2)) whose result the file does not keep;"
                + " open the workbook in a spreadsheet and save it again");
  }

  @Test
  void aFileThatIsNotTheKindItsNameSaysIsRefusedWithTheFix() throws IOException {
    Path fake = dir.resolve("fake.xlsx");
    Files.writeString(fake, "id,email\nAUT,a@aut.example\n");
    Path misnamed =
        new Sheets().sheet("Sheet1", new Object[] {"id", "email"}).writeTo(dir.resolve("real.csv"));

    assertThat(problems(fake))
        .containsExactly(
            "fake.xlsx: not an Excel workbook; save it from the spreadsheet as \"Excel Workbook (.xlsx)\"");
    assertThat(problems(misnamed))
        .containsExactly(
            "real.csv: is an Excel workbook, not CSV text; name it with .xlsx to read it as one");
    assertThatThrownBy(() -> new RecipientReader().read(dir.resolve("none.xlsx")))
        .hasMessage(dir.resolve("none.xlsx") + ": no such file");
  }
}
