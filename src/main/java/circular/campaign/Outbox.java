package circular.campaign;

import circular.mail.Gate;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One connection to a mail server, kept open for many letters; used by one thread at a time.
 * Implementations decide what the server's answers mean for a letter.
 */
public interface Outbox extends AutoCloseable {

  /**
   * Hands one letter to the server, retrying temporary failures as the implementation sees fit. The
   * letter is not handed over before {@code before} lets it pass: the transaction may start, but
   * its end (for SMTP, the final "." of DATA) waits for the gate.
   *
   * @return {@link Status#SENT}, {@link Status#DEFERRED}, {@link Status#FAILED} or {@link
   *     Status#IN_DOUBT}, with a one-line detail for the log
   * @throws Unavailable when the server cannot be reached or refuses us (login, certificate):
   *     nothing of this letter was sent, and no other letter should be tried
   * @throws java.io.UncheckedIOException when {@code before} failed: the letter was not handed over
   */
  Result send(MimeMessage message, Gate before);

  /**
   * Hands one letter to the server as {@link #send(MimeMessage, Gate)} does, retrying no more once
   * {@code stopped} says so: a letter still turned away then comes back deferred.
   */
  default Result send(MimeMessage message, Gate before, BooleanSupplier stopped) {
    return send(message, before);
  }

  @Override
  void close();

  /**
   * What became of one letter.
   *
   * @param missed for a letter sent: the addresses that did not get it, which its others did
   */
  record Result(Status status, String detail, List<String> missed) {
    public Result(Status status, String detail) {
      this(status, detail, List.of());
    }

    public Result {
      missed = List.copyOf(missed);
    }
  }

  /** The server cannot be used at all; the message says why and what to do. */
  final class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
