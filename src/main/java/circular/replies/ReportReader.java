package circular.replies;

import circular.mailbox.AddressesInText;
import circular.mailbox.MailHeaders;
import circular.replies.DeliveryReport.Outcome;
import circular.replies.DeliveryReport.Recipient;
import circular.server.MessageId;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.dsn.MessageHeaders;

/**
 * Reads a {@link DeliveryReport} from a whole message, in one walk of its MIME tree: the
 * machine-readable parts ({@code message/delivery-status}, {@code message/feedback-report}), the
 * returned original or its headers ({@code message/rfc822}, {@code text/rfc822-headers}), and the
 * text a person would read (plain text, or HTML reduced to text). A part whose MIME structure is
 * broken is read as text rather than dropped; a returned message that is itself a report (a bounce
 * forwarded by a relay) is read as part of the report. Then the report is understood in this order:
 * its feedback fields, an Amazon SES notification, its delivery-status fields (wherever they were
 * written), and last its words ({@link PlainTextBounce}). What is found only in the words — pasted
 * fields, a notification, the words themselves — counts only when a machine wrote the message
 * ({@link DeliveryReport#fromMachine}): a person quoting a report sends none. One reader per
 * message, used by one thread: {@code ReportReader.read(message, headers, true)}.
 */
final class ReportReader {
  private static final int MAX_DEPTH = 8;
  private static final int MAX_PART = 1 << 20;
  private static final Session SESSION = Session.getInstance(new Properties());

  private final List<String> texts = new ArrayList<>();
  private final List<StatusFields> fields = new ArrayList<>();
  private final Set<String> ids = new LinkedHashSet<>();
  private final List<String> returnedTo = new ArrayList<>();
  private final Set<String> quoted = new LinkedHashSet<>();
  private Optional<String> returnedSubject = Optional.empty();

  private ReportReader() {}

  static Optional<DeliveryReport> read(MimePart message, MailHeaders headers, boolean readWords)
      throws MessagingException, IOException {
    ReportReader reader = new ReportReader();
    reader.collect(message, 0);
    return reader.report(headers, readWords);
  }

  private Optional<DeliveryReport> report(MailHeaders headers, boolean readWords) {
    List<QuotedOriginal> quotes = texts.stream().map(QuotedOriginal::in).toList();
    StringBuilder ownWords = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      QuotedOriginal q = quotes.get(i);
      ownWords.append(q.ownWords()).append("\n\n");
      q.ids().forEach(ids::add);
      quoted.addAll(q.senders());
      if (returnedSubject.isEmpty()) {
        returnedSubject = q.subject();
      }
      returnedTo.addAll(q.recipients());
    }
    for (String text : texts) {
      if (readWords) { // fields pasted into words count only where the words do
        fields.addAll(StatusFields.parse(text));
      }
      ids.addAll(SesNotification.ids(text));
    }
    String words = ownWords.toString();
    Set<String> notRecipients = new LinkedHashSet<>(quoted);
    for (String name : List.of("From", "Sender", "Return-Path")) {
      headers
          .get(name)
          .ifPresent(
              v ->
                  AddressesInText.all(v)
                      .forEach(a -> notRecipients.add(a.toLowerCase(Locale.ROOT))));
    }

