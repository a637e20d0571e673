package circular.campaign;

import circular.InputException;
import circular.Problem;
import circular.files.WholeFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A campaign folder: {@code sent.csv}, {@code responses.csv}, {@code scan-state.csv} and {@code
 * letters/}, the office's copy of every letter sent. By default {@code campaigns/<letter folder
 * name>}.
 */
public record Campaign(Path folder) {
  public static Campaign forLetter(String letterName) {
    return new Campaign(Path.of("campaigns", letterName));
  }

  public Path sentLog() {
    return folder.resolve("sent.csv");
  }

  public Path responses() {
    return folder.resolve("responses.csv");
  }

  /** Where each mailbox scan stopped, so that the next one fetches only what is new. */
  public Path scanState() {
    return folder.resolve("scan-state.csv");
  }

  /** The office's copies of the letters sent, one folder per letter. */
  public Path letters() {
    return folder.resolve("letters");
  }

  /**
   * The sent copy of one letter, {@code letters/<letter>/<id>.eml}: by letter, since a campaign
   * also holds its reminders.
   */
  public Path letterCopy(String letter, String recipientId) {
    return folder.resolve("letters").resolve(letter).resolve(recipientId + ".eml");
  }

  /** Where the sandbox keeps this campaign's mailboxes. */
  public Path sandbox() {
    return folder.resolve("sandbox");
  }

  /**
   * The letter folder and recipient list the campaign was sent with, as the last send recorded
   * them.
   */
  public record Origin(Path letter, Path recipients) {}

  /** Records the letter and list of a send, so that replies, status and remind can find them. */
  public void remember(Path letter, Path recipients) {
    Properties properties = properties().orElseGet(Properties::new);
    properties.setProperty("letter", letter.toString());
    properties.setProperty("recipients", recipients.toString());
    store(properties);
  }

  /**
   * Records the {@link LetterFingerprint} of a letter as its letters start to leave, to tell a
   * later run whether the letter was edited in between.
   */
  public void rememberFingerprint(String letterName, String fingerprint) {
    Properties properties = properties().orElseGet(Properties::new);
    properties.setProperty(FINGERPRINT + letterName, fingerprint);
    store(properties);
  }

  /** The fingerprint {@link #rememberFingerprint} last recorded for the letter, if any. */
  public Optional<String> fingerprint(String letterName) {
    return properties().map(p -> p.getProperty(FINGERPRINT + letterName));
  }

  /** What {@link #remember} recorded, if a send ever ran here. */
  public Optional<Origin> origin() {
    Optional<Properties> properties = properties();
    if (properties.isEmpty()) {
      return Optional.empty();
    }
    String letter = properties.get().getProperty("letter");
    String recipients = properties.get().getProperty("recipients");
    if (letter == null || recipients == null) {
      throw new InputException(Problem.in(file(), "needs both letter= and recipients="));
    }
    return Optional.of(new Origin(Path.of(letter), Path.of(recipients)));
  }

  private static final String FINGERPRINT = "fingerprint.";

  private Path file() {
    return folder.resolve("campaign.properties");
  }

  private Optional<Properties> properties() {
    Path file = file();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new InputException(Problem.in(file, "cannot be read: " + e.getMessage()));
    }
    return Optional.of(properties);
  }

  private void store(Properties properties) {
    try {
      StringWriter text = new StringWriter();
      properties.store(
          text,
          "written by circular send: the letter and recipient list of this campaign, and a"
              + " fingerprint of each letter as it was sent");
      WholeFile.replace(file(), text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
