package circular.campaign;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code sent.csv}: {@code time,letter,recipient_id,email,message_id,status,detail}.
 *
 * @param email the addresses the letter went to, {@code ;}-separated
 * @param messageId as in the header, angle brackets included
 */
public record SentRow(
    Instant time,
    String letter,
    String recipientId,
    String email,
    String messageId,
    Status status,
    String detail) {

  static final List<String> HEADER =
      List.of("time", "letter", "recipient_id", "email", "message_id", "status", "detail");

  List<String> cells() {
    return List.of(time.toString(), letter, recipientId, email, messageId, status.label(), detail);
  }
}
