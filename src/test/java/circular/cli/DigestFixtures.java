package circular.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The replies of {@code src/test/resources/digest/}, one per mail client, delivered into a
 * campaign's sandbox as a delegation's client would leave them: {@code contact/} and {@code later/}
 * into the contact's INBOX, {@code sender/} (an out-of-office, a bounce) into the sender's. In each
 * file {@code {{letter:AUT}}} becomes the Message-ID of the letter sent to AUT, {@code
 * {{base64:f}}} the file {@code attachments/f} in base64, {@code {{now}}} the date now.
 */
final class DigestFixtures {
  static final String CONTACT = "nim-contact@mission-coordinator.example";
  static final String SENDER = "nim-coordinator@mission-coordinator.example";
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{(letter|base64|now):?([^}]*)}}");

  private DigestFixtures() {}

  static Path root() {
    try {
      return Path.of(DigestFixtures.class.getResource("/digest").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] attachment(String name) throws IOException {
    return Files.readAllBytes(root().resolve("attachments").resolve(name));
  }

  /**
   * Delivers every file of {@code fixtures} ({@code contact}, {@code sender}, {@code later}) into
   * {@code campaign}'s sandbox.
   */
  static void deliver(Path campaign, String fixtures, Map<String, String> letterIds)
      throws IOException {
    String mailbox = fixtures.equals("sender") ? SENDER : CONTACT;
    Path inbox =
        Files.createDirectories(campaign.resolve("sandbox").resolve(mailbox).resolve("INBOX"));
    List<Path> files;
    try (Stream<Path> all = Files.list(root().resolve(fixtures))) {
      files = all.sorted().toList();
    }
    for (Path file : files) {
      Files.writeString(
          inbox.resolve(file.getFileName()), message(file, letterIds), StandardCharsets.UTF_8);
    }
  }

  /** One fixture as the message it stands for: placeholders filled in, lines ended by CRLF. */
  static String message(Path file, Map<String, String> letterIds) throws IOException {
    return expand(Files.readString(file, StandardCharsets.UTF_8), letterIds).replace("\n", "\r\n");
  }

  private static String expand(String text, Map<String, String> letterIds) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1)) {
            case "letter" -> letterIds.get(m.group(2));
            case "base64" -> base64(m.group(2));
            default -> DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now());
          };
      if (value == null) {
        throw new IllegalArgumentException("no letter was sent to " + m.group(2));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String base64(String name) {
    try {
      return Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(attachment(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
