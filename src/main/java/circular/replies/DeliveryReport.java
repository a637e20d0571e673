package circular.replies;

import circular.mailbox.MailHeaders;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a mail server's report about a letter says: what became of it (failed, delayed, delivered,
 * or complained of as spam), for which recipients and why, and which letter it was (the returned
 * original's Message-ID). Read by {@link ReportReader} from every dialect: RFC 3464 and RFC 5965
 * reports, their fields pasted into text, Amazon SES notifications, and the plain-text notices of
 * many servers. Immutable.
 *
 * @param recipients those the report names as failed (or, when nothing failed, those it is about),
 *     the surest first: its machine-readable fields, then the addresses of its text
 * @param returnedTo the returned letter's own To and Cc: whom it was written to, when the report's
 *     words name no recipient at all (empty otherwise)
 * @param returnedIds the Message-ID (and References) of the returned original
 * @param returnedSubject the returned original's subject, when it came back
 * @param summary what the report says when it says it of no recipient in particular
 * @param feedbackType for a complaint, its RFC 5965 {@code Feedback-Type} ({@code abuse}…)
 */
record DeliveryReport(
    Outcome outcome,
    List<Recipient> recipients,
    List<String> returnedTo,
    List<String> returnedIds,
    Optional<String> returnedSubject,
    Recipient summary,
    String feedbackType) {

  /** What became of the letter, as the report tells it. */
  enum Outcome {
    /** Delivery failed for good (an expired letter that came back included): a bounce. */
    FAILED,
    /** Not delivered yet, still being tried: news from a machine, an auto-reply. */
    DELAYED,
    /** Delivered, relayed or expanded: a success notice, an auto-reply. */
    DELIVERED,
    /** A feedback (abuse) report: the recipient marked the letter as spam. */
    COMPLAINT
  }

  /**
   * One recipient as the report names it.
   *
   * @param status its {@code Status} field or the code in the text about it; may be empty
   * @param said what the server said of it: a {@code Diagnostic-Code}, or the lines about it
   * @param line for an address found in the report's words, the line it was found on; empty for one
   *     its fields name
   */
  record Recipient(String address, String status, String said, String line) {
    Recipient {
      address = address == null ? "" : address;
      status = status == null ? "" : status;
      said = said == null ? "" : said;
      line = line == null ? "" : line;
    }

    /** A recipient a report's fields name. */
    Recipient(String address, String status, String said) {
      this(address, status, said, "");
    }
  }

  private static final Pattern SUSPECT_SUBJECT =
      Pattern.compile(
          "undeliver|undelivered mail|returned mail|mail delivery fail|delivery status notification|delivery notification|"
              + "delivery failure|failure notice|delivery has failed|could not be delivered|not delivered|message delivery|"
              + "delivery status|delivery report|mail system error|non[- ]?delivery|nondeliver|delivery problem|"
              + "non remis|non distribuable|échec de (?:la )?remise|remise retardée|message non distribué|"
              + "unzustellbar|nicht zustellbar|zustellung fehlgeschlagen|übermittlungsfehler|verzögert|"
              + "no se puede entregar|no entregado|error de entrega|mensaje devuelto|entrega retrasada|"
              + "warning: message .* delayed|warning: could not send|delivery delayed|delayed mail|delivery delay|"
              + "aws notification message|^delivered:|^relayed:|feedback report|abuse report|complaint|"
              + "\\bbounce|\\bnot member|loop alert|mail failure",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A From header a mail server writes: {@code MAILER-DAEMON <>}, {@code Mail Delivery System}. */
  private static final Pattern SERVER_FROM =
      Pattern.compile(
          "mailer[-_]?daemon|<\\s*>|mail delivery (?:sub)?system|delivery status notification",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern FORWARDED_REPORT =
      Pattern.compile(
          "^\\s*(?:fwd?|fw|tr|wg|rv|enc)\\s*:\\s*(?:" + SUSPECT_SUBJECT.pattern() + ")",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A sender nobody reads: notices come from it, and some servers send their reports so. */
  private static final Pattern NO_REPLY =
      Pattern.compile("^(?:no-?reply|do-?not-?reply|bounces?)[@+-]", Pattern.CASE_INSENSITIVE);

  DeliveryReport {
    recipients = List.copyOf(recipients);
    returnedTo = List.copyOf(returnedTo);
    returnedIds = List.copyOf(returnedIds);
    feedbackType = feedbackType == null ? "" : feedbackType;
  }

  /**
   * Whether the headers look like a server's report, so that the body is worth fetching: a {@code
   * multipart/report}, a mailer-daemon or postmaster sender, the null envelope sender, a report's
   * subject, an Exim {@code X-Failed-Recipients}, or a list server's notice.
   */
  static boolean suspected(MailHeaders headers) {
    return fromServer(headers)
        || headers.from().map(a -> NO_REPLY.matcher(a).find()).orElse(false)
        || headers.get("X-Failed-Recipients").isPresent()
        || headers.get("X-MLServer").isPresent()
        || SUSPECT_SUBJECT.matcher(headers.subject()).find();
  }

  /**
   * Whether a mail server wrote the message: a {@code multipart/report}, a mailer-daemon or
   * postmaster sender, or the null envelope sender.
   */
  static boolean fromServer(MailHeaders headers) {
    return headers.contentType().equals("multipart/report")
        || headers.from().map(PlainTextBounce::isServer).orElse(false)
        || headers.get("From").map(v -> SERVER_FROM.matcher(v).find()).orElse(false)
        || headers.nullReturnPath();
  }

  /**
   * Whether a machine wrote the message, or a person forwards what a machine wrote, so that its
   * words may be read as a report's: a server, a no-reply sender, a list server, a message marked
   * automatic, or one whose subject forwards a report ({@code Fwd: Returned mail…}). A person's
   * message that merely speaks of one ({@code Re: delivery failure}) is read for its report parts
   * alone.
   */
  static boolean fromMachine(MailHeaders headers) {
    return fromServer(headers)
        || FORWARDED_REPORT.matcher(headers.subject()).find()
        || headers.from().map(a -> NO_REPLY.matcher(a).find()).orElse(false)
        || headers.get("X-Failed-Recipients").isPresent()
        || headers.get("X-MLServer").isPresent()
        || headers
            .get("Auto-Submitted")
            .map(v -> !v.strip().toLowerCase(Locale.ROOT).startsWith("no"))
            .orElse(false);
  }

  /**
   * Reads the report in a whole message; empty if it is not a delivery report after all.
   *
   * @param readWords whether the report's words may tell what it is (see {@link #fromMachine}):
   *     else only its machine-readable parts do
   */
  static Optional<DeliveryReport> read(MimePart message, MailHeaders headers, boolean readWords)
      throws MessagingException, IOException {
    return ReportReader.read(message, headers, readWords);
  }

  boolean failed() {
    return outcome == Outcome.FAILED;
  }

  /** The addresses the report names as its recipients, surest first. */
  List<String> candidates() {
    Set<String> all = new LinkedHashSet<>();
    recipients.forEach(r -> all.add(r.address()));
    all.remove("");
    return List.copyOf(all);
  }

  /**
   * The other addresses the report's words name on the same line as {@code address} ({@code a@x
   * <b@y>: malformed address}): whose delegation must be the same for either to count.
   */
  List<String> namedWith(String address) {
    List<String> with = new ArrayList<>();
    for (Recipient r : recipients) {
      if (r.address().equalsIgnoreCase(address) && !r.line().isEmpty()) {
        for (Recipient other : recipients) {
          if (other.line().equals(r.line()) && !other.address().equalsIgnoreCase(address)) {
            with.add(other.address());
          }
        }
      }
    }
    return with;
  }

  /**
   * What the report says, for a person to act on: {@code disarmament@x.example 5.1.1 user unknown};
   * for a delay {@code … 4.4.1 delayed (host unreachable)}; for a complaint {@code spam complaint}.
   *
   * @param address the delegation's address the report was matched by, if it was
   */
  String detail(Optional<String> address) {
    if (outcome == Outcome.COMPLAINT) {
      return switch (feedbackType.toLowerCase(Locale.ROOT)) {
        case "auth-failure" -> "authentication failure report";
        case "opt-out" -> "unsubscribe request";
        default -> "spam complaint";
      };
    }
    Recipient about = about(address);
    Diagnosis diagnosis = Diagnosis.of(about.status(), about.said());
    if (diagnosis.reason().isEmpty() && about != summary) {
      // what is said of no recipient in particular, for what was not said of this one
      Diagnosis overall =
          Diagnosis.of(
              diagnosis.status().isEmpty() ? summary.status() : diagnosis.status(), summary.said());
      diagnosis =
          new Diagnosis(
              diagnosis.status().isEmpty() ? overall.status() : diagnosis.status(),
              overall.reason());
    }
    String who = address.orElse(about.address()).toLowerCase(Locale.ROOT);
    String what =
        switch (outcome) {
          case FAILED ->
              (diagnosis.status()
                      + " "
                      + (diagnosis.reason().isEmpty() ? "delivery failed" : diagnosis.reason()))
                  .strip();
          case DELAYED ->
              (diagnosis.status() + " delayed").strip() + parenthesised(diagnosis.reason());
          case DELIVERED -> (about.status() + " delivered").strip();
          case COMPLAINT -> throw new AssertionError("handled above");
        };
    return (who + " " + what).strip();
  }

  private Recipient about(Optional<String> address) {
    if (address.isPresent()) {
      for (Recipient r : recipients) {
        if (r.address().equalsIgnoreCase(address.get())) {
          return r;
        }
      }
      return summary;
    }
    return recipients.isEmpty() ? summary : recipients.get(0);
  }

  private static String parenthesised(String reason) {
    return reason.isEmpty() || reason.startsWith("expired") ? "" : " (" + reason + ")";
  }

  /**
   * The recipients of a list without duplicates (compared without case), each as it was first named
   * (by a field, or on a line of the words), with what was said of it wherever that was said first.
   */
  static List<Recipient> distinct(List<Recipient> recipients) {
    Map<String, Recipient> byAddress = new LinkedHashMap<>();
    for (Recipient r : recipients) {
      if (r.address().isEmpty()) {
        continue;
      }
      byAddress.merge(
          r.address().toLowerCase(Locale.ROOT),
          r,
          (first, later) ->
              new Recipient(
                  first.address(),
                  first.status().isEmpty() ? later.status() : first.status(),
                  first.said().isEmpty() ? later.said() : first.said(),
                  first.line()));
    }
    return List.copyOf(byAddress.values());
  }
}
