package circular.campaign;

import circular.InputException;
import circular.Problem;
import circular.recipients.Recipient;
import circular.recipients.RecipientList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run will do with each recipient, decided from the log before anything is sent: letters
 * already sent are skipped; deferred ones are tried again; failed ones and those in doubt are left
 * alone unless the user asks, and those in doubt are always reported.
 *
 * @param toSend the recipients to write to, in list order, each with its previous row if any
 */
public record SendPlan(
    List<Planned> toSend,
    List<Recipient> alreadySent,
    List<SentRow> failedLeft,
    List<SentRow> inDoubtLeft) {

  /** A recipient to write to, and the last row of an earlier attempt (whose Message-ID is kept). */
  public record Planned(Recipient recipient, Optional<SentRow> previous) {}

  /**
   * @param retryFailed send again to recipients whose last letter failed permanently
   * @param resendInDoubt send again to recipients whose letter may have arrived
   * @param limit at most this many letters (0 for no limit)
   */
  public static SendPlan of(
      List<Recipient> recipients,
      Map<String, SentRow> latest,
      boolean retryFailed,
      boolean resendInDoubt,
      int limit) {
    List<Planned> toSend = new ArrayList<>();
    List<Recipient> sent = new ArrayList<>();
    List<SentRow> failed = new ArrayList<>();
    List<SentRow> inDoubt = new ArrayList<>();
    for (Recipient r : recipients) {
      Optional<SentRow> last = Optional.ofNullable(latest.get(r.id().toLowerCase(Locale.ROOT)));
      Status status = last.map(SentRow::status).orElse(null);
      if (status == Status.SENT) {
        sent.add(r);
        continue;
      }
      boolean doubtful = status == Status.IN_DOUBT || status == Status.SENDING;
      if (doubtful && !resendInDoubt) {
        inDoubt.add(last.get());
        continue;
      }
      if (status == Status.FAILED && !retryFailed) {
        failed.add(last.get());
        continue;
      }
      if (limit <= 0 || toSend.size() < limit) {
        toSend.add(new Planned(r, last));
      }
    }
    return new SendPlan(
        List.copyOf(toSend), List.copyOf(sent), List.copyOf(failed), List.copyOf(inDoubt));
  }

  /**
   * This plan with the letters in doubt that the user named ({@code --resend-in-doubt}) sent again
   * after all, in list order; a limit does not hold them back.
   *
   * @param named recipient ids, in any case, or {@code all}
   * @param recipients the recipients the plan was made from
   * @param list the list they come from, where a named id must be
   * @throws InputException naming every id that is not in the list, or not in doubt, as typed
   */
  public SendPlan withInDoubtResent(
      Set<String> named, List<Recipient> recipients, RecipientList list) {
    Set<String> ids =
        named.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return this;
    }
    boolean all = ids.contains("all");
    Set<String> doubtful =
        inDoubtLeft.stream()
            .map(r -> r.recipientId().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    Set<String> listed =
        list.recipients().stream()
            .map(r -> r.id().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    if (!all) {
      List<Problem> unknown =
          named.stream()
              .filter(id -> !doubtful.contains(id.toLowerCase(Locale.ROOT)))
              .map(
                  id ->
                      new Problem(
                          "--resend-in-doubt",
                          listed.contains(id.toLowerCase(Locale.ROOT))
                              ? "'"
                                  + id
                                  + "' is not in doubt; only letters in doubt can be named here"
                              : "no recipient with id '" + id + "' in " + list.file()))
              .toList();
      if (!unknown.isEmpty()) {
        throw new InputException(unknown);
      }
    }
    List<Planned> resent = new ArrayList<>(toSend);
    List<SentRow> stillInDoubt = new ArrayList<>();
    for (SentRow row : inDoubtLeft) {
      String id = row.recipientId().toLowerCase(Locale.ROOT);
      if (all || ids.contains(id)) {
        recipients.stream()
            .filter(r -> r.id().equalsIgnoreCase(id))
            .findFirst()
            .ifPresent(r -> resent.add(new Planned(r, Optional.of(row))));
      } else {
        stillInDoubt.add(row);
      }
    }
    resent.sort(Comparator.comparingLong(p -> p.recipient().line()));
    return new SendPlan(List.copyOf(resent), alreadySent, failedLeft, List.copyOf(stillInDoubt));
  }
}
