package circular.mail;

import java.io.IOException;

/**
 * What must hold before a letter's end of data (the final "." of DATA) may go out, the moment after
 * which the server may have the letter: for a campaign, that the letter's {@code sending} row is on
 * disk. The transaction before it (MAIL, RCPT, DATA and the message) runs meanwhile, so waiting for
 * the disk overlaps with the server's round trips instead of adding to them.
 */
@FunctionalInterface
public interface Gate {
  /** A gate with nothing to wait for. */
  Gate OPEN = () -> {};

  /**
   * Returns once the letter may be handed over.
   *
   * @throws IOException when it never may: the "." is then not sent, and the connection is dropped
   *     so that the server discards what it received of the letter
   */
  void pass() throws IOException;
}
