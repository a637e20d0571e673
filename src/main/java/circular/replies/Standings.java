package circular.replies;

import circular.campaign.SentRow;
import circular.campaign.Status;
import circular.recipients.Recipient;
import circular.replies.ResponseRow.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where every delegation of a campaign stands, in the list's order, and what {@code status} and
 * {@code remind} count of them: who was sent the letter, who replied, who is still awaited (and of
 * those who is away or bounced), and whom a reminder goes to. Only a reply counts as an answer.
 * Immutable.
 *
 * <pre>{@code
 * Standings standings = Standings.of(list.recipients(), "2012-03-22-nim-invitation", sent, responses);
 * standings.toRemind();  // sent the letter, no reply, no bounce
 * }</pre>
 *
 * @param all every delegation of the list, in its order
 * @param unmatched the messages recorded as answering the letter that no delegation could be told
 *     for
 */
public record Standings(List<Standing> all, long unmatched) {
  public Standings {
    all = List.copyOf(all);
  }

  /**
   * What the logs say of every delegation of {@code recipients} for the campaign's {@code letter}.
   */
  public static Standings of(
      List<Recipient> recipients, String letter, List<SentRow> sent, List<ResponseRow> responses) {
    long unmatched = responses.stream().filter(r -> r.kind() == Kind.UNMATCHED).count();
    return new Standings(Standing.of(recipients, letter, sent, responses), unmatched);
  }

  /** The delegations sent the letter that have not replied. */
  public List<Standing> awaiting() {
    return all.stream().filter(Standing::awaiting).toList();
  }

  /**
   * The delegations a reminder goes to: sent the letter, no reply and no bounce; in the list's
   * order.
   */
  public List<Recipient> toRemind() {
    return all.stream().filter(Standing::remindable).map(Standing::recipient).toList();
  }

  /** The delegations whose letter may have arrived: its sending was cut off after it began. */
  public List<Standing> inDoubt() {
    return all.stream().filter(Standing::inDoubt).toList();
  }

  /** The delegations whose letter is in {@code status} ({@code failed}, {@code deferred}). */
  public List<Standing> withLetter(Status status) {
    return all.stream().filter(s -> s.letterStatus().equals(Optional.of(status))).toList();
  }

  /** The delegations the letter was never tried for. */
  public List<Standing> notSent() {
    return all.stream().filter(s -> s.letter().isEmpty()).toList();
  }

  /**
   * The counts under {@code status}'s table, every delegation of the list counted once: {@code 70
   * delegations: 23 sent, 0 replied, 23 awaiting (of whom 0 sent an automatic reply, 0 bounced); 1
   * in doubt, 46 not sent yet.}, and the unmatched messages to look at. The letters in doubt,
   * deferred, failed and not sent yet are named only when there are some.
   */
  public String totals() {
    long sent = all.stream().filter(Standing::sent).count();
    long replied = all.stream().filter(s -> s.sent() && s.answered()).count();
    List<Standing> awaiting = awaiting();
    long away = awaiting.stream().filter(s -> s.autoReply().isPresent()).count();
    long bounced = awaiting.stream().filter(s -> s.bounce().isPresent()).count();
    List<String> unsent = new ArrayList<>();
    count(unsent, inDoubt().size(), "in doubt");
    count(unsent, withLetter(Status.DEFERRED).size(), "deferred");
    count(unsent, withLetter(Status.FAILED).size(), "failed");
    count(unsent, notSent().size(), "not sent yet");
    return String.format(
        "%d delegations: %d sent, %d replied, %d awaiting (of whom %d sent an automatic reply, %d bounced)%s%s",
        all.size(),
        sent,
        replied,
        awaiting.size(),
        away,
        bounced,
        unsent.isEmpty() ? "" : "; " + String.join(", ", unsent),
        unmatched == 0
            ? "."
            : ";\n"
                + unmatched
                + " unmatched message"
                + (unmatched == 1 ? "" : "s")
                + " to look at in responses.csv.");
  }

  private static void count(List<String> parts, int n, String what) {
    if (n > 0) {
      parts.add(n + " " + what);
    }
  }

  /**
   * {@code remind}'s account of whom it writes to: {@code 57 of 70 delegations to remind (12
   * replied, 1 bounced, 0 not sent the letter).}
   */
  public String reminders() {
    return String.format(
        "%d of %d delegations to remind (%d replied, %d bounced, %d not sent the letter).",
        toRemind().size(),
        all.size(),
        all.stream().filter(s -> s.sent() && s.answered()).count(),
        all.stream().filter(s -> s.awaiting() && s.bounce().isPresent()).count(),
        all.stream().filter(s -> !s.sent()).count());
  }
}
