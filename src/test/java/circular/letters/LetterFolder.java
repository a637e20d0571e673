package circular.letters;

import circular.InputException;
import circular.Problem;
import circular.recipients.RecipientList;
import circular.recipients.RecipientReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Writes a small letter folder and recipient list for tests. */
final class LetterFolder {
  final Path folder;

  LetterFolder(Path parent) {
    this.folder = parent.resolve("letter");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LetterFolder file(String name, String content) {
    try {
      Files.writeString(folder.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  LetterFolder html(String body) {
    return file("letter.html", "<!DOCTYPE html>\n<html>\n<body>\n" + body + "\n</body>\n</html>\n");
  }

  LetterFolder properties(String content) {
    return file(
        "letter.properties",
        "subject=Invitation ([(${country})])\nfrom=Office <office@mission.example>\n" + content);
  }

  LetterTemplate load() {
    return LetterTemplate.load(folder);
  }

  static RecipientList list(Path parent, String csv) {
    try {
      Path file = parent.resolve("list.csv");
      Files.writeString(file, csv);
      return new RecipientReader().read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The problems {@code call} stops with, each as its one line with {@code dir} left out of its
   * paths; fails when it does not stop with an {@link InputException}.
   */
  static List<String> problems(Path dir, ThrowingCallable call) {
    try {
      call.call();
    } catch (InputException e) {
      return e.problems().stream()
          .map(Problem::toString)
          .map(s -> s.replace(dir + "/", ""))
          .toList();
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
    throw new AssertionError("expected an InputException");
  }
}
