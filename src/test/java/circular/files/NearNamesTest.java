package circular.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearNamesTest {
  @TempDir Path dir;

  @Test
  void aSwapOfTwoLettersCountsAsOneSlip() {
    assertThat(NearNames.distance("fromat", "format")).isEqualTo(1);
    assertThat(NearNames.distance("previw", "preview")).isEqualTo(1);
    assertThat(NearNames.distance("", "abc")).isEqualTo(3);
    assertThat(NearNames.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void theNearestSpellingWinsOverANameThatOnlyStartsTheSame() {
    assertThat(NearNames.closest("--fromat", List.of("--from", "--format", "--only")))
        .contains("--format");
  }

  @Test
  void aNameFarFromEveryOtherSuggestsNothing() {
    assertThat(NearNames.closest("xyzzy", List.of("preview", "send", "status"))).isEmpty();
  }

  @Test
  void aListIsSuggestedByTheNameTheUserTypesWithoutItsExtension() {
    NearNames lists =
        new NearNames(Path.of("recipients"), List.of("annex.csv", "ccm-states-parties-2012.csv"));

    assertThat(lists.hint("ccm-states-parties", "lists"))
        .isEqualTo(
            "; did you mean 'ccm-states-parties-2012'? (the lists in recipients/:"
                + " ccm-states-parties-2012.csv, annex.csv)");
  }

  @Test
  void withNothingCloseTheNamesAreListedInOrderAndALongListIsCut() {
    List<String> names =
        List.of("a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08", "a09", "a10", "a11", "a12");

    assertThat(new NearNames(Path.of("letter-templates"), names).hint("zzzzzz", "letters"))
        .isEqualTo(
            " (the letters in letter-templates/: a01, a02, a03, a04, a05, a06, a07, a08, a09, a10"
                + " and 2 more)");
    assertThat(new NearNames(Path.of("x"), List.of()).hint("y", "letters")).isEmpty();
  }

  @Test
  void aFolderIsListedByTheEntriesThatPass() throws Exception {
    Files.createDirectories(dir.resolve("b-letter"));
    Files.createDirectories(dir.resolve("a-letter"));
    Files.writeString(dir.resolve("notes.txt"), "");

    assertThat(NearNames.in(dir, Files::isDirectory).names())
        .containsExactly("a-letter", "b-letter");
    assertThat(NearNames.in(dir.resolve("missing"), Files::isDirectory).names()).isEmpty();
  }
}
