package circular.replies;

import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.campaign.Status;
import circular.recipients.Recipient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where one delegation stands in a campaign: its letter, any follow-up, and what came back — the
 * first reply, the last automatic reply, the last bounce. Only a reply counts as an answer.
 *
 * @param letter the last row of the campaign's letter for this delegation
 * @param followUp the last row of any other letter of the campaign (a reminder)
 */
public record Standing(
    Recipient recipient,
    Optional<SentRow> letter,
    Optional<SentRow> followUp,
    Optional<ResponseRow> reply,
    Optional<ResponseRow> autoReply,
    Optional<ResponseRow> bounce) {

  /**
   * Where the letter stands: its last row's status, except that a {@code sending} row with nothing
   * after it — the run died mid-transaction — is {@link Status#IN_DOUBT}, as {@code send} treats
   * it; empty if the letter was never tried.
   */
  public Optional<Status> letterStatus() {
    return letter.map(r -> r.status() == Status.SENDING ? Status.IN_DOUBT : r.status());
  }

  public boolean sent() {
    return letterStatus().equals(Optional.of(Status.SENT));
  }

  /** The letter may have arrived: sending was cut off after it began. */
  public boolean inDoubt() {
    return letterStatus().equals(Optional.of(Status.IN_DOUBT));
  }

  public boolean answered() {
    return reply.isPresent();
  }

  /** Sent, and no reply yet. */
  public boolean awaiting() {
    return sent() && !answered();
  }

  /** Sent, no reply and no bounce: a reminder may go. */
  public boolean remindable() {
    return awaiting() && bounce.isEmpty();
  }

  /** Every delegation of the list, in its order, with what the logs say of it. */
  public static List<Standing> of(
      List<Recipient> recipients, String letter, List<SentRow> sent, List<ResponseRow> responses) {
    Map<String, SentRow> letters = SentLog.latest(sent, letter);
    Map<String, SentRow> followUps = new HashMap<>();
    for (SentRow row : sent) {
      if (!row.letter().equals(letter) && row.status() != Status.TEST) {
        followUps.put(key(row.recipientId()), row);
      }
    }
    Map<String, List<ResponseRow>> byRecipient = new HashMap<>();
    for (ResponseRow row : responses) {
      if (!row.recipientId().isEmpty()) {
        byRecipient.computeIfAbsent(key(row.recipientId()), k -> new ArrayList<>()).add(row);
      }
    }
    List<Standing> all = new ArrayList<>();
    for (Recipient r : recipients) {
      List<ResponseRow> mine = byRecipient.getOrDefault(key(r.id()), List.of());
      all.add(
          new Standing(
              r,
              Optional.ofNullable(letters.get(key(r.id()))),
              Optional.ofNullable(followUps.get(key(r.id()))),
              first(mine, ResponseRow.Kind.REPLY),
              last(mine, ResponseRow.Kind.AUTO_REPLY),
              last(mine, ResponseRow.Kind.BOUNCE)));
    }
    return all;
  }

  private static Optional<ResponseRow> first(List<ResponseRow> rows, ResponseRow.Kind kind) {
    return rows.stream()
        .filter(r -> r.kind() == kind)
        .min(Comparator.comparing(ResponseRow::received));
  }

  private static Optional<ResponseRow> last(List<ResponseRow> rows, ResponseRow.Kind kind) {
    return rows.stream()
        .filter(r -> r.kind() == kind)
        .max(Comparator.comparing(ResponseRow::received));
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
