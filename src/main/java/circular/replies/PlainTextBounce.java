package circular.replies;

import circular.mailbox.AddressesInText;
import circular.mailbox.MailHeaders;
import circular.replies.DeliveryReport.Outcome;
import circular.replies.DeliveryReport.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the words of a delivery report, for the many servers that send nothing machine-readable
 * (qmail, Postfix, Exim and Sendmail notices, Exchange, Domino, DragonFly, OpenSMTPD, McAfee, Trend
 * Micro, list servers…), and the addresses of any report's text: heuristics, used only on a message
 * whose headers already look like a report, and only on the report's own words (the quoted letter
 * cut off by {@link QuotedOriginal}). Stateless.
 *
 * <p>What it says: a warning that the letter is still being tried is a delay, unless the report
 * says it gave up or returned the letter; any other report of a failure is a failure; a notice of
 * success is a delivery. Who it is about: the addresses of its text, but never those it quotes from
 * the SMTP transcript or the letter as the sender's ({@code MAIL FROM}, {@code From:}, {@code
 * envelope-from}), a server's own, or one given as a contact for help.
 */
final class PlainTextBounce {
  private static final Pattern SERVER_ADDRESS =
      Pattern.compile(
          "^(mailer[-_.]?daemon|postmaster|post_master|mail[-_.]?delivery[-_.]?(?:subsystem|system)?|mdaemon|double-?bounce)@",
          Pattern.CASE_INSENSITIVE);

  /** The addresses a server writes from, never anyone's mailbox: no failed recipient is one. */
  private static final Pattern DAEMON_ADDRESS =
      Pattern.compile(
          "^(mailer[-_.]?daemon|mail[-_.]?delivery[-_.]?(?:subsystem|system)?|mdaemon|double-?bounce)@",
          Pattern.CASE_INSENSITIVE);

