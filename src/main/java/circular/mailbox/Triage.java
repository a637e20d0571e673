package circular.mailbox;

import circular.campaign.ResponseRow;
import circular.campaign.ResponseRow.Kind;
import circular.campaign.ResponseRow.MatchedBy;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for one message, whether it concerns the campaign and how: which delegation (by
 * thread, address or domain, in that order, never guessed), and what it is (a bounce, an
 * auto-reply or a reply, decided before threading). A message that plainly answers a letter but
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
    if (index.isOurLetter(messageId) || from.map(index::isOffice).orElse(false)) {
      return Optional.empty(); // our own letter, or the office's own mail: not a response
    }
    Instant received =
        headers.date().or(() -> arrivedOrEmpty(message)).orElseGet(Instant::now).truncatedTo(ChronoUnit.SECONDS);

    Optional<DeliveryReport> report =
        DeliveryReport.suspected(headers) ? DeliveryReport.read(message.whole(), headers) : Optional.empty();
    Kind kind =
        report.map(r -> r.failed() ? Kind.BOUNCE : Kind.AUTO_REPLY)
            .orElse(AutoReplies.isAutomatic(headers) ? Kind.AUTO_REPLY : Kind.REPLY);

    List<String> threadIds = new ArrayList<>(headers.threadIds());
    report.ifPresent(r -> threadIds.addAll(0, r.returnedIds()));
    Optional<String> byThread = index.byThread(threadIds);
    if (byThread.isPresent()) {
      return Optional.of(row(received, byThread.get(), kind, headers, messageId, MatchedBy.THREAD));
    }

    boolean answersLetter =
        index.answersLetter(headers.subject())
            || report.flatMap(DeliveryReport::returnedSubject).map(index::answersLetter).orElse(false);
    if (index.start().map(start -> received.isBefore(start.minus(CLOCK_SKEW))).orElse(false)) {
      return Optional.empty(); // older than the campaign: the contact's earlier correspondence
    }
    if (report.isEmpty() && !headers.threadIds().isEmpty() && !answersLetter) {
      return Optional.empty(); // a reply in another conversation, even from a delegation
    }

    List<String> senders = new ArrayList<>();
    if (report.isPresent()) {
      senders.addAll(report.get().recipients()); // a report: the recipient it is about
    } else {
      from.ifPresent(senders::add);
      if (kind == Kind.AUTO_REPLY) {
        headers.sender().ifPresent(senders::add);
        headers.returnPath().ifPresent(senders::add);
      }
    }
    for (String address : senders) {
      Optional<String> byAddress = index.byAddress(address);
      if (byAddress.isPresent()) {
        return Optional.of(row(received, byAddress.get(), kind, headers, messageId, MatchedBy.ADDRESS));
      }
    }
    if (report.isEmpty()) {
      for (String address : senders) {
        Optional<String> byDomain = index.byDomain(address);
        if (byDomain.isPresent()) {
          return Optional.of(row(received, byDomain.get(), kind, headers, messageId, MatchedBy.DOMAIN));
        }
      }
    }
    if (answersLetter) {
      return Optional.of(row(received, "", Kind.UNMATCHED, headers, messageId, MatchedBy.NONE));
    }
    return Optional.empty();
  }

  private static Optional<Instant> arrivedOrEmpty(Source.Incoming message) {
    try {
      return message.arrived();
    } catch (MessagingException e) {
      return Optional.empty();
    }
  }

  private static ResponseRow row(
      Instant received, String recipientId, Kind kind, MailHeaders headers, String messageId, MatchedBy by) {
    String from = headers.from().or(headers::sender).or(headers::returnPath).orElse("");
    return new ResponseRow(received, recipientId, kind, from, headers.subject(), messageId, by);
  }
}
