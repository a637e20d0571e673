package circular.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFileTest {
  @TempDir Path dir;

  @Test
  void aFileIsMadeWithItsFolderAndReplacedWithoutLeavingATemporaryFile() throws IOException {
    Path file = dir.resolve("campaign").resolve("scan-state.csv");

    WholeFile.replace(file, "old\n");
    WholeFile.replace(file, "new\n");

    assertThat(file).hasContent("new");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void aWriteThatFailsMidwayLeavesTheOldFileWholeAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("campaign.properties");
    WholeFile.replace(file, "letter=a\n");

    assertThatThrownBy(
            () ->
                WholeFile.replace(
                    file,
                    out -> {
                      out.write("letter=b\nrecip".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");

    assertThat(file).hasContent("letter=a");
    assertThat(Files.list(dir)).containsExactly(file);
  }

  @Test
  void createNeverReplacesAFile() throws IOException {
    Path file = dir.resolve("annex.pdf");

    assertThat(WholeFile.create(file, new byte[] {1, 2})).isTrue();
    assertThat(WholeFile.create(file, new byte[] {3})).isFalse();

    assertThat(file).hasBinaryContent(new byte[] {1, 2});
    assertThat(Files.list(dir)).containsExactly(file);
  }

  @Test
  void aFileMayKeepTheTimeItStandsFor() throws IOException {
    Path file = dir.resolve("20120322-090000-0123456789ab.eml");
    FileTime received = FileTime.from(Instant.parse("2012-03-22T09:00:00Z"));

    WholeFile.replace(file, new byte[] {'x'}, received);

    assertThat(Files.getLastModifiedTime(file)).isEqualTo(received);
  }

  @Test
  void theTemporaryFileOfAKilledWriteIsHiddenAndKnownAsSuch() {
    assertThat(WholeFile.isTemporary(Path.of("INBOX", ".20120322-090000-0123456789ab.eml.tmp")))
        .isTrue();
    assertThat(WholeFile.isTemporary(Path.of("INBOX", "20120322-090000-0123456789ab.eml")))
        .isFalse();
    assertThat(WholeFile.isTemporary(Path.of("INBOX", "notes.tmp"))).isFalse();
  }
}
