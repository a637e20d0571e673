package circular.replies;

import circular.mailbox.AddressesInText;
import circular.server.MessageId;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the text of a delivery report quotes of the returned letter, wherever and however it quotes
 * it: a line announcing the copy ({@code ------ This is a copy of the message, including all the
 * headers. ------}, {@code Below is a copy of the original message:}, {@code Message headers
 * follow.}), blocks of its header lines (indented, {@code >}-quoted or not), or a summary such as
 * {@code Subject: …} / {@code To: …} within the report's own words. Immutable.
 *
 * @param ownWords the report's own words: the text before the copy of the letter begins, with the
 *     header lines it quotes blanked out; no failed recipient is looked for elsewhere
 * @param ids the ids its Message-ID, References and In-Reply-To lines name, anywhere in the text
 * @param subject the subject of the quoted letter, if a Subject line is quoted
 * @param recipients the quoted To and Cc addresses: whom the returned letter was written to
 * @param senders the addresses of quoted From, Sender, Reply-To and Return-Path lines (in lower
 *     case): the letter's writer, never a failed recipient
 */
record QuotedOriginal(
    String ownWords,
    List<String> ids,
    Optional<String> subject,
    List<String> recipients,
    Set<String> senders) {

  private static final Pattern HEADER_LINE =
      Pattern.compile("^[ \\t>]*([A-Za-z][A-Za-z0-9-]{0,40})[ \\t]*:(?!//)[ \\t]*(.*)$");

  /** Headers every letter has: one of them makes a block of header lines a quoted header. */
  private static final Set<String> CORE =
      Set.of(
          "from",
          "to",
          "cc",
          "bcc",
          "subject",
          "date",
          "message-id",
          "received",
          "return-path",
          "reply-to",
          "sender",
          "references",
          "in-reply-to");

  /** Headers a summary of the letter does not quote: a block with one is a copy of its header. */
  private static final Set<String> TRANSPORT =
      Set.of(
          "received",
          "return-path",
          "mime-version",
          "content-type",
          "content-transfer-encoding",
          "dkim-signature",
          "delivered-to",
          "authentication-results",
          "received-spf",
          "user-agent",
          "x-mailer",
          "x-original-to",
          "thread-index",
          "thread-topic",
          "domainkey-signature",
          "list-unsubscribe",
          "x-priority");

  private static final Set<String> ID_HEADERS =
      Set.of("message-id", "references", "in-reply-to", "x-microsoft-original-message-id");
  private static final Set<String> RECIPIENT_HEADERS = Set.of("to", "cc");
  private static final Set<String> SENDER_HEADERS =
      Set.of("from", "sender", "reply-to", "return-path", "errors-to");

  /** Other names a letter's header may have; a block of mostly unknown names is no header. */
  private static final Set<String> OTHER =
      Set.of(
          "sent",
          "organization",
          "importance",
          "priority",
          "precedence",
          "auto-submitted",
          "accept-language",
          "disposition-notification-to",
          "comments",
          "keywords",
          "errors-to",
          "delivered-to",
          "envelope-to");

  private static final Pattern MARKER =
      Pattern.compile(
          "(?i)^[\\s>*=#_~-]*(?:"
              + "(?:here is |this is |below (?:this line )?is |enclosed is |attached is |following is )?"
              + "(?:a |the )?(?:full )?copy of (?:the |your )?(?:original |returned |undelivered |first part of the )?"
              + "(?:message|mail|e-?mail)\\b.*"
              + "|(?:the |your )?(?:original|returned|undelivered|unsent|undeliverable|rejected|bounced) "
              + "(?:message|mail|e-?mail)(?: text| headers?| header fields| content)?"
              + "(?: (?:follows|is attached|is below|below|as follows|is following))?[ \\t]*[:.]?"
              + "|(?:original )?(?:message|mail) headers?(?: (?:follows?|below|as follows))?[ \\t]*[:.]?"
              + "|(?:the )?headers? of (?:the |your )?(?:original |returned |rejected )?(?:message|mail)\\b.*"
              + "|original mail as follows[ \\t]*:?"
              + ")[\\s*=#_~.-]*$");

  QuotedOriginal {
    ids = List.copyOf(ids);
    recipients = List.copyOf(recipients);
    senders = Set.copyOf(senders);
  }

  /** Reads the text of a report. */
  static QuotedOriginal in(String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder own = new StringBuilder();
    boolean copyBegun = false;
    List<String> ids = new ArrayList<>();
    Optional<String> subject = Optional.empty();
    List<String> recipients = new ArrayList<>();
    Set<String> senders = new LinkedHashSet<>();

    List<Header> block = new ArrayList<>();
    List<String> blockLines = new ArrayList<>();
    int blockIndent = 0;
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? stripCr(lines[i]) : "";
      Matcher header = HEADER_LINE.matcher(line);
      boolean isHeader = i < lines.length && header.matches();
      boolean continues =
          i < lines.length
              && !isHeader
              && !block.isEmpty()
              && !line.isBlank()
              && indent(line) > blockIndent;
      if (isHeader && block.isEmpty()) {
        blockIndent = indent(line);
      }
      if (isHeader) {
        block.add(new Header(header.group(1).toLowerCase(Locale.ROOT), header.group(2)));
        blockLines.add(line);
        continue;
      }
      if (continues) {
        Header last = block.remove(block.size() - 1);
        block.add(new Header(last.name(), last.value() + " " + line.strip()));
        blockLines.add(line);
        continue;
      }
      boolean quoted = isQuotedHeader(block);
      if (quoted) {
        for (Header h : block) {
          if (ID_HEADERS.contains(h.name())) {
            MessageId.allIn(h.value()).forEach(id -> ids.add(id.text()));
          } else if (RECIPIENT_HEADERS.contains(h.name())) {
            recipients.addAll(AddressesInText.all(h.value()));
          } else if (SENDER_HEADERS.contains(h.name())) {
            AddressesInText.first(h.value())
                .ifPresent(a -> senders.add(a.toLowerCase(Locale.ROOT)));
          } else if (h.name().equals("subject") && subject.isEmpty() && !h.value().isBlank()) {
            subject = Optional.of(decoded(h.value().strip()));
          }
        }
        copyBegun |= block.stream().anyMatch(h -> TRANSPORT.contains(h.name()));
      }
      if (!copyBegun) {
        for (String l : blockLines) {
          own.append(quoted ? "" : l).append('\n');
        }
      }
      block.clear();
      blockLines.clear();
      copyBegun |= i < lines.length && MARKER.matcher(line).matches();
      if (!copyBegun && i < lines.length) {
        own.append(line).append('\n');
      }
    }
    return new QuotedOriginal(own.toString(), ids, subject, recipients, senders);
  }

  /** Whether header lines are a letter's (quoted whole or in part), not a transcript or a form. */
  private static boolean isQuotedHeader(List<Header> block) {
    if (block.stream().noneMatch(h -> CORE.contains(h.name()))) {
      return false;
    }
    long known = block.stream().filter(h -> isKnown(h.name())).count();
    return known * 2 >= block.size();
  }

  private static boolean isKnown(String name) {
    return CORE.contains(name)
        || TRANSPORT.contains(name)
        || OTHER.contains(name)
        || name.startsWith("x-")
        || name.startsWith("content-")
        || name.startsWith("list-")
        || name.startsWith("resent-")
        || name.startsWith("arc-");
  }

  private record Header(String name, String value) {}

  /** How far a line is indented: a folded header line is indented more than its first line. */
  private static int indent(String line) {
    int i = 0;
    while (i < line.length()
        && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '>')) {
      i++;
    }
    return i;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String decoded(String value) {
    try {
      return MimeUtility.decodeText(value);
    } catch (UnsupportedEncodingException e) {
      return value;
    }
  }
}