  /** Words that a letter could not be delivered, in the phrasings servers use. */
  private static final Pattern FAILURE =
      Pattern.compile(
          "could ?n[o']t be deliver|can ?n[o']t be deliver|could not deliver|unable to deliver|was ?n[o']t deliver|were ?n[o']t deliver|"
              + "not be delivered|undeliverable|undelivered|delivery (?:has )?failed|delivery failure|delivery to .{0,60}failed|failed permanently|"
              + "permanent(?:ly)? (?:error|failure|fatal)|fatal errors?|did not reach|error (?:occurred )?(?:while |when )?(?:trying to )?deliver|"
              + "error has occurred while|returned to sender|returning message|delivery problems?|delivery errors?|had permanent|"
              + "failed to deliver|could not be sent|cannot send message|not delivered|rejected|was aborted|not going to try again|"
              + "giving up|gave up|no such user|user unknown|unknown user|mail delivery failed|message delivery has failed|"
              + "following address(?:\\(es\\)|es)? failed|following recipients? failed|non-?delivery|could not be forwarded|"
              + "not a member|not member of|loop (?:alert|detected)|mail loop|blocked|refused|denied|"
              + "was not accepted|could not reach|unable to reach|delivery.{0,40}(?:was )?unsuccessful|message could not be|"
              // the same in French, Spanish and German, as localised servers write it
              + "n'a pas pu (?:être|etre) (?:remis|distribu|livr)|impossible de (?:remettre|distribuer|livrer)|"
              + "la remise .{0,40}a échoué|échec de (?:la )?(?:remise|distribution)|non remis|non distribu|adresse inconnue|"
              + "no (?:se )?(?:ha )?pudo (?:ser )?entregar|no se puede entregar|error (?:en la|de) entrega|no entregado|"
              + "destinatario desconocido|nicht zugestellt|nicht zustellbar|unzustellbar|zustellung .{0,40}fehlgeschlagen|"
              + "fehler bei der zustellung|konnte nicht (?:zugestellt|übermittelt) werden|empfänger unbekannt",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Words that delivery goes on: a warning, not a failure. */
  private static final Pattern DELAY =
      Pattern.compile(
          "(?:this is a )?warning (?:message )?only|has been delayed|have been delayed|is delayed|delivery (?:is |has been )?delayed|"
              + "will (?:keep|continue to) try|will be retried|will retry|will try again|still (?:trying|being retried)|"
              + "do not need to resend|no action is required|not yet been delivered|has not been delivered yet|"
              + "attempts will continue|retrying|delivery attempts will continue|temporarily (?:deferred|delayed)|"
              + "(?:a été|est) retardé|remise .{0,30}retardée|nouvelle(?:s)? tentative|ne pas renvoyer|"
              + "(?:ha sido|está) retrasad|se (?:volverá a intentar|seguirá intentando)|no es necesario reenviar|"
              + "verzögert|wird (?:weiterhin|erneut) versucht|nicht erneut senden",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern DELAY_SUBJECT =
      Pattern.compile(
          "delay|warning|retrying|still being retried|verzögert|retard|retrasad|demorad",
          Pattern.CASE_INSENSITIVE);

  /**
   * Words that the server stopped trying: an expired letter it returned is a failure, not a delay.
   */
  private static final Pattern GAVE_UP =
      Pattern.compile(
          "giving up|gave up|will not be retried|no further (?:delivery )?attempts|not going to try again|"
              + "failed permanently|has been returned|is being returned|"
              + "returned to (?:the )?sender|unsent message|deleted from (?:the )?queue|was aborted|aborted after|"
              + "too long in (?:the )?queue|message expired|has expired|retry timeout exceeded|could not be delivered (?:within|after)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern FAILURE_SUBJECT =
      Pattern.compile(
          "undeliver|undelivered|returned mail|returned to sender|mail delivery fail|failure|failed|non remis|non distribuable|"
              + "échec|unzustellbar|nicht zustellbar|fehlgeschlagen|no se puede entregar|no entregado|devuelto|not delivered|error|"
              + "rejected|not member|loop alert",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern SUCCESS =
      Pattern.compile(
          "(?:was|were|has been|have been) (?:successfully )?(?:delivered|relayed)(?! to the following)|successfully delivered|"
              + "delivery (?:to .{0,60})?(?:was |has )?succeeded|delivered to the following",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CODE =
      Pattern.compile("(?<![\\d.])(?:[45]\\.\\d{1,3}\\.\\d{1,3}|5[0-5]\\d[ -])");

  /** Text right before an address that makes it the sender's, not a recipient's. */
  private static final Pattern SENDER_BEFORE =
      Pattern.compile(
          "(?:(?<!expanded )\\bfrom|sender|return-path|envelope-from|mailfrom|\\bF|reply-to|originator)"
              + "[\\s:=;<\\[(\"']*(?:rfc822;\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  /** Words before an address that give it as one to write to for help, or as a message's id. */
  private static final Pattern HELP_BEFORE =
      Pattern.compile(
          "\\b(?:contact|assistance|questions?|help ?desk|support|administrator|webmaster|unsubscribe|abuse|"
              + "send (?:e-?)?mail to|write to|reply to|e-?mail us at)\\b|\\b(?:message-?id|msgid|id)\\s*[:=]?\\s*<?$",
          Pattern.CASE_INSENSITIVE);

  private static final int CONTEXT_LINES = 6;

  private PlainTextBounce() {}

  /** Whether the address is a mail server's own (MAILER-DAEMON, postmaster…), not a person's. */
  static boolean isServer(String address) {
    return SERVER_ADDRESS.matcher(address).find();
  }

  /**
   * Whether the address is one a server sends from and nobody reads (MAILER-DAEMON…): never a
   * failed recipient. A postmaster may be one — it is a mailbox.
   */
  static boolean isDaemon(String address) {
    return DAEMON_ADDRESS.matcher(address).find();
  }

  /**
   * The report in its own words, or empty if they say neither that delivery failed, nor that it is
   * delayed, nor that it succeeded.
   *
   * @param words the report's text without the quoted letter
   * @param notRecipients addresses (in lower case) that are known not to be failed recipients
   */
  static Optional<ReportReader.Reading> read(
      String words, MailHeaders headers, Set<String> notRecipients) {
    String text = words.replaceAll("\\s+", " ");
    String subject = headers.subject();
    List<Recipient> named = new ArrayList<>();
    headers
        .get("X-Failed-Recipients")
        .ifPresent(v -> AddressesInText.all(v).forEach(a -> named.add(new Recipient(a, "", ""))));
    named.addAll(recipients(words, notRecipients));

    boolean delay = DELAY.matcher(text).find() || DELAY_SUBJECT.matcher(subject).find();
    boolean gaveUp = GAVE_UP.matcher(text).find() || GAVE_UP.matcher(subject).find();
    if (delay && !gaveUp) {
      return Optional.of(new ReportReader.Reading(Outcome.DELAYED, named));
    }
    boolean failure =
        gaveUp
            || FAILURE.matcher(text).find()
            || FAILURE_SUBJECT.matcher(subject).find()
            || headers.get("X-Failed-Recipients").isPresent()
            || CODE.matcher(text).find();
    if (failure) {
      return Optional.of(new ReportReader.Reading(Outcome.FAILED, named));
    }
    if (SUCCESS.matcher(text).find()) {
      return Optional.of(new ReportReader.Reading(Outcome.DELIVERED, named));
    }
    return Optional.empty();
  }

  /**
   * The recipients a report's words name, in order, each with the lines that speak of it; never the
   * sender, a server, a help address or one of {@code notRecipients}.
   */
  static List<Recipient> recipients(String words, Set<String> notRecipients) {
    List<Recipient> found = new ArrayList<>();
    for (AddressesInText.Found f : AddressesInText.in(words)) {
      String address = f.address();
      if (notRecipients.contains(address.toLowerCase(Locale.ROOT)) || isDaemon(address)) {
        continue;
      }
      int lineStart = words.lastIndexOf('\n', f.start()) + 1;
      String before = words.substring(Math.max(lineStart, f.start() - 48), f.start());
      if (SENDER_BEFORE.matcher(before).find() || HELP_BEFORE.matcher(before).find()) {
        continue;
      }
      int lineEnd = words.indexOf('\n', f.end());
      String line =
          lineStart + "|" + words.substring(lineStart, lineEnd < 0 ? words.length() : lineEnd);
      found.add(new Recipient(address, "", context(words, lineStart), line));
    }
    return found;
  }

  /**
   * The lines from {@code lineStart} to the end of their paragraph: what is said of the address.
   */
  private static String context(String words, int lineStart) {
    String[] lines = words.substring(lineStart).split("\\n", CONTEXT_LINES + 1);
    StringBuilder said = new StringBuilder();
    for (int i = 0; i < Math.min(lines.length, CONTEXT_LINES); i++) {
      if (i > 0 && lines[i].isBlank()) {
        break;
      }
      said.append(lines[i].strip()).append(' ');
    }
    return said.toString().strip();
  }
}
