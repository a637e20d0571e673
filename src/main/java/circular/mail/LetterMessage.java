package circular.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message that keeps the Message-ID the engine gave it. {@code saveChanges()} would otherwise
 * replace it with a new one, and the id in the log would match nothing a delegation replies to.
 */
final class LetterMessage extends SMTPMessage {
  private final String messageId;

  LetterMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
