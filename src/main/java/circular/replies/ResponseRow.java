package circular.replies;

import circular.recipients.Text;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One row of {@code responses.csv}: {@code
 * received,recipient_id,kind,from,subject,message_id,matched_by,detail}, one message found in a
 * mailbox that concerns the campaign.
 *
 * @param received when the message was written (its Date header), or when the server got it
 * @param recipientId the delegation it was matched to; empty when {@link Kind#UNMATCHED}
 * @param matchedBy how; {@link MatchedBy#HAND} only for a reply a person assigned
 * @param from the sender's bare address
 * @param messageId as in the header, angle brackets included; the row's identity
 * @param detail what the message says, for a person to act on: for a bounce the failed address,
 *     status code and reason ({@code disarmament@x.example 5.1.1 user unknown}), for a delay its
 *     status, for an abuse report {@code spam complaint}, for an out-of-office its return date when
 *     it gives one; empty for a reply
 */
public record ResponseRow(
    Instant received,
    String recipientId,
    Kind kind,
    String from,
    String subject,
    String messageId,
    MatchedBy matchedBy,
    String detail) {

  static final List<String> HEADER =
      List.of(
          "received",
          "recipient_id",
          "kind",
          "from",
          "subject",
          "message_id",
          "matched_by",
          "detail");

  /** The header of a file written before the {@code detail} column existed. */
  static final List<String> HEADER_WITHOUT_DETAIL = HEADER.subList(0, HEADER.size() - 1);

  public ResponseRow {
    if (messageId == null || messageId.isBlank()) {
      throw new IllegalArgumentException("a response needs a message id");
    }
    if ((kind == Kind.UNMATCHED) != (matchedBy == MatchedBy.NONE)) {
      throw new IllegalArgumentException("an unmatched response, and only it, is matched by none");
    }
    if (matchedBy == MatchedBy.HAND
        && (kind != Kind.REPLY || recipientId == null || recipientId.isBlank())) {
      throw new IllegalArgumentException("a message assigned by hand is a delegation's reply");
    }
    recipientId = recipientId == null ? "" : recipientId;
    // a stranger's words, printed by status and remind: no escape sequence reaches the terminal
    from = from == null ? "" : Text.clean(from);
    subject = subject == null ? "" : Text.clean(subject);
    detail = detail == null ? "" : Text.clean(detail);
  }

  /** A row that says nothing more than its kind: a reply, or a row of a file without details. */
  public ResponseRow(
      Instant received,
      String recipientId,
      Kind kind,
      String from,
      String subject,
      String messageId,
      MatchedBy matchedBy) {
    this(received, recipientId, kind, from, subject, messageId, matchedBy, "");
  }

  List<String> cells() {
    return List.of(
        received.toString(),
        recipientId,
        kind.label(),
        from,
        subject,
        messageId,
        matchedBy.label(),
        detail);
  }

  /** What a message is; only a {@link #REPLY} counts as an answer. */
  public enum Kind {
    REPLY("reply"),
    AUTO_REPLY("auto-reply"),
    BOUNCE("bounce"),
    /** Plainly about the letter, but no delegation could be told: for a person to look at. */
    UNMATCHED("unmatched");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Optional<Kind> of(String label) {
      return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** How the message was tied to its delegation, the surest first. */
  public enum MatchedBy {
    /**
     * It answers, or returns, a letter we sent: In-Reply-To, References or the returned original.
     */
    THREAD("thread"),
    /** Its sender (or a bounce's failed recipient) is one of the delegation's addresses. */
    ADDRESS("address"),
    /** Its sender's domain is the delegation's, and no other's. */
    DOMAIN("domain"),
    NONE("none"),
    /**
     * A person said whose reply an {@link Kind#UNMATCHED} message is ({@code circular replies
     * --assign}): a later row for the same message, which supersedes the unmatched one.
     */
    HAND("hand");

    private final String label;

    MatchedBy(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Optional<MatchedBy> of(String label) {
      return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
      return label;
    }
  }
}
