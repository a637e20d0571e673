package circular.digest;

import circular.files.WholeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One delegation's folder of attachments, {@code digest/<id>/}: each file saved byte for byte under
 * its sender's name made safe ({@link FileNames}). A file is never overwritten: a second {@code
 * report.pdf} with other bytes becomes {@code report-2.pdf}, and a file already there with the same
 * bytes is the one already saved, so that compiling the digest again saves nothing twice. Not
 * thread-safe; two processes at once write no file over the other's.
 */
final class AttachmentFolder {
  private final Path folder;
  private int written;

  AttachmentFolder(Path folder) {
    this.folder = folder;
  }

  Path path() {
    return folder;
  }

  /** How many files {@link #save} has written (not found already there). */
  int written() {
    return written;
  }

  /** Saves the bytes, or finds them saved before; returns the file's name in the folder. */
  String save(String sentName, byte[] content) throws IOException {
    String safe = FileNames.safe(sentName, "attachment");
    try {
      folder.resolve(safe);
    } catch (InvalidPathException e) {
      safe = FileNames.ascii(safe); // this system cannot name a file so (a JVM under the C locale)
    }
    for (int n = 1; ; n++) {
      String name = FileNames.numbered(safe, n);
      Path file = folder.resolve(name);
      if (!Files.exists(file) && create(file, content)) {
        written++;
        return name;
      }
      if (holds(file, content)) {
        return name;
      }
    }
  }

  /** Writes a new file whole, or returns false if a file of that name appeared meanwhile. */
  private boolean create(Path file, byte[] content) throws IOException {
    return WholeFile.create(file, content);
  }

  private static boolean holds(Path file, byte[] content) throws IOException {
    return Files.isRegularFile(file)
        && Files.size(file) == content.length
        && Arrays.equals(Files.readAllBytes(file), content);
  }
}
