package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folders a user names for circular to write into: checked first, made only on demand. */
class WritableFolderTest {
  @TempDir Path dir;

  @Test
  void aFolderThatDoesNotExistYetPassesTheCheckAndIsNotMadeByIt() {
    Path folder = dir.resolve("a/b");

    WritableFolder.check("--out", folder);

    assertThat(folder).doesNotExist();
    assertThat(WritableFolder.create("--out", folder)).isDirectory();
  }

  @Test
  void aFileIsNotAFolder() throws IOException {
    Path file = Files.writeString(dir.resolve("README.md"), "text");

    assertThatThrownBy(() -> WritableFolder.check("--out", file))
        .isInstanceOf(InputException.class)
        .hasMessage("--out: " + file + " is a file, not a folder");
    assertThatThrownBy(() -> WritableFolder.create("--campaign", file.resolve("c")))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "--campaign: "
                + file.resolve("c")
                + " cannot be created: "
                + file
                + " is a file, not a folder");
    assertThat(file).hasContent("text");
  }

  @Test
  void aFolderTheSystemWillNotMakeIsOneLine() {
    Path proc = Path.of("/proc/circular-nope");

    assertThatThrownBy(() -> WritableFolder.create("--out", proc))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("--out: /proc/circular-nope cannot be created here")
        .hasMessageEndingWith("; choose another folder");
  }
}
