package circular.mail;

import java.util.List;

/**
 * What became of one letter handed to {@link SmtpSender#send}: its outcome and one line for the
 * log, usually the server's own reply ({@code 550 5.1.1 no such user}). The detail never holds a
 * secret or a line break. Immutable.
 *
 * @param missed for a letter sent: the addresses that did not get it (refused, still turned away,
 *     or in doubt), which its other addresses did; empty otherwise
 */
public record Delivery(Outcome outcome, String detail, List<String> missed) {

  /** The fate of a letter, as the campaign log records it. */
  public enum Outcome {
    /** The server accepted the letter, for at least one of its addresses. */
    SENT,
    /** The server turned it away for now (4xx), still after every retry: try again later. */
    DEFERRED,
    /** The server refused it for good (5xx) for every address: resending will not help. */
    FAILED,
    /**
     * The connection broke after the letter's data was complete, before the server answered: it may
     * have the letter. Never retried, so that no delegation gets it twice.
     */
    IN_DOUBT
  }

  /** A delivery that reached every address it could. */
  public Delivery(Outcome outcome, String detail) {
    this(outcome, detail, List.of());
  }

  public Delivery {
    missed = List.copyOf(missed);
    if (outcome == null || detail == null || detail.isBlank()) {
      throw new IllegalArgumentException("a delivery needs an outcome and a detail");
    }
    if (detail.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a delivery's detail is one line");
    }
  }

  public boolean sent() {
    return outcome == Outcome.SENT;
  }
}
