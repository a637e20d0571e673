package circular.replies;

import circular.campaign.Campaign;
import circular.files.WholeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The campaign's copy of every message recorded as a {@code reply} or as {@code unmatched} (a
 * person may say whose reply it is), {@code replies/<safe id>.eml}, kept by {@code circular
 * replies} so that {@code circular digest} reads the delegations' words the same way whether they
 * came from the sandbox, a folder of {@code .eml} files or IMAP.
 *
 * <p>A copy's name is a function of the Message-ID exactly as {@code responses.csv} records it: its
 * readable characters, then 10 hex digits of its SHA-256, so that two ids that differ only in case
 * or in characters a file name cannot hold never share a file.
 *
 * <pre>{@code
 * ReplyCopies copies = ReplyCopies.of(campaign);
 * copies.keep(row.messageId(), bytes);   // the message as its mailbox holds it
 * Path eml = copies.file(row.messageId());
 * }</pre>
 */
public record ReplyCopies(Path folder) {
  private static final int READABLE_LENGTH = 60;

  public static ReplyCopies of(Campaign campaign) {
    return new ReplyCopies(campaign.folder().resolve("replies"));
  }

  /** Where the copy of the message with this id is, or would be. */
  public Path file(String messageId) {
    return folder.resolve(fileName(messageId));
  }

  public boolean has(String messageId) {
    return Files.isRegularFile(file(messageId));
  }

  /**
   * Writes the copy whole and durable, a {@link WholeFile}, so that a scan killed midway leaves the
   * old copy or the new one, never half of one.
   *
   * @throws IOException if the copy cannot be written
   */
  public void keep(String messageId, byte[] message) throws IOException {
    WholeFile.replace(file(messageId), message);
  }

  static String fileName(String messageId) {
    String bare = messageId.strip().replaceAll("^<|>$", "");
    StringBuilder readable = new StringBuilder();
    bare.codePoints()
        .limit(READABLE_LENGTH)
        .forEach(
            c ->
                readable.append(
                    c < 128 && (Character.isLetterOrDigit(c) || "._@+=-".indexOf(c) >= 0)
                        ? (char) c
                        : '_'));
    String start = readable.toString().replaceAll("^[.]+", "_");
    return start + "-" + HexFormat.of().formatHex(sha256(messageId)).substring(0, 10) + ".eml";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
