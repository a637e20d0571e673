package circular.digest;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * One reply as the digest reads it from its kept {@code .eml}: who wrote it, its subject, its own
 * words and its attachments, each as sent.
 *
 * <p>The text is the plain-text part when there is one (what the sender's client wrote as text,
 * quotes marked as that client marks them), else the HTML part turned into text; several inline
 * text parts (Apple Mail puts one on each side of a picture) are read in order. A picture that an
 * HTML part shows inline ({@code multipart/related} with a Content-ID, such as a logo in a
 * signature) is not an attachment; every other part with a file name is.
 *
 * @param from the sender as written, {@code Name <address>}, if it can be read
 * @param subject the subject, decoded, if there is one
 */
record ReplyMessage(
    Optional<String> from, Optional<String> subject, String text, List<Attachment> attachments) {
  /** One for all: a session reads its providers from the jar when it is made. */
  private static final Session SESSION = Session.getInstance(utf8Headers());

  /** A file that came with the reply: its name as sent, and its bytes, transfer encoding undone. */
  record Attachment(String name, byte[] content) {}

  /**
   * @throws IOException if the file cannot be read
   * @throws MessagingException if it cannot be read as a message
   */
  static ReplyMessage read(Path eml) throws IOException, MessagingException {
    MimeMessage message;
    try (InputStream in = Files.newInputStream(eml)) {
      message = new MimeMessage(SESSION, in);
    }
    Walk walk = new Walk();
    walk.part(message, false);
    List<String> texts = walk.texts.stream().filter(t -> !t.isEmpty()).toList();
    return new ReplyMessage(
        from(message), subject(message), String.join("\n\n", texts), walk.attachments);
  }

  /** Headers sent as raw UTF-8, as many clients now send them, read as UTF-8. */
  private static Properties utf8Headers() {
    Properties properties = new Properties();
    properties.setProperty("mail.mime.allowutf8", "true");
    return properties;
  }

  private static Optional<String> from(MimeMessage message) {
    try {
      Address[] from = message.getFrom();
      if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
        return Optional.empty();
      }
      String name = address.getPersonal();
      return Optional.of(
          name == null || name.isBlank()
              ? address.getAddress()
              : name.strip() + " <" + address.getAddress() + ">");
    } catch (MessagingException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> subject(MimeMessage message) {
    try {
      return Optional.ofNullable(message.getSubject()).map(String::strip);
    } catch (MessagingException e) {
      return Optional.empty();
    }
  }

  /** One pass over the MIME tree, collecting texts and attachments in order. */
  private static final class Walk {
    final List<String> texts = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>();

    void part(Part part, boolean inRelated) throws MessagingException, IOException {
      if (part.isMimeType("multipart/alternative")) {
        alternative((Multipart) part.getContent());
      } else if (part.isMimeType("multipart/*")) {
        Multipart multipart;
        try {
          multipart = (Multipart) part.getContent();
          multipart.getCount(); // parses it: a broken boundary shows here
        } catch (MessagingException e) {
          texts.add(ReplyText.ownWords(text(part))); // read as text rather than lost
          return;
        }
        boolean related = part.isMimeType("multipart/related");
        for (int i = 0; i < multipart.getCount(); i++) {
          part(multipart.getBodyPart(i), related);
        }
      } else if (isAttachment(part)) {
        attachments.add(new Attachment(fileName(part), part.getInputStream().readAllBytes()));
      } else if (part.isMimeType("text/plain")) {
        texts.add(ReplyText.ownWords(text(part)));
      } else if (part.isMimeType("text/html")) {
        texts.add(HtmlReply.ownWords(text(part)));
      } else if (!inRelated) {
        // a part with neither a name nor a place in the text: still something the sender sent
        attachments.add(new Attachment(unnamed(part), part.getInputStream().readAllBytes()));
      }
    }

    /**
     * The plain text if there is one with words in it, else the richest alternative (the last, as
     * senders order them).
     */
    private void alternative(Multipart alternatives) throws MessagingException, IOException {
      Part chosen = null;
      for (int i = 0; i < alternatives.getCount(); i++) {
        Part candidate = alternatives.getBodyPart(i);
        if (candidate.isMimeType("text/plain")
            && !isAttachment(candidate)
            && !text(candidate).isBlank()) {
          chosen = candidate;
          break;
        }
        chosen = candidate;
      }
      if (chosen != null) {
        part(chosen, false);
      }
    }

    private static boolean isAttachment(Part part) throws MessagingException {
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        return true;
      }
      boolean inlinePicture = part instanceof MimePart mime && mime.getContentID() != null;
      return part.getFileName() != null && !inlinePicture;
    }
  }

  /**
   * The attachment's name as sent: RFC 2231 (decoded by Angus) or RFC 2047 (as Outlook writes it).
   */
  private static String fileName(Part part) throws MessagingException {
    String name = part.getFileName();
    if (name == null) {
      return unnamed(part);
    }
    try {
      return MimeUtility.decodeText(name);
    } catch (UnsupportedEncodingException e) {
      return name;
    }
  }

  /**
   * A name for a part that has none: {@code message.eml} for a message, else {@code attachment}.
   */
  private static String unnamed(Part part) throws MessagingException {
    return part.isMimeType("message/rfc822") ? "message.eml" : "attachment";
  }

  /**
   * A text part's text in its declared charset; without one (or with one Java does not know), UTF-8
   * if the bytes are UTF-8, else Windows-1252, the usual undeclared 8-bit charset. Format flowed
   * (RFC 3676) is joined back into paragraphs.
   */
  static String text(Part part) throws MessagingException, IOException {
    byte[] bytes = part.getInputStream().readAllBytes();
    ContentType type;
    try {
      type = new ContentType(part.getContentType());
    } catch (ParseException e) {
      type = new ContentType("text", "plain", null);
    }
    String text = decode(bytes, type.getParameter("charset"));
    return "flowed".equalsIgnoreCase(type.getParameter("format"))
        ? Flowed.unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp")))
        : text;
  }

  private static String decode(byte[] bytes, String charset) {
    if (charset != null) {
      try {
        return new String(bytes, Charset.forName(MimeUtility.javaCharset(charset.strip())));
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        // fall through to a guess
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }
}
