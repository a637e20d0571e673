package circular.mail;

import circular.letters.Enclosure;
import circular.letters.Letter;
import circular.letters.NamedAddress;
import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Builds the MIME message of a letter: multipart/alternative (plain text, then HTML), wrapped in
 * multipart/mixed when there are attachments (files, then the letter's in-memory enclosures such as
 * its PDF); non-ASCII names, subjects and file names encoded (RFC 2047, RFC 2231); the engine's own
 * Message-ID. Thread-safe if the session is.
 *
 * <pre>
 * {@code MimeMessage m = new MessageBuilder(session).build(letter, MessageId.create(letter.from().address()).text(), Optional.empty());}
 * </pre>
 */
public final class MessageBuilder {
  static {
    MailStreams.install();
  }

  private final Session session;

  public MessageBuilder(Session session) {
    this.session = session;
  }

  /**
   * @param messageId the id to carry, angle brackets included
   * @param inReplyTo the letter this one follows up, for a reminder: sets In-Reply-To and
   *     References so that mail clients thread it under the original
   */
  public MimeMessage build(Letter letter, String messageId, Optional<String> inReplyTo)
      throws MessagingException {
    MimeMessage message = new LetterMessage(session, messageId);
    message.setFrom(address(letter.from()));
    message.setReplyTo(addresses(letter.replyTo()));
    message.setRecipients(RecipientType.TO, addresses(letter.to()));
    if (!letter.cc().isEmpty()) {
      message.setRecipients(RecipientType.CC, addresses(letter.cc()));
    }
    if (!letter.bcc().isEmpty()) {
      message.setRecipients(RecipientType.BCC, addresses(letter.bcc()));
    }
    message.setSubject(letter.subject(), "UTF-8");
    message.setSentDate(Date.from(Instant.now()));
    message.setHeader("Content-Language", letter.language());
    // Our own id in References too: some relays (Outlook.com, Amazon SES) rewrite Message-ID but
    // leave References alone, and replies copy References.
    if (inReplyTo.isPresent()) {
      message.setHeader("In-Reply-To", inReplyTo.get());
      message.setHeader("References", inReplyTo.get() + " " + messageId);
    } else {
      message.setHeader("References", messageId);
    }
    message.setContent(body(letter));
    message.saveChanges();
    return message;
  }

  /**
   * A built message encoded once: {@code bytes} is the message as the office's copy holds it, and
   * {@code message} writes those same bytes to the server (less its Bcc header) rather than
   * encoding every part again.
   */
  public record Encoded(MimeMessage message, byte[] bytes) {}

  /**
   * The letter built and encoded once. A letter without files is written directly ({@link
   * MimeWriter}: the same bytes as {@link #build} and {@code writeTo}, for a fraction of the work);
   * one with files goes through {@link #build}.
   *
   * @param messageId the id to carry, angle brackets included
   * @param inReplyTo the letter this one follows up, as for {@link #build}
   */
  public Encoded encode(Letter letter, String messageId, Optional<String> inReplyTo)
      throws MessagingException {
    if (!letter.attachments().isEmpty() || !letter.enclosures().isEmpty()) {
      return encode(build(letter, messageId, inReplyTo));
    }
    String boundary = MimeWriter.boundary();
    InternetAddress[] to = addresses(letter.to());
    InternetAddress[] cc = addresses(letter.cc());
    List<MimeWriter.Header> headers =
        MimeWriter.headers(letter, to, cc, messageId, inReplyTo, new Date(), boundary);
    byte[] bytes = MimeWriter.write(headers, boundary, letter.text(), letter.html());
    WrittenMessage message =
        new WrittenMessage(
            session, headers, bytes, address(letter.from()), to, cc, addresses(letter.bcc()));
    return new Encoded(message, bytes);
  }

  /** Encodes {@code built} once; see {@link Encoded}. */
  public Encoded encode(MimeMessage built) throws MessagingException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 13);
    try {
      built.writeTo(out);
    } catch (IOException e) {
      throw new MessagingException("cannot encode the letter", e);
    }
    byte[] bytes = out.toByteArray();
    // A message read back from its bytes is "saved": writing it copies its headers and body as
    // read.
    return new Encoded(new MimeMessage(session, new ByteArrayInputStream(bytes)), bytes);
  }

  private static MimeMultipart body(Letter letter) throws MessagingException {
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(letter.text(), "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(letter.html(), "UTF-8", "html");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    if (letter.attachments().isEmpty() && letter.enclosures().isEmpty()) {
      return alternative;
    }
    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeBodyPart content = new MimeBodyPart();
    content.setContent(alternative);
    mixed.addBodyPart(content);
    for (Path file : letter.attachments()) {
      MimeBodyPart attachment = new MimeBodyPart();
      try {
        // Always base64, so the file arrives as it left: a file of ASCII text would otherwise go
        // as 7bit, and its line ends could change on the way. Its type comes from its extension
        // (META-INF/mime.types adds the office's usual ones to Jakarta Activation's list).
        attachment.attachFile(file.toFile(), null, "base64");
      } catch (IOException e) {
        throw new MessagingException("cannot attach " + file, e);
      }
      attachment.setDisposition(MimeBodyPart.ATTACHMENT);
      mixed.addBodyPart(attachment);
    }
    for (Enclosure enclosure : letter.enclosures()) {
      MimeBodyPart attachment = new MimeBodyPart();
      attachment.setDataHandler(
          new DataHandler(new ByteArrayDataSource(enclosure.content(), enclosure.contentType())));
      attachment.setFileName(enclosure.fileName());
      attachment.setDisposition(MimeBodyPart.ATTACHMENT);
      mixed.addBodyPart(attachment);
    }
    return mixed;
  }

  static InternetAddress[] addresses(List<NamedAddress> mailboxes) throws MessagingException {
    InternetAddress[] all = new InternetAddress[mailboxes.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = address(mailboxes.get(i));
    }
    return all;
  }

  static InternetAddress address(NamedAddress mailbox) throws MessagingException {
    try {
      return mailbox.name().isEmpty()
          ? new InternetAddress(mailbox.address(), true)
          : new InternetAddress(mailbox.address(), mailbox.name(), "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("UTF-8 is not supported", e);
    }
  }
}
