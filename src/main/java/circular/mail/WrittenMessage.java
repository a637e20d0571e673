package circular.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message whose bytes {@link MimeWriter} has written: it hands those bytes to the server as they
 * are, less the headers the transport leaves out ({@code Bcc}), instead of encoding the letter
 * again. Its headers answer questions as any message's do. Not for changing: a setter would change
 * the headers but not the bytes.
 */
final class WrittenMessage extends SMTPMessage {
  private final byte[] bytes;
  private final int headerEnd;
  private final InternetAddress from;
  private final InternetAddress[] to;
  private final InternetAddress[] cc;
  private final InternetAddress[] bcc;

  /**
   * @param headers the headers {@code bytes} begin with
   * @param from the From address, and the recipients, as the headers have them: handed to the
   *     transport as they are rather than parsed back from the headers for every letter
   */
  WrittenMessage(
      Session session,
      List<MimeWriter.Header> headers,
      byte[] bytes,
      InternetAddress from,
      InternetAddress[] to,
      InternetAddress[] cc,
      InternetAddress[] bcc)
      throws MessagingException {
    super(session);
    for (MimeWriter.Header header : headers) {
      setHeader(header.name(), header.value());
    }
    this.bytes = bytes;
    this.headerEnd = headerEnd(bytes);
    this.from = from;
    this.to = to.clone();
    this.cc = cc.clone();
    this.bcc = bcc.clone();
  }

  @Override
  public Address[] getFrom() {
    return new Address[] {from};
  }

  /** The recipients of {@code type}, or null when there are none, as a parsed message answers. */
  @Override
  public Address[] getRecipients(Message.RecipientType type) throws MessagingException {
    InternetAddress[] addresses =
        type == Message.RecipientType.TO
            ? to
            : type == Message.RecipientType.CC
                ? cc
                : type == Message.RecipientType.BCC ? bcc : null;
    if (addresses == null) {
      return super.getRecipients(type);
    }
    return addresses.length == 0 ? null : addresses.clone();
  }

  @Override
  public void writeTo(OutputStream os) throws IOException {
    writeTo(os, null);
  }

  /**
   * The bytes as written, each header line named in {@code ignoreList} left out with its folded
   * lines.
   */
  @Override
  public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
    if (ignoreList == null || ignoreList.length == 0) {
      os.write(bytes);
      return;
    }
    int start = 0;
    boolean skipping = false;
    while (start < headerEnd) {
      int end = start;
      while (bytes[end] != '\n') {
        end++;
      }
      end++; // the line with its CRLF
      boolean continuation = bytes[start] == ' ' || bytes[start] == '\t';
      if (!continuation) {
        skipping = ignored(start, end, ignoreList);
      }
      if (!skipping) {
        os.write(bytes, start, end - start);
      }
      start = end;
    }
    os.write(bytes, headerEnd, bytes.length - headerEnd);
  }

  private boolean ignored(int start, int end, String[] ignoreList) {
    int colon = start;
    while (colon < end && bytes[colon] != ':') {
      colon++;
    }
    String name = new String(bytes, start, colon - start, StandardCharsets.US_ASCII).strip();
    for (String ignored : ignoreList) {
      if (ignored.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** Where the header section ends: just after the first empty line. */
  private static int headerEnd(byte[] bytes) {
    for (int i = 0; i + 3 < bytes.length; i++) {
      if (bytes[i] == '\r'
          && bytes[i + 1] == '\n'
          && bytes[i + 2] == '\r'
          && bytes[i + 3] == '\n') {
        return i + 2;
      }
    }
    return bytes.length;
  }
}
