package circular.mailbox;

/**
 * A mailbox cannot be read at all — the server cannot be reached, refuses the login or the
 * certificate. (A folder the server says does not exist is the user's mistake, an {@link
 * circular.InputException}.) The message names the mailbox (never a secret) and says what to do;
 * the scan reports it and goes on with the other mailboxes.
 */
public final class MailboxException extends RuntimeException {
  public MailboxException(String message) {
    super(message);
  }

  public MailboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
