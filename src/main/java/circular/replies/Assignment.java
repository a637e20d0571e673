package circular.replies;

import circular.Problem;
import circular.server.MessageId;
import java.util.Optional;

/**
 * A person's word that an unmatched message is a delegation's reply, as typed after {@code circular
 * replies --assign}: {@code <4f2a@webmail.example>=ESP}, the angle brackets optional. The id is
 * after the last {@code =}, since a Message-ID may hold one ({@code <CAJ=x@mail.example>}).
 *
 * @param typed the argument as typed, for messages
 * @param messageId the message, angle brackets added when they were left out
 * @param recipientId the delegation's id as typed
 */
public record Assignment(String typed, MessageId messageId, String recipientId) {

  /** The assignment {@code typed} says; empty if it is not {@code MESSAGE_ID=ID}. */
  public static Optional<Assignment> parse(String typed) {
    int equals = typed.lastIndexOf('=');
    if (equals < 0) {
      return Optional.empty();
    }
    String id = typed.substring(equals + 1).strip();
    return MessageId.parse(typed.substring(0, equals).strip())
        .filter(m -> !id.isEmpty())
        .map(m -> new Assignment(typed, m, id));
  }

  /** Where a problem with this assignment is: {@code --assign '<4f2a@webmail.example>=ESQ'}. */
  Problem problem(String what) {
    return new Problem("--assign '" + typed + "'", what);
  }
}
