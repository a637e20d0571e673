package circular.letters;

import circular.recipients.RecipientList;
import circular.recipients.RecipientReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
