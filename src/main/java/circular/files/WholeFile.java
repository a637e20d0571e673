package circular.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * Writes a file whole or not at all: the content goes to a temporary file beside it, {@code
 * .<name>.tmp}, is forced to disk, and only then takes the file's name in one step, so that a
 * process killed midway leaves the old file or the new one, never half of one (a stale temporary
 * file is all it can leave). Every file circular writes for keeps goes through here: the campaign's
 * record of its letter, a log widened to a new column, the scan's bookmarks, the copies of replies,
 * the digest and its attachments, the sandbox's mailboxes. Stateless.
 *
 * <pre>{@code
 * WholeFile.replace(campaign.scanState(), out -> printer.print(out));
 * boolean written = WholeFile.create(folder.resolve("annex.pdf"), bytes);  // false if it exists
 * }</pre>
 */
public final class WholeFile {
  /** What the name of a temporary file ends with; it also starts with a dot, hidden. */
  public static final String TEMPORARY = ".tmp";

  private WholeFile() {}

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Puts {@code content} in place of {@code file}, or makes it; the folder is made if need be. */
  public static void replace(Path file, Content content) throws IOException {
    write(file, content, Optional.empty(), true);
  }

  public static void replace(Path file, byte[] bytes) throws IOException {
    replace(file, out -> out.write(bytes));
  }

  /** As UTF-8. */
  public static void replace(Path file, String text) throws IOException {
    replace(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** With {@code modified} as the file's modification time: a received message keeps its date. */
  public static void replace(Path file, byte[] bytes, FileTime modified) throws IOException {
    write(file, out -> out.write(bytes), Optional.of(modified), true);
  }

  /**
   * Makes a new file, never replacing one: returns false when a file of that name exists, or
   * appears while this one is written.
   */
  public static boolean create(Path file, byte[] bytes) throws IOException {
    return write(file, out -> out.write(bytes), Optional.empty(), false);
  }

  /**
   * Writes {@code bytes} to the temporary file of {@code file}, whose folder exists, to be put in
   * place later, maybe by another thread. Not forced to disk and the folder not checked: for a copy
   * of what is recorded elsewhere, written many times a second (a letter's copy, whose record is
   * the campaign's log).
   */
  public static Staged stage(Path file, byte[] bytes) throws IOException {
    Path temp = temporary(file);
    Files.write(temp, bytes);
    return new Staged(temp, file);
  }

  /** A file written beside its place by {@link #stage}, not yet in it. */
  public record Staged(Path temp, Path file) {
    /** Puts the file in place, whole, in one step. */
    public void putInPlace() throws IOException {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Drops the file staged; one left behind by a failure is overwritten when it is staged again.
     */
    public void discard() {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // left behind, harmless: it is a temporary file, replaced by the next stage
      }
    }
  }

  /** Whether {@code file} is the temporary file of a write that never finished. */
  public static boolean isTemporary(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") && name.endsWith(TEMPORARY);
  }

  private static Path temporary(Path file) {
    return file.resolveSibling("." + file.getFileName() + TEMPORARY);
  }

  private static boolean write(
      Path file, Content content, Optional<FileTime> modified, boolean replace) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temp = temporary(folder.resolve(file.getFileName()));
    try {
      try (FileChannel channel =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = Channels.newOutputStream(channel);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      if (modified.isPresent()) {
        Files.setLastModifiedTime(temp, modified.get());
      }
      if (replace) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        // no REPLACE_EXISTING: the move fails rather than overwrite
        Files.move(temp, file);
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      if (replace) {
        throw e;
      }
      return false;
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
