package circular.mailbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the human-readable text of a delivery report, for servers that send nothing
 * machine-readable (qmail, older Postfix and Exim, some Exchange NDRs): heuristics, used only on
 * a message that already looks like a report. The failed recipients are the addresses before the
 * quoted original; the original's Message-ID is any {@code Message-ID:} line of the text.
 * Stateless.
 */
final class PlainTextBounce {
  /** A subject that says delivery failed. */
  private static final Pattern FAILURE_SUBJECT =
      Pattern.compile(
          "undeliver|undelivered mail|mail delivery fail|failure notice|returned mail|delivery failure|unzustellbar|non remis",
          Pattern.CASE_INSENSITIVE);
  private static final List<String> FAILURE_PHRASES =
      List.of(
          "i'm afraid i wasn't able to deliver your message",
          "this is a permanent error",
          "delivery to the following recipient failed permanently",
          "delivery to the following recipients failed permanently",
          "undelivered mail returned to sender",
          "mail delivery failure",
          "could not be delivered to one or more recipients",
          "could not be delivered to one or more of its recipients",
          "delivery has failed to these recipients or groups",
          "your message couldn't be delivered",
          "your message wasn't delivered",
          "the following addresses had permanent fatal errors",
          "i'm not going to try again",
          "message could not be delivered");
  private static final List<String> DELAY_PHRASES =
      List.of(
          "has been delayed",
          "this is a warning message only",
          "this is a warning only",
          "will keep trying",
          "will be retried",
          "will retry",
          "still trying",
          "no action is required on your part");
  private static final Pattern HEADER_ID =
      Pattern.compile("(?im)^[ \\t>]*(?:Message-ID|References|In-Reply-To)[ \\t]*:[ \\t]*((?:<[^<>\\s]+>[ \\t]*)+)");
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+'!#$&*/=?^`{|}~-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
  /** Where a bounce starts quoting the returned message: no failed recipient after this. */
  private static final Pattern RETURNED_PART =
      Pattern.compile(
          "(?im)^(?:-+ *(?:.*(?:original message|returned message|copy of the message|below this line|"
              + "enclosed is a copy|message headers|undelivered message|original headers).*)"
              + "|original message headers:.*"
              + "|(?:Return-Path|Received|Message-ID|Date|From|Subject)[ \\t]*:.*)$");
  private static final Pattern SERVER_ADDRESS =
      Pattern.compile("^(mailer[-_]?daemon|postmaster|mail[-_]?delivery[-_]?subsystem|mdaemon|mail[-_]?delivery)@", Pattern.CASE_INSENSITIVE);

  private PlainTextBounce() {}

  /** Whether the address is a mail server's own (MAILER-DAEMON, postmaster…), not a person's. */
  static boolean isServer(String address) {
    return SERVER_ADDRESS.matcher(address).find();
  }

  /**
   * The report in a plain text, or empty if the text says neither that delivery failed nor that
   * it is delayed.
   *
   * @param ids the ids of the returned original found elsewhere in the message, to add to
   * @param returnedSubject the returned original's subject, if it came back as a MIME part
   */
  static Optional<DeliveryReport> read(
      String text, MailHeaders headers, Set<String> ids, Optional<String> returnedSubject) {
    String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    boolean failure = FAILURE_PHRASES.stream().anyMatch(lower::contains);
    boolean delay = DELAY_PHRASES.stream().anyMatch(lower::contains);
    boolean fromServer = headers.from().map(PlainTextBounce::isServer).orElse(false) || headers.nullReturnPath();
    boolean failureSubject = fromServer && FAILURE_SUBJECT.matcher(headers.subject()).find();
    Set<String> failed = new LinkedHashSet<>();
    headers.get("X-Failed-Recipients").ifPresent(v -> failed.addAll(addresses(v)));
    if (!failure && !delay && !failureSubject && failed.isEmpty()) {
      return Optional.empty();
    }
    Matcher cut = RETURNED_PART.matcher(text);
    String beforeReturned = cut.find() ? text.substring(0, cut.start()) : text;
    String sender = headers.from().orElse("");
    for (String address : addresses(beforeReturned)) {
      if (!address.equalsIgnoreCase(sender) && !isServer(address)) {
        failed.add(address);
      }
    }
    Set<String> allIds = new LinkedHashSet<>(ids);
    allIds.addAll(ids(text));
    return Optional.of(new DeliveryReport(failure || !delay, List.copyOf(failed), List.copyOf(allIds), returnedSubject));
  }

  /** The Message-ID, References and In-Reply-To ids quoted in a text. */
  static List<String> ids(String text) {
    List<String> ids = new ArrayList<>();
    Matcher m = HEADER_ID.matcher(text);
    while (m.find()) {
      ids.addAll(MessageIds.all(m.group(1)));
    }
    return ids;
  }

  private static List<String> addresses(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = ADDRESS.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
