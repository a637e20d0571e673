package circular.campaign;

import java.util.Arrays;
import java.util.Optional;

/** The status column of {@code sent.csv}: one event in the life of a letter. */
public enum Status {
  /** Written and made durable before the SMTP transaction starts. */
  SENDING("sending"),
  /** The server accepted the letter. */
  SENT("sent"),
  /** A temporary failure; the next run tries again. */
  DEFERRED("deferred"),
  /** A permanent failure for this recipient; retried only when asked. */
  FAILED("failed"),
  /** The connection broke after the letter's data was sent: the server may have it. */
  IN_DOUBT("in-doubt"),
  /** Sent to a test address instead of the recipient; never counts as sent. */
  TEST("test");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Status> of(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
  }

  @Override
  public String toString() {
    return label;
  }
}
