package circular.campaign;

import circular.files.WholeFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A letter folder's fingerprint: the SHA-256 of every file in it (its templates, translations,
 * headers and attachments), names and contents, so that a run can tell whether the letter was
 * edited since some of its letters left. Files a list names from outside the folder are not in it.
 * Stateless.
 */
public final class LetterFingerprint {
  private LetterFingerprint() {}

  public static String of(Path folder) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .filter(f -> !WholeFile.isTemporary(f))
              .sorted()
              .toList();
      for (Path file : files) {
        byte[] name = folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8);
        byte[] content = Files.readAllBytes(file);
        sha.update(ByteBuffer.allocate(16).putLong(name.length).putLong(content.length).array());
        sha.update(name);
        sha.update(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
