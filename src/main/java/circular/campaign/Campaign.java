package circular.campaign;

import java.nio.file.Path;

/**
 * A campaign folder: {@code sent.csv}, {@code responses.csv}, {@code scan-state.csv} and {@code
 * letters/}, the office's copy of every letter sent. By default {@code campaigns/<letter folder name>}.
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
}
