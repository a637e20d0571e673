package circular.mailbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MessageHeaders;

/**
 * What a mail server's report about one of our letters says: whether delivery failed, to whom,
 * and which letter it was (the returned original's Message-ID). Read from an RFC 3464 {@code
 * multipart/report} (with {@code org.eclipse.angus:dsn}), or failing that from the plain-text
 * bounces qmail, Postfix, Exim and Exchange still send.
 *
 * <p>Only an {@code Action: failed} is a bounce; {@code delayed}, {@code delivered}, {@code
 * relayed} and {@code expanded} are news from a machine, an auto-reply.
 *
 * @param failed whether delivery failed for good, for at least one recipient
 * @param recipients the failed recipients, or when nothing failed, those the report is about
 * @param returnedIds the Message-ID (and References) of the returned original
 * @param returnedSubject the returned original's subject, when it came back
 */
record DeliveryReport(boolean failed, List<String> recipients, List<String> returnedIds, Optional<String> returnedSubject) {

  private static final Pattern SUSPECT_SUBJECT =
      Pattern.compile(
          "undeliver|undelivered mail|returned mail|mail delivery fail|delivery status notification|"
              + "delivery failure|failure notice|delivery has failed|could not be delivered|"
              + "non remis|non distribuable|unzustellbar|nicht zustellbar|no se puede entregar|no entregado|"
              + "warning: message .* delayed|delivery delayed|delayed mail",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final int MAX_DEPTH = 6;

  DeliveryReport {
    recipients = List.copyOf(recipients);
    returnedIds = List.copyOf(returnedIds);
  }

  /**
   * Whether the headers look like a server's report, so that the body is worth fetching: a
   * {@code multipart/report}, a mailer-daemon or postmaster sender, a bounce subject, or an
   * Exim {@code X-Failed-Recipients}.
   */
  static boolean suspected(MailHeaders headers) {
    return headers.contentType().equals("multipart/report")
        || headers.from().map(PlainTextBounce::isServer).orElse(false)
        || headers.get("X-Failed-Recipients").isPresent()
        || SUSPECT_SUBJECT.matcher(headers.subject()).find();
  }

  /** Reads the report in a whole message; empty if it is not a delivery report after all. */
  static Optional<DeliveryReport> read(MimePart message, MailHeaders headers) throws MessagingException, IOException {
    Parts parts = new Parts();
    parts.collect(message, 0);
    if (parts.actions.isEmpty()) {
      return PlainTextBounce.read(parts.text.toString(), headers, parts.ids, parts.returnedSubject);
    }
    boolean failed = parts.actions.stream().anyMatch(a -> a.action().equals("failed"));
    List<String> recipients =
        parts.actions.stream()
            .filter(a -> !failed || a.action().equals("failed"))
            .map(RecipientAction::recipient)
            .filter(r -> !r.isEmpty())
            .toList();
    parts.ids.addAll(PlainTextBounce.ids(parts.text.toString()));
    return Optional.of(new DeliveryReport(failed, recipients, List.copyOf(parts.ids), parts.returnedSubject));
  }

  private record RecipientAction(String recipient, String action) {}

  /** What the parts of a report hold, gathered in one walk of its MIME tree. */
  private static final class Parts {
    final List<RecipientAction> actions = new ArrayList<>();
    final Set<String> ids = new LinkedHashSet<>();
    final StringBuilder text = new StringBuilder();
    Optional<String> returnedSubject = Optional.empty();

    void collect(Part part, int depth) throws MessagingException, IOException {
      if (depth > MAX_DEPTH) {
        return;
      }
      String type = MailHeaders.baseType(part.getContentType() == null ? "text/plain" : part.getContentType());
      switch (type) {
        case "message/delivery-status", "message/global-delivery-status" -> deliveryStatus(part);
        case "message/rfc822", "message/global", "text/rfc822-headers", "message/rfc822-headers" -> returned(part);
        case "text/plain" -> text.append(text(part)).append('\n');
        default -> {
          if (type.startsWith("multipart/") && part instanceof MimePart mime) {
            // Parsed here rather than through getContent(): no dependence on which content
            // handlers the mailcap files of the class path register.
            MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(mime));
            for (int i = 0; i < multipart.getCount(); i++) {
              BodyPart child = multipart.getBodyPart(i);
              collect(child, depth + 1);
            }
          }
        }
      }
    }

    private void deliveryStatus(Part part) throws MessagingException, IOException {
      try (InputStream in = part.getInputStream()) {
        DeliveryStatus status = new DeliveryStatus(in);
        for (int i = 0; i < status.getRecipientDSNCount(); i++) {
          InternetHeaders recipient = status.getRecipientDSN(i);
          String action = value(recipient.getHeader("Action", null)).toLowerCase(Locale.ROOT);
          String address = addressOf(recipient.getHeader("Final-Recipient", null));
          if (address.isEmpty()) {
            address = addressOf(recipient.getHeader("Original-Recipient", null));
          }
          if (!action.isEmpty()) {
            actions.add(new RecipientAction(address, action));
          }
        }
      }
    }

    /** The returned original, or its headers: which of our letters this report is about. */
    private void returned(Part part) throws MessagingException, IOException {
      try (InputStream in = part.getInputStream()) {
        MessageHeaders original = new MessageHeaders(in);
        MailHeaders headers = MailHeaders.of(original);
        headers.messageId().ifPresent(ids::add);
        ids.addAll(headers.threadIds());
        if (returnedSubject.isEmpty() && !headers.subject().isEmpty()) {
          returnedSubject = Optional.of(headers.subject());
        }
      }
    }

    private static String text(Part part) throws MessagingException, IOException {
      Charset charset = StandardCharsets.UTF_8;
      try {
        String name = new ContentType(part.getContentType()).getParameter("charset");
        if (name != null) {
          charset = Charset.forName(MimeUtility.javaCharset(name));
        }
      } catch (RuntimeException | MessagingException e) {
        // an unknown charset: UTF-8 reads the addresses and ids, which are ASCII
      }
      try (InputStream in = part.getInputStream()) {
        return new String(in.readNBytes(1 << 20), charset);
      }
    }

    private static String value(String header) {
      return header == null ? "" : header.strip();
    }

    /** {@code "rfc822; someone@x.example"} → {@code someone@x.example}. */
    private static String addressOf(String field) {
      if (field == null) {
        return "";
      }
      String value = field.substring(field.indexOf(';') + 1).strip();
      if (value.startsWith("<") && value.endsWith(">")) {
        value = value.substring(1, value.length() - 1);
      }
      return value.indexOf('@') > 0 ? value : "";
    }
  }
}
