package circular.replies;

import circular.InputException;
import circular.Problem;
import circular.campaign.Campaign;
import circular.campaign.CampaignLock;
import circular.files.NearNames;
import circular.recipients.Recipient;
import circular.recipients.RecipientList;
import circular.replies.ResponseRow.Kind;
import circular.replies.ResponseRow.MatchedBy;
import circular.server.MessageId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Records a person's word that unmatched messages are delegations' replies ({@code circular replies
 * --assign MESSAGE_ID=ID}): one {@link MatchedBy#HAND} row each, appended to {@code responses.csv}
 * after the unmatched row it supersedes ({@link ResponseLog#read}). Every assignment is checked
 * before any is written, and all of them are refused together if one is wrong: a malformed
 * argument, a delegation not on the campaign's list, a message not in the log, or one that is not
 * unmatched (a delegation's own reply is never given to another; an automatic reply or a bounce is
 * not a reply). An assignment already recorded is not written again; a message assigned to another
 * delegation before is assigned anew, its later hand row counting, so that a mistake is corrected
 * with the same command and never by editing the log. Holds the campaign's scan lock while it reads
 * and writes the log, so that no scan appends meanwhile.
 *
 * <pre>{@code
 * List<HandAssignments.Outcome> done =
 *     HandAssignments.record(campaign, list, List.of("<4f2a@webmail.example>=ESP"), Instant.now());
 * }</pre>
 */
public final class HandAssignments {
  private HandAssignments() {}

  /**
   * What became of one assignment.
   *
   * @param row the message's row as {@link ResponseLog#read} now gives it: the hand row
   * @param already whether it was recorded by an earlier run, and nothing was written for it
   */
  public record Outcome(ResponseRow row, boolean already, Optional<String> before) {
    Outcome(ResponseRow row, boolean already) {
      this(row, already, Optional.empty());
    }

    /**
     * {@code Assigned <4f2a@webmail.example> (maria@webmail.example, 'RE: Invitation') to ESP: its
     * reply.}
     */
    public String line() {
      String message =
          row.messageId() + " (" + row.from() + ", '" + row.subject().replace("'", "’") + "')";
      return already
          ? "Already assigned: "
              + message
              + " is "
              + row.recipientId()
              + "'s reply; nothing changed."
          : before
              .map(
                  b ->
                      "Reassigned "
                          + message
                          + " from "
                          + b
                          + " to "
                          + row.recipientId()
                          + ": counted as "
                          + row.recipientId()
                          + "'s reply, no longer "
                          + b
                          + "'s.")
              .orElse(
                  "Assigned " + message + " to " + row.recipientId() + ": counted as its reply.");
    }
  }

  /**
   * Checks every assignment typed, then records those not recorded yet, durably.
   *
   * @param typed the arguments as typed, {@code MESSAGE_ID=ID}
   * @param now when the assignment is made, for the row's detail
   * @return one outcome per message, in the order typed
   * @throws InputException with one problem per wrong assignment; nothing was written
   */
  public static List<Outcome> record(
      Campaign campaign, RecipientList list, List<String> typed, Instant now) {
    try (CampaignLock lock = ScanLock.acquire(campaign.folder())) {
      List<ResponseRow> rows = ResponseLog.read(campaign.responses());
      Map<String, Outcome> outcomes = new LinkedHashMap<>(); // by the message's key
      List<Problem> problems = new ArrayList<>();
      for (String argument : typed) {
        Optional<Assignment> parsed = Assignment.parse(argument);
        if (parsed.isEmpty()) {
          problems.add(
              new Problem(
                  "--assign '" + argument + "'",
                  "expected MESSAGE_ID=ID, the Message-ID as responses.csv shows it and the"
                      + " delegation's id, e.g. --assign '<4f2a@webmail.example>=ESP'"));
          continue;
        }
        check(parsed.get(), campaign, list, rows, outcomes, now).ifPresent(problems::add);
      }
      if (!problems.isEmpty()) {
        throw new InputException(problems);
      }
      if (outcomes.values().stream().anyMatch(o -> !o.already())) {
        // opened only to write: the log's first open cuts off a row torn by a killed process
        try (ResponseLog log = ResponseLog.open(campaign.responses())) {
          outcomes.values().stream().filter(o -> !o.already()).forEach(o -> log.append(o.row()));
        }
      }
      return List.copyOf(outcomes.values());
    }
  }

  /** The problem with one assignment, or none, its outcome then put in {@code outcomes}. */
  private static Optional<Problem> check(
      Assignment assignment,
      Campaign campaign,
      RecipientList list,
      List<ResponseRow> rows,
      Map<String, Outcome> outcomes,
      Instant now) {
    List<String> problems = new ArrayList<>();
    Optional<Recipient> recipient =
        list.recipients().stream()
            .filter(r -> key(r.id()).equals(key(assignment.recipientId())))
            .findFirst();
    if (recipient.isEmpty()) {
      List<String> ids = list.recipients().stream().map(Recipient::id).toList();
      problems.add(
          "no delegation with id '"
              + assignment.recipientId()
              + "' in "
              + list.file()
              + NearNames.closest(assignment.recipientId(), ids)
                  .map(n -> "; did you mean '" + n + "'?")
                  .orElse(""));
    }
    String messageKey = assignment.messageId().key();
    Optional<ResponseRow> row = rows.stream().filter(r -> messageKey.equals(key(r))).findFirst();
    if (row.isEmpty()) {
      problems.add(notRecorded(assignment, campaign, rows));
    } else {
      notUnmatched(row.get(), recipient.map(Recipient::id).orElse(assignment.recipientId()))
          .ifPresent(problems::add);
    }
    Outcome earlier = outcomes.get(messageKey);
    if (earlier != null
        && recipient.isPresent()
        && !key(earlier.row().recipientId()).equals(key(recipient.get().id()))) {
      problems.add("the message is assigned to " + earlier.row().recipientId() + " too: give one");
    }
    if (!problems.isEmpty()) {
      return Optional.of(assignment.problem(String.join("; ", problems)));
    }
    ResponseRow found = row.orElseThrow();
    if (earlier == null) {
      String id = recipient.orElseThrow().id();
      boolean assigned = found.matchedBy() == MatchedBy.HAND;
      outcomes.put(
          messageKey,
          assigned && key(found.recipientId()).equals(key(id))
              ? new Outcome(found, true)
              : new Outcome(
                  hand(found, id, now),
                  false,
                  assigned ? Optional.of(found.recipientId()) : Optional.empty()));
    }
    return Optional.empty();
  }

  /**
   * Why the message's row cannot be assigned to {@code id}: it is neither an unmatched message nor
   * one a person assigned before (which may be assigned again, to correct a mistake).
   */
  private static Optional<String> notUnmatched(ResponseRow row, String id) {
    if (row.kind() == Kind.UNMATCHED) {
      return Optional.empty();
    }
    if (row.matchedBy() == MatchedBy.HAND) {
      return Optional.empty(); // assigned by a person, who may correct it: the later row counts
    }
    String whose = row.recipientId().isEmpty() ? "" : row.recipientId() + "'s ";
    return Optional.of(
        switch (row.kind()) {
          case REPLY ->
              "is "
                  + whose
                  + "own reply (matched by "
                  + row.matchedBy()
                  + "); only an unmatched message can be assigned";
          case AUTO_REPLY ->
              "is "
                  + whose
                  + "automatic reply, not a reply; only an unmatched message can be assigned";
          case BOUNCE -> "is a bounce, not a reply; only an unmatched message can be assigned";
          case UNMATCHED -> throw new IllegalStateException("an unmatched message can be assigned");
        });
  }

  /** The message is not in the log: what is, to choose from. */
  private static String notRecorded(
      Assignment assignment, Campaign campaign, List<ResponseRow> rows) {
    if (rows.isEmpty()) {
      return campaign.responses()
          + " has no messages yet; run 'circular replies' first to read the mailboxes";
    }
    List<String> unmatched =
        rows.stream().filter(r -> r.kind() == Kind.UNMATCHED).map(ResponseRow::messageId).toList();
    String where = "no message " + assignment.messageId() + " in " + campaign.responses();
    if (unmatched.isEmpty()) {
      return where + ", and no unmatched message to assign";
    }
    return where
        + NearNames.closest(assignment.messageId().text(), unmatched)
            .map(n -> "; did you mean '" + n + "'?")
            .orElse("")
        + " (its unmatched messages: "
        + String.join(", ", unmatched.subList(0, Math.min(5, unmatched.size())))
        + (unmatched.size() > 5 ? " and " + (unmatched.size() - 5) + " more" : "")
        + ")";
  }

  /** The row that makes the unmatched {@code row} delegation {@code id}'s reply. */
  static ResponseRow hand(ResponseRow row, String id, Instant now) {
    return new ResponseRow(
        row.received(),
        id,
        Kind.REPLY,
        row.from(),
        row.subject(),
        row.messageId(),
        MatchedBy.HAND,
        "assigned by hand on " + now.truncatedTo(ChronoUnit.SECONDS));
  }

  private static String key(ResponseRow row) {
    return new MessageId(row.messageId()).key();
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
