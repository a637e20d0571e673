package circular.cli;

import circular.campaign.Outbox;

/** The server a run sends through: the sandbox or an SMTP relay, open for the run's length. */
interface MailServer extends AutoCloseable {
  /** A new connection, for one sending thread. */
  Outbox outbox();

  boolean isSandbox();

  /** For messages: {@code smtp.office.example:587} or {@code the sandbox}. */
  String description();

  @Override
  void close();
}
