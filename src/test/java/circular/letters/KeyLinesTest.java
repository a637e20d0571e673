package circular.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyLinesTest {
  @TempDir Path dir;

  private Path file(String text) throws Exception {
    return Files.writeString(dir.resolve("letter.properties"), text, StandardCharsets.UTF_8);
  }

  @Test
  void aKeyIsFoundOnTheLineWhereItsLastSettingBegins() throws Exception {
    Path file =
        file(
            "# subject = not this one, a comment\n"
                + "\n"
                + "subject = first\n"
                + "from: Office <office@mission.example>\n"
                + "  subject   second, the one kept\n");

    assertThat(KeyLines.of(file, "subject")).isEqualTo(5);
    assertThat(KeyLines.of(file, "from")).isEqualTo(4);
  }

  @Test
  void continuedLinesAndEscapedCharactersAreReadAsPropertiesReadsThem() throws Exception {
    Path file =
        file(
            "para = a long paragraph \\\n"
                + "subject = is part of para, not a key\n"
                + "pdf\\.letterhead = odd but legal\n"
                + "cc = x@y.example \\\\\n"
                + "subject = after an escaped backslash, a key again\n");

    assertThat(KeyLines.of(file, "subject")).isEqualTo(5);
    assertThat(KeyLines.of(file, "pdf.letterhead")).isEqualTo(3);
  }

  @Test
  void aKeyThatIsNotSetOrAFileThatCannotBeReadHasNoLine() throws Exception {
    assertThat(KeyLines.of(file("subject = x\n"), "from")).isZero();
    assertThat(KeyLines.of(dir.resolve("nope.properties"), "subject")).isZero();
  }
}
