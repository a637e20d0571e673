package circular.replies;

import circular.campaign.Campaign;
import circular.mailbox.Source;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The campaign's copy of every message recorded as a {@code reply}, {@code replies/<safe id>.eml},
 * kept by {@code circular replies} so that {@code circular digest} reads the delegations' words
 * the same way whether they came from the sandbox, a folder of {@code .eml} files or IMAP.
 *
 * <p>A copy's name is a function of the Message-ID exactly as {@code responses.csv} records it:
 * its readable characters, then 10 hex digits of its SHA-256, so that two ids that differ only in
 * case or in characters a file name cannot hold never share a file.
 *
 * <pre>{@code
 * ReplyCopies copies = ReplyCopies.of(campaign);
 * copies.keep(row.messageId(), message::writeTo);   // before the row is appended
 * Path eml = copies.file(row.messageId());
 * }</pre>
 */
public record ReplyCopies(Path folder) {
  private static final int READABLE_LENGTH = 60;

  public static ReplyCopies of(Campaign campaign) {
    return new ReplyCopies(campaign.folder().resolve("replies"));
  }

  /** Writes a message's bytes to a stream. */
  @FunctionalInterface
  public interface Source {
    void writeTo(OutputStream out) throws IOException, MessagingException;
  }

  /** Where the copy of the message with this id is, or would be. */
  public Path file(String messageId) {
    return folder.resolve(fileName(messageId));
  }

  public boolean has(String messageId) {
    return Files.isRegularFile(file(messageId));
  }

  /**
   * Writes the copy whole and durable, under a temporary name then renamed, so that a scan killed
   * midway leaves the old copy or the new one, never half of one.
   *
   * @throws IOException if the copy cannot be written
   * @throws MessagingException if the message cannot be read
   */
  public void keep(String messageId, Source message) throws IOException, MessagingException {
    Path file = file(messageId);
    Files.createDirectories(folder);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      OutputStream out = Channels.newOutputStream(channel);
      message.writeTo(out);
      out.flush();
      channel.force(false);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static String fileName(String messageId) {
    String bare = messageId.strip().replaceAll("^<|>$", "");
    StringBuilder readable = new StringBuilder();
    bare.codePoints()
        .limit(READABLE_LENGTH)
        .forEach(c -> readable.append(c < 128 && (Character.isLetterOrDigit(c) || "._@+=-".indexOf(c) >= 0) ? (char) c : '_'));
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
