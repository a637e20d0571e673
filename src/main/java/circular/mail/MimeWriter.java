package circular.mail;

import circular.letters.Letter;
import circular.letters.NamedAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a letter without files (multipart/alternative: plain text, then HTML) straight to bytes:
 * the bytes Jakarta Mail writes for {@link MessageBuilder#build} of the same letter, header for
 * header and byte for byte, apart from the boundary and the date, which are new in every message.
 * It exists because Jakarta Mail spends more on building and encoding a letter than Thymeleaf
 * spends on rendering it: it sniffs each body through a chain of writers, encodes it a byte at a
 * time and allocates buffers at every step. The header values still come from Jakarta Mail
 * (addresses, encoded words, folding, the date), so only the body encodings are written here: 7bit,
 * quoted-printable and base64, chosen as {@code MimeUtility.getEncoding} chooses them. Stateless
 * and thread-safe.
 */
final class MimeWriter {
  /** Jakarta Mail's boundaries are {@code ----=_Part_<n>_<hash>.<millis>}; these look the same. */
  private static final AtomicInteger PARTS = new AtomicInteger();

  private static final ThreadLocal<MailDateFormat> DATES =
      ThreadLocal.withInitial(MailDateFormat::new);
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final int LINE = 76;
  private static final Map<SharedKey, String> SHARED = new ConcurrentHashMap<>();

  private MimeWriter() {}

  /** One header as Jakarta Mail stores it: the value already encoded and folded. */
  record Header(String name, String value) {
    String line() {
      return name + ": " + value;
    }
  }

  /** The headers of the letter's message, in the order Jakarta Mail writes them. */
  /**
   * @param to the letter's To addresses, as {@link MessageBuilder#address} makes them; likewise
   *     {@code cc}
   */
  static List<Header> headers(
      Letter letter,
      InternetAddress[] to,
      InternetAddress[] cc,
      String messageId,
      Optional<String> inReplyTo,
      Date date,
      String boundary)
      throws MessagingException {
    List<Header> headers = new ArrayList<>(14);
    headers.add(new Header("Date", DATES.get().format(date)));
    sharedAddresses(headers, "From", List.of(letter.from()));
    sharedAddresses(headers, "Reply-To", letter.replyTo());
    addresses(headers, "To", to);
    addresses(headers, "Cc", cc);
    sharedAddresses(headers, "Bcc", letter.bcc());
    headers.add(new Header("Message-ID", messageId));
    if (inReplyTo.isPresent()) {
      headers.add(new Header("In-Reply-To", inReplyTo.get()));
      headers.add(new Header("References", inReplyTo.get() + " " + messageId));
    } else {
      headers.add(new Header("References", messageId));
    }
    try {
      headers.add(
          new Header("Subject", fold(9, MimeUtility.encodeText(letter.subject(), "UTF-8", null))));
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("UTF-8 is not supported", e);
    }
    headers.add(new Header("MIME-Version", "1.0"));
    ParameterList boundaryParameter = new ParameterList();
    boundaryParameter.set("boundary", boundary);
    headers.add(
        new Header(
            "Content-Type",
            new ContentType("multipart", "alternative", boundaryParameter).toString()));
    headers.add(new Header("Content-Language", letter.language()));
    return headers;
  }

  /** A new boundary, in Jakarta Mail's form. */
  static String boundary() {
    return "----=_Part_"
        + PARTS.getAndIncrement()
        + "_"
        + ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE)
        + "."
        + System.currentTimeMillis();
  }

  /** The whole message: {@code headers}, a blank line, the two alternatives. */
  static byte[] write(List<Header> headers, String boundary, String text, String html) {
    byte[] plain = text.getBytes(StandardCharsets.UTF_8);
    byte[] markup = html.getBytes(StandardCharsets.UTF_8);
    Bytes out = new Bytes(1024 + plain.length * 3 / 2 + markup.length * 3 / 2);
    for (Header header : headers) {
      out.ascii(header.line()).crlf();
    }
    out.crlf();
    part(out, boundary, "text/plain; charset=UTF-8", plain);
    part(out, boundary, "text/html; charset=UTF-8", markup);
    out.ascii("--").ascii(boundary).ascii("--").crlf();
    return out.toByteArray();
  }

  private static void part(Bytes out, String boundary, String contentType, byte[] body) {
    String encoding = encoding(body);
    out.ascii("--").ascii(boundary).crlf();
    out.ascii("Content-Type: ").ascii(contentType).crlf();
    out.ascii("Content-Transfer-Encoding: ").ascii(encoding).crlf();
    out.crlf();
    switch (encoding) {
      case "7bit" -> out.write(body, 0, body.length);
      case "quoted-printable" -> quotedPrintable(out, body);
      default -> base64(out, body);
    }
    out.crlf();
  }

  /**
   * An address header that is the same in every letter of a template (From, Reply-To, Bcc): its
   * value is made once, since folding a long one costs Jakarta Mail a fresh 8 KB buffer.
   */
  private static void sharedAddresses(
      List<Header> headers, String name, List<NamedAddress> mailboxes) throws MessagingException {
    if (mailboxes.isEmpty()) {
      return;
    }
    SharedKey key = new SharedKey(name, mailboxes);
    String value = SHARED.get(key);
    if (value == null) {
      value = addressList(name, mailboxes);
      if (SHARED.size() > 64) {
        SHARED.clear(); // a run has a handful; this only bounds a long-lived process
      }
      SHARED.put(key, value);
    }
    headers.add(new Header(name, value));
  }

  private record SharedKey(String name, List<NamedAddress> mailboxes) {}

  private static void addresses(List<Header> headers, String name, InternetAddress[] addresses) {
    if (addresses.length > 0) {
      headers.add(new Header(name, InternetAddress.toString(addresses, name.length() + 2)));
    }
  }

  private static String addressList(String name, List<NamedAddress> mailboxes)
      throws MessagingException {
    return InternetAddress.toString(MessageBuilder.addresses(mailboxes), name.length() + 2);
  }

  /**
   * {@link MimeUtility#fold}, without its last step for a value that cannot need it: Jakarta Mail
   * then reads the folded lines back through a new {@link java.io.BufferedReader} to make sure each
   * continuation starts with a space, which a value without line breaks or leading spaces always
   * does. Any other value goes to Jakarta Mail.
   */
  static String fold(int used, String s) {
    if (s.isEmpty()
        || s.indexOf('\r') >= 0
        || s.indexOf('\n') >= 0
        || s.charAt(0) == ' '
        || s.charAt(0) == '\t') {
      return MimeUtility.fold(used, s);
    }
    int end = s.length() - 1;
    while (end >= 0 && (s.charAt(end) == ' ' || s.charAt(end) == '\t')) {
      end--;
    }
    s = s.substring(0, end + 1);
    if (used + s.length() <= 76) {
      return s;
    }
    StringBuilder folded = new StringBuilder(s.length() + 8);
    char last = 0;
    while (used + s.length() > 76) {
      int space = -1;
      for (int i = 0; i < s.length(); i++) {
        if (space != -1 && used + i > 76) {
          break;
        }
        char c = s.charAt(i);
        if ((c == ' ' || c == '\t') && last != ' ' && last != '\t') {
          space = i;
        }
        last = c;
      }
      if (space == -1) {
        break; // no space: the rest stays whole
      }
      folded.append(s, 0, space).append("\r\n");
      last = s.charAt(space);
      folded.append(last);
      s = s.substring(space + 1);
      used = 1;
    }
    return folded.append(s).toString();
  }

  /**
   * The transfer encoding Jakarta Mail gives a text part: 7bit when every byte is printable ASCII
   * and no line is longer than 998; quoted-printable when most bytes are; base64 otherwise.
   */
  static String encoding(byte[] body) {
    int ascii = 0;
    int other = 0;
    int line = 0;
    boolean longLine = false;
    for (byte value : body) {
      int b = value & 0xff;
      if (b == '\r' || b == '\n') {
        line = 0;
      } else if (++line > 998) {
        longLine = true;
      }
      if (b >= 0177 || (b < 040 && b != '\r' && b != '\n' && b != '\t')) {
        other++;
      } else {
        ascii++;
      }
    }
    if (other == 0) {
      return longLine ? "quoted-printable" : "7bit";
    }
    return ascii > other ? "quoted-printable" : "base64";
  }

  /**
   * Quoted-printable as Angus's encoder writes it: 76 columns, soft breaks, a space before a break
   * encoded.
   */
  private static void quotedPrintable(Bytes out, byte[] body) {
    int column = 0;
    boolean space = false;
    boolean cr = false;
    for (byte value : body) {
      int c = value & 0xff;
      if (space) {
        column = qpByte(out, ' ', c == '\r' || c == '\n', column);
        space = false;
      }
      if (c == '\r') {
        cr = true;
        out.crlf();
        column = 0;
      } else {
        if (c == '\n') {
          if (!cr) {
            out.crlf();
            column = 0;
          }
        } else if (c == ' ') {
          space = true;
        } else {
          column = qpByte(out, c, c < 040 || c >= 0177 || c == '=', column);
        }
        cr = false;
      }
    }
    if (space) {
      qpByte(out, ' ', true, column);
    }
  }

  private static int qpByte(Bytes out, int c, boolean encode, int column) {
    int width = encode ? 3 : 1;
    if (column + width > LINE - 1) {
      out.write('=').crlf();
      column = 0;
    }
    if (encode) {
      out.write('=').write(HEX[c >> 4]).write(HEX[c & 0xf]);
    } else {
      out.write(c);
    }
    return column + width;
  }

  /** Base64 as Angus's encoder writes it: lines of 76 characters, each full line ended by CRLF. */
  private static void base64(Bytes out, byte[] body) {
    byte[] encoded = Base64.getEncoder().encode(body);
    for (int at = 0; at < encoded.length; at += LINE) {
      int n = Math.min(LINE, encoded.length - at);
      out.write(encoded, at, n);
      if (n == LINE) {
        out.crlf();
      }
    }
  }

  /**
   * A growable byte buffer without the synchronisation of {@link java.io.ByteArrayOutputStream}.
   */
  private static final class Bytes {
    private byte[] bytes;
    private int size;

    Bytes(int capacity) {
      bytes = new byte[capacity];
    }

    Bytes write(int b) {
      ensure(1);
      bytes[size++] = (byte) b;
      return this;
    }

    Bytes write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
      return this;
    }

    /** Header text is ASCII once Jakarta Mail has encoded it. */
    Bytes ascii(String s) {
      ensure(s.length());
      for (int i = 0; i < s.length(); i++) {
        bytes[size++] = (byte) s.charAt(i);
      }
      return this;
    }

    Bytes crlf() {
      ensure(2);
      bytes[size++] = '\r';
      bytes[size++] = '\n';
      return this;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }
}
