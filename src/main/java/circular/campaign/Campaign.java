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
    Properties properties = new Properties();
    properties.setProperty("letter", letter.toString());
    properties.setProperty("recipients", recipients.toString());
    try {
      StringWriter text = new StringWriter();
      properties.store(
          text, "written by circular send: the letter and recipient list of this campaign");
      WholeFile.replace(folder.resolve("campaign.properties"), text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@link #remember} recorded, if a send ever ran here. */
  public Optional<Origin> origin() {
    Path file = folder.resolve("campaign.properties");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new InputException(Problem.in(file, "cannot be read: " + e.getMessage()));
    }
    String letter = properties.getProperty("letter");
    String recipients = properties.getProperty("recipients");
    if (letter == null || recipients == null) {
      throw new InputException(Problem.in(file, "needs both letter= and recipients="));
    }
    return Optional.of(new Origin(Path.of(letter), Path.of(recipients)));
  }
}
