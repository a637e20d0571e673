package circular.cli;

import circular.InputException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder the user names for circular to write into ({@code --out DIR}, {@code --campaign DIR}):
 * checked before anything is read or written, and created only when the run writes, so that a file,
 * or a place no folder can be made, is one line naming the option: {@code --out: README.md is a
 * file, not a folder}.
 */
final class WritableFolder {
  private WritableFolder() {}

  /**
   * Checks, creating nothing, that {@code folder} is a folder that can be written to, or can be
   * made where it would go.
   *
   * @param option the option that named the folder, for the message
   * @throws InputException if it cannot be
   */
  static void check(String option, Path folder) {
    if (Files.exists(folder)) {
      if (!Files.isDirectory(folder)) {
        throw InputException.of(option, folder + " is a file, not a folder");
      }
      if (!Files.isWritable(folder)) {
        throw InputException.of(option, folder + " is a folder you cannot write to");
      }
      return;
    }
    Path existing = folder.toAbsolutePath().getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw InputException.of(
          option, folder + " cannot be created: " + existing + " is a file, not a folder");
    }
    if (existing != null && !Files.isWritable(existing)) {
      throw InputException.of(
          option, folder + " cannot be created: you cannot write to " + existing);
    }
  }

  /**
   * Checks {@code folder}, then creates it and its parents if need be.
   *
   * @throws InputException if it is not a folder or cannot be made, e.g. under {@code /proc}
   */
  static Path create(String option, Path folder) {
    check(option, folder);
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      String reason =
          e instanceof FileSystemException f && f.getReason() != null
              ? " (" + f.getReason() + ")"
              : "";
      throw InputException.of(
          option, folder + " cannot be created here" + reason + "; choose another folder");
    }
  }
}
