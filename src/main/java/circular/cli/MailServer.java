package circular.cli;

import circular.campaign.Outbox;
import java.util.List;

/** The server a run sends through: the sandbox or an SMTP relay, open for the run's length. */
interface MailServer extends AutoCloseable {
  /** A new connection, for one sending thread. */
  Outbox outbox();

  boolean isSandbox();

  /**
   * Makes sure the mailboxes replies will go to exist: the sandbox creates them, so that a reply
   * can be dropped into one before anyone has written to it; a real server has its own.
   */
  default void expectRepliesTo(List<String> addresses) {}

  /** For messages: {@code smtp.office.example:587} or {@code the sandbox}. */
  String description();

  @Override
  void close();
}