    Optional<Reading> reading =
        feedback(headers)
            .or(() -> readWords ? SesNotification.read(String.join("\n", texts)) : Optional.empty())
            .or(() -> deliveryStatus(readWords ? words : "", notRecipients))
            .or(
                () ->
                    readWords
                        ? PlainTextBounce.read(words, headers, notRecipients)
                        : Optional.empty());
    // The returned letter's own To says whom it was for only when the report names no one: an
    // address the report names but that is no failed recipient (its own To) is no reason to guess.
    boolean namesSomeone = !PlainTextBounce.recipients(words, Set.of()).isEmpty();
    return reading.map(
        r ->
            new DeliveryReport(
                r.outcome(),
                DeliveryReport.distinct(r.recipients()),
                namesSomeone ? List.of() : distinctAddresses(returnedTo),
                List.copyOf(ids),
                returnedSubject,
                new Recipient("", "", words),
                r.feedbackType()));
  }

  /** What one reading of the report found: the outcome, whom it names, a complaint's type. */
  record Reading(Outcome outcome, List<Recipient> recipients, String feedbackType) {
    Reading(Outcome outcome, List<Recipient> recipients) {
      this(outcome, recipients, "");
    }
  }

  private Optional<Reading> feedback(MailHeaders headers) {
    Optional<StatusFields> report = fields.stream().filter(StatusFields::isFeedback).findFirst();
    if (report.isEmpty()
        && !headers.contentTypeParameter("report-type").equals("feedback-report")) {
      return Optional.empty();
    }
    List<Recipient> recipients = new ArrayList<>();
    String type = report.flatMap(r -> r.first("feedback-type")).orElse("abuse").strip();
    report.ifPresent(
        r -> {
          for (String name : List.of("original-rcpt-to", "removal-recipient")) {
            r.all(name)
                .forEach(
                    v ->
                        AddressesInText.first(v)
                            .ifPresent(a -> recipients.add(new Recipient(a, "", ""))));
          }
        });
    return Optional.of(new Reading(Outcome.COMPLAINT, recipients, type));
  }

  /**
   * The RFC 3464 fields, from a delivery-status part or pasted into the text; for a failure, the
   * addresses the words name after those the fields do (a forwarding address's original).
   */
  private Optional<Reading> deliveryStatus(String words, Set<String> notRecipients) {
    List<Recipient> failed = new ArrayList<>();
    List<Recipient> delayed = new ArrayList<>();
    List<Recipient> delivered = new ArrayList<>();
    Set<String> notFailed = new LinkedHashSet<>();
    for (StatusFields group : fields) {
      if (!group.isRecipient()) {
        continue;
      }
      String action = group.first("action").orElse("").strip().toLowerCase(Locale.ROOT);
      String status = group.first("status").orElse("");
      String said = group.first("diagnostic-code").orElse("");
      List<Recipient> named = new ArrayList<>();
      for (String name : List.of("final-recipient", "original-recipient", "x-actual-recipient")) {
        group
            .first(name)
            .flatMap(StatusFields::address)
            .ifPresent(a -> named.add(new Recipient(a, status, said)));
      }
      if (named.isEmpty()) {
        continue;
      }
      String kind = action.isEmpty() ? byStatus(status) : action.split("[\\s(;]")[0];
      switch (kind) {
        case "failed", "failure" -> failed.addAll(named);
        case "delayed", "delay" -> delayed.addAll(named);
        case "delivered", "relayed", "expanded" -> delivered.addAll(named);
        default -> {
          // an action no standard defines: the text will tell
        }
      }
      if (!failed.containsAll(named)) {
        named.forEach(r -> notFailed.add(r.address().toLowerCase(Locale.ROOT)));
      }
    }
    Set<String> excluded = new LinkedHashSet<>(notRecipients);
    excluded.addAll(notFailed);
    if (!failed.isEmpty()) {
      List<Recipient> all = new ArrayList<>(failed);
      all.addAll(PlainTextBounce.recipients(words, excluded));
      return Optional.of(new Reading(Outcome.FAILED, all));
    }
    if (!delayed.isEmpty()) {
      return Optional.of(new Reading(Outcome.DELAYED, delayed));
    }
    if (!delivered.isEmpty()) {
      return Optional.of(new Reading(Outcome.DELIVERED, delivered));
    }
    return Optional.empty();
  }

  private static String byStatus(String status) {
    String s = status.strip();
    return s.startsWith("5")
        ? "failed"
        : s.startsWith("4") ? "delayed" : s.startsWith("2") ? "delivered" : "";
  }

  private static List<String> distinctAddresses(List<String> addresses) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (String a : addresses) {
      if (seen.add(a.toLowerCase(Locale.ROOT))) {
        out.add(a);
      }
    }
    return out;
  }

  private void collect(Part part, int depth) throws MessagingException, IOException {
    if (depth > MAX_DEPTH) {
      return;
    }
    String type =
        MailHeaders.baseType(part.getContentType() == null ? "text/plain" : part.getContentType());
    switch (type) {
      case "message/delivery-status", "message/global-delivery-status", "message/feedback-report" ->
          fields.addAll(StatusFields.parse(text(part)));
      case "message/rfc822", "message/global" -> returnedMessage(part, depth);
      case "text/rfc822-headers", "message/rfc822-headers", "text/rfc822-header" ->
          returnedHeaders(bytes(part));
      case "text/plain", "text/enriched" -> texts.add(text(part));
      case "text/html" -> texts.add(HtmlText.of(text(part)));
      default -> {
        if (type.startsWith("multipart/") && part instanceof MimePart mime) {
          multipart(mime, type, depth);
        }
      }
    }
  }

  private void multipart(MimePart mime, String type, int depth)
      throws MessagingException, IOException {
    MimeMultipart multipart;
    int count;
    try {
      // Parsed here rather than through getContent(): no dependence on which content handlers
      // the mailcap files of the class path register.
      multipart = new MimeMultipart(new MimePartDataSource(mime));
      count = multipart.getCount();
    } catch (MessagingException e) {
      texts.add(raw(mime)); // a broken boundary: what it says is still there to read
      return;
    }
    if (type.equals("multipart/alternative") && count > 0) {
      BodyPart chosen = multipart.getBodyPart(0);
      for (int i = 0; i < count; i++) {
        if (MailHeaders.baseType(String.valueOf(multipart.getBodyPart(i).getContentType()))
            .equals("text/plain")) {
          chosen = multipart.getBodyPart(i);
          break;
        }
      }
      collect(chosen, depth + 1); // the same words twice would only be read twice
      return;
    }
    for (int i = 0; i < count; i++) {
      collect(multipart.getBodyPart(i), depth + 1);
    }
  }

  /**
   * The returned original: its headers say which letter it was. When it is itself a report — a
   * relay returning the bounce it could not deliver — its parts are read as the report's own.
   */
  private void returnedMessage(Part part, int depth) throws MessagingException, IOException {
    byte[] bytes = bytes(part);
    MailHeaders headers = returnedHeaders(bytes);
    if (DeliveryReport.fromServer(headers)) {
      collect(new MimeMessage(SESSION, new ByteArrayInputStream(bytes)), depth + 1);
    }
  }

  private MailHeaders returnedHeaders(byte[] bytes) throws MessagingException {
    MessageHeaders raw = new MessageHeaders(new ByteArrayInputStream(bytes));
    MailHeaders headers = MailHeaders.of(raw);
    headers.messageId().ifPresent(ids::add);
    // Outlook.com rewrites a letter's Message-ID on the way out and keeps ours here
    MessageId.allIn(raw.getHeader("X-Microsoft-Original-Message-ID", " "))
        .forEach(id -> ids.add(id.text()));
    ids.addAll(headers.threadIds());
    if (returnedSubject.isEmpty() && !headers.subject().isEmpty()) {
      returnedSubject = Optional.of(headers.subject());
    }
    for (String name : List.of("To", "Cc")) {
      headers.get(name).ifPresent(v -> returnedTo.addAll(AddressesInText.all(v)));
    }
    for (String name : List.of("From", "Sender", "Reply-To", "Return-Path")) {
      headers
          .get(name)
          .ifPresent(
              v -> AddressesInText.all(v).forEach(a -> quoted.add(a.toLowerCase(Locale.ROOT))));
    }
    return headers;
  }

  private static byte[] bytes(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return in.readNBytes(MAX_PART);
    }
  }

  private static String text(Part part) throws MessagingException, IOException {
    try {
      return new String(bytes(part), Charsets.of(part));
    } catch (IOException | MessagingException e) {
      return part instanceof MimePart mime ? raw(mime) : "";
    }
  }

  /** The body of a part as it was sent, undecoded: for a part that cannot be parsed. */
  private static String raw(MimePart part) throws MessagingException, IOException {
    InputStream in =
        part instanceof MimeMessage m
            ? m.getRawInputStream()
            : part instanceof MimeBodyPart b ? b.getRawInputStream() : part.getInputStream();
    try (in) {
      return new String(in.readNBytes(MAX_PART), StandardCharsets.ISO_8859_1);
    }
  }
}
