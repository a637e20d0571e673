package circular.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentFolderTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Stream<String> names() throws Exception {
    return Files.list(dir.resolve("AUT")).map(p -> p.getFileName().toString()).sorted();
  }

  @Test
  void aSecondFileOfTheSameNameIsNumberedAndNothingIsOverwritten() throws Exception {
    AttachmentFolder folder = new AttachmentFolder(dir.resolve("AUT"));

    String first = folder.save("report.pdf", bytes("first"));
    String second = folder.save("report.pdf", bytes("second"));

    assertThat(first).isEqualTo("report.pdf");
    assertThat(second).isEqualTo("report-2.pdf");
    assertThat(Files.readString(dir.resolve("AUT/report.pdf"))).isEqualTo("first");
    assertThat(Files.readString(dir.resolve("AUT/report-2.pdf"))).isEqualTo("second");
    assertThat(folder.written()).isEqualTo(2);
  }

  @Test
  void savingTheSameBytesAgainFindsTheFileAlreadyThere() throws Exception {
    new AttachmentFolder(dir.resolve("AUT")).save("report.pdf", bytes("first"));
    new AttachmentFolder(dir.resolve("AUT")).save("report.pdf", bytes("second"));
    AttachmentFolder again = new AttachmentFolder(dir.resolve("AUT"));

    assertThat(again.save("report.pdf", bytes("second"))).isEqualTo("report-2.pdf");
    assertThat(again.save("report.pdf", bytes("first"))).isEqualTo("report.pdf");
    assertThat(again.written()).isZero();
    assertThat(names()).containsExactly("report-2.pdf", "report.pdf");
  }

  @Test
  void aFileNamedLikeANumberedOneIsNotOverwrittenEither() throws Exception {
    AttachmentFolder folder = new AttachmentFolder(dir.resolve("AUT"));
    folder.save("report-2.pdf", bytes("sent as report-2"));
    folder.save("report.pdf", bytes("one"));

    assertThat(folder.save("report.pdf", bytes("two"))).isEqualTo("report-3.pdf");
    assertThat(names()).containsExactly("report-2.pdf", "report-3.pdf", "report.pdf");
  }
}
