package circular.replies;

import circular.mailbox.MailHeaders;
import circular.mailbox.Source;
import circular.replies.ResponseRow.Kind;
import circular.replies.ResponseRow.MatchedBy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides, for one message, whether it concerns the campaign and how: which delegation (by thread,
 * address or domain, in that order, never guessed), what it is (a bounce, an auto-reply or a reply,
 * decided before threading) and what it says (the {@code detail}: a report's failed address, status
 * and reason, an out-of-office's return date). A delivery report is tied only by the letter it
 * returns or the recipient it names, never by a domain. A message that plainly answers a letter but
 * fits no delegation is kept as {@code unmatched}; anything else is none of the campaign's
 * business. Stateless apart from the index; thread-safe.
 */
final class Triage {
  /** Clocks disagree; a reply is not expected to be older than its letter by more than this. */
  private static final Duration CLOCK_SKEW = Duration.ofHours(1);

  private final CampaignIndex index;

  Triage(CampaignIndex index) {
    this.index = index;
  }

  /**
   * @param messageId the message's id, or its synthetic stand-in
   * @return the row to record, or empty when the message is not the campaign's business
   */
  Optional<ResponseRow> row(Source.Incoming message, MailHeaders headers, String messageId)
      throws MessagingException, IOException {
    Optional<String> from = headers.from();
    boolean suspected = DeliveryReport.suspected(headers);
    if ((index.isOurLetter(messageId) && !suspected) || from.map(index::isOffice).orElse(false)) {
      return Optional.empty(); // our own letter, or the office's own mail: not a response
    }
    if (index.anyTest(headers.threadIds())) {
      return Optional.empty(); // it answers a test letter: the office's trial, no delegation's
    }
    Instant received =
        headers
            .date()
            .or(() -> arrivedOrEmpty(message))
            .orElseGet(Instant::now)
            .truncatedTo(ChronoUnit.SECONDS);

    // A report's words are read only when a machine wrote it, and never a delegation's own mail:
    // a delegation's out-of-office saying "your message will not be delivered" is no bounce.
    boolean readWords =
        DeliveryReport.fromMachine(headers) && from.flatMap(index::byAddress).isEmpty();
    Whole whole = new Whole(message);
    Optional<DeliveryReport> report =
        suspected ? DeliveryReport.read(whole.get(), headers, readWords) : Optional.empty();
    if (report.isPresent()) {
      return reportRow(report.get(), received, headers, messageId);
    }
    Kind kind = AutoReplies.isAutomatic(headers) ? Kind.AUTO_REPLY : Kind.REPLY;
    Optional<Match> match = match(kind, received, headers);
    if (match.isEmpty()) {
      return Optional.empty();
    }
    String detail = "";
    if (kind == Kind.AUTO_REPLY && match.get().by() != MatchedBy.NONE) {
      detail = ReturnDates.in(whole.get(), received).map(ReturnDates.Found::detail).orElse("");
    }
    Match m = match.get();
    return Optional.of(
        row(
            received,
            m.recipientId(),
            m.by() == MatchedBy.NONE ? Kind.UNMATCHED : kind,
            headers,
            messageId,
            m.by(),
            detail));
  }

  private record Match(String recipientId, MatchedBy by) {}

  /** The whole message, fetched the first time it is needed and only then. */
  private static final class Whole {
    private final Source.Incoming message;
    private MimePart part;

    Whole(Source.Incoming message) {
      this.message = message;
    }

    MimePart get() throws MessagingException, IOException {
      if (part == null) {
        part = message.whole();
      }
      return part;
    }
  }

  /** Who a reply or an automatic reply is from: by thread, address or domain, or unmatched. */
  private Optional<Match> match(Kind kind, Instant received, MailHeaders headers) {
    Optional<String> byThread = index.byThread(headers.threadIds());
    if (byThread.isPresent()) {
      return Optional.of(new Match(byThread.get(), MatchedBy.THREAD));
    }
    boolean answersLetter = index.answersLetter(headers.subject());
    if (olderThanCampaign(received)) {
      return Optional.empty(); // older than the campaign: the contact's earlier correspondence
    }
    if (!headers.threadIds().isEmpty() && !answersLetter) {
      return Optional.empty(); // a reply in another conversation, even from a delegation
    }
    List<String> senders = new ArrayList<>();
    headers.from().ifPresent(senders::add);
    if (kind == Kind.AUTO_REPLY) {
      headers.sender().ifPresent(senders::add);
      headers.returnPath().ifPresent(senders::add);
    }
    for (String address : senders) {
      Optional<String> byAddress = index.byAddress(address);
      if (byAddress.isPresent()) {
        return Optional.of(new Match(byAddress.get(), MatchedBy.ADDRESS));
      }
    }
    // a server or a no-reply sender at a delegation's domain writes for everyone there
    for (String address : DeliveryReport.fromMachine(headers) ? List.<String>of() : senders) {
      Optional<String> byDomain = index.byDomain(address);
      if (byDomain.isPresent()) {
        return Optional.of(new Match(byDomain.get(), MatchedBy.DOMAIN));
      }
    }
    return answersLetter ? Optional.of(new Match("", MatchedBy.NONE)) : Optional.empty();
  }

  /**
   * A report is tied to a delegation by the letter it returns, or by the failed recipient it names
   * — never by its own sender, a server, and never by a domain alone.
   */
  private Optional<ResponseRow> reportRow(
      DeliveryReport report, Instant received, MailHeaders headers, String messageId) {
    Kind kind = report.failed() ? Kind.BOUNCE : Kind.AUTO_REPLY;
    List<String> candidates =
        report.candidates().stream()
            .filter(a -> !index.isOffice(a) && !PlainTextBounce.isDaemon(a))
            .toList();
    List<String> threadIds = new ArrayList<>(report.returnedIds());
    threadIds.addAll(headers.threadIds());
    if (index.anyTest(threadIds)) {
      return Optional.empty(); // a test letter came back: its address is the office's, not theirs
    }
    Optional<String> byThread = index.byThread(threadIds);
    if (byThread.isPresent()) {
      // the delegation's address the report names; if it names none, the returned letter's
      Optional<String> address =
          Stream.concat(candidates.stream(), report.returnedTo().stream())
              .filter(a -> index.byAddress(a).equals(byThread))
              .findFirst();
      return Optional.of(
          row(
              received,
              byThread.get(),
              kind,
              headers,
              messageId,
              MatchedBy.THREAD,
              report.detail(address)));
    }
    if (olderThanCampaign(received)) {
      return Optional.empty();
    }
    boolean returnsLetter = report.returnedSubject().map(index::answersLetter).orElse(false);
    if (candidates.isEmpty() && returnsLetter) {
      // it names no one, but returns a copy of the campaign's letter: to whom that copy was written
      candidates = report.returnedTo().stream().filter(a -> !index.isOffice(a)).toList();
    }
    for (String address : candidates) {
      Optional<String> byAddress = index.byAddress(address);
      if (byAddress.isPresent() && namedAlone(report, address, byAddress.get())) {
        return Optional.of(
            row(
                received,
                byAddress.get(),
                kind,
                headers,
                messageId,
                MatchedBy.ADDRESS,
                report.detail(Optional.of(address))));
      }
    }
    boolean answersLetter = index.answersLetter(headers.subject()) || returnsLetter;
    if (answersLetter) {
      return Optional.of(
          row(
              received,
              "",
              Kind.UNMATCHED,
              headers,
              messageId,
              MatchedBy.NONE,
              report.detail(Optional.empty())));
    }
    return Optional
        .empty(); // it names no delegation's letter or address: none of the campaign's business
  }

  /**
   * Whether no address named with {@code address} belongs to another delegation: else it proves
   * nothing.
   */
  private boolean namedAlone(DeliveryReport report, String address, String recipientId) {
    return report.namedWith(address).stream()
        .map(index::byAddress)
        .flatMap(Optional::stream)
        .allMatch(recipientId::equals);
  }

  private boolean olderThanCampaign(Instant received) {
    return index.start().map(start -> received.isBefore(start.minus(CLOCK_SKEW))).orElse(false);
  }

  private static Optional<Instant> arrivedOrEmpty(Source.Incoming message) {
    try {
      return message.arrived();
    } catch (MessagingException e) {
      return Optional.empty();
    }
  }

  private static ResponseRow row(
      Instant received,
      String recipientId,
      Kind kind,
      MailHeaders headers,
      String messageId,
      MatchedBy by,
      String detail) {
    String from = headers.from().or(headers::sender).or(headers::returnPath).orElse("");
    return new ResponseRow(
        received, recipientId, kind, from, headers.subject(), messageId, by, detail);
  }
}
