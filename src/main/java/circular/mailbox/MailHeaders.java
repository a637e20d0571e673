package circular.mailbox;

import circular.server.MessageId;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers a scan decides by, read once from a message: exactly {@link #NAMES}, which is also
 * what an IMAP scan fetches in bulk, so that reading them never costs another round trip.
 * Immutable.
 *
 * @param raw each header's first value as it was sent (unfolded), by its name in {@link #NAMES}
 */
public record MailHeaders(Map<String, String> raw) {
  private static final Pattern MIME_TYPE = Pattern.compile("[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+");

  /** Every header the scan reads; nothing else is fetched unless a message looks like a bounce. */
  public static final List<String> NAMES =
      List.of(
          "Message-ID",
          "In-Reply-To",
          "References",
          "Date",
          "From",
          "Sender",
          "To",
          "Subject",
          "Return-Path",
          "Auto-Submitted",
          "X-Autoreply",
          "X-Autorespond",
          "X-Autoresponder",
          "Precedence",
          "X-Precedence",
          "Content-Type",
          "X-Failed-Recipients",
          "X-MLServer");

  /** The header names as a FetchProfile takes them. */
  public static String[] names() {
    return NAMES.toArray(String[]::new);
  }

  public MailHeaders {
    raw = Map.copyOf(raw);
  }

  /** Reads {@link #NAMES} from a message or a returned message's headers; nothing else. */
  public static MailHeaders of(Part part) throws MessagingException {
    Map<String, String> raw = new LinkedHashMap<>();
    for (String name : NAMES) {
      String[] values = part.getHeader(name);
      if (values != null && values.length > 0 && values[0] != null) {
        raw.put(name, utf8(MimeUtility.unfold(values[0])).strip());
      }
    }
    return new MailHeaders(raw);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(raw.get(name));
  }

  /** The Message-ID, normalised, or empty when the message has none. */
  public Optional<String> messageId() {
    return get("Message-ID").flatMap(MessageId::parse).map(MessageId::text);
  }

  /**
   * A stable stand-in for a missing Message-ID, the same wherever the message is found: a hash of
   * the headers that identify it, {@code <sha256@circular.invalid>}.
   */
  public String syntheticId() {
    StringBuilder identity = new StringBuilder();
    for (String name :
        List.of("Date", "From", "Sender", "To", "Subject", "In-Reply-To", "References")) {
      identity.append(name).append(':').append(raw.getOrDefault(name, "")).append('\n');
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash) + "@circular.invalid>";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The ids In-Reply-To and References name: the messages this one answers. */
  public List<String> threadIds() {
    List<MessageId> ids = new ArrayList<>(MessageId.allIn(raw.get("In-Reply-To")));
    ids.addAll(MessageId.allIn(raw.get("References")));
    return ids.stream().map(MessageId::text).toList();
  }

  /** When the message was written, from its Date header, if there is one that parses. */
  public Optional<Instant> date() {
    return get("Date").flatMap(MailHeaders::parseDate);
  }

  public static Optional<Instant> parseDate(String value) {
    try {
      return Optional.ofNullable(new MailDateFormat().parse(value)).map(Date::toInstant);
    } catch (java.text.ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public Optional<String> from() {
    return address("From");
  }

  public Optional<String> sender() {
    return address("Sender");
  }

  /** The envelope sender; empty for {@code <>}, as bounces and most automatic mail have. */
  public Optional<String> returnPath() {
    return address("Return-Path");
  }

  /** Whether the envelope sender is the null path {@code <>} (RFC 5321): automatic mail. */
  public boolean nullReturnPath() {
    return get("Return-Path").map(v -> v.replaceAll("\\s", "").equals("<>")).orElse(false);
  }

  /** The subject, encoded words decoded. */
  public String subject() {
    String value = raw.getOrDefault("Subject", "");
    try {
      return MimeUtility.decodeText(value);
    } catch (UnsupportedEncodingException e) {
      return value;
    }
  }

  /** The content type, lower case and without parameters: {@code multipart/report}. */
  public String contentType() {
    return get("Content-Type").map(MailHeaders::baseType).orElse("text/plain");
  }

  /** A parameter of the content type, such as {@code report-type}; empty if absent. */
  public String contentTypeParameter(String name) {
    try {
      String value =
          new ContentType(raw.getOrDefault("Content-Type", "text/plain")).getParameter(name);
      return value == null ? "" : value.toLowerCase(Locale.ROOT);
    } catch (ParseException e) {
      return "";
    }
  }

  public static String baseType(String contentType) {
    try {
      return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
    } catch (ParseException e) {
      // a malformed type, such as "text/plain charset=..." without its semicolon: its first word
      Matcher type = MIME_TYPE.matcher(contentType);
      return type.find() ? type.group().toLowerCase(Locale.ROOT) : "text/plain";
    }
  }

  private Optional<String> address(String name) {
    String value = raw.get(name);
    if (value == null) {
      return Optional.empty();
    }
    try {
      for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
        String address = a.getAddress();
        if (address != null && address.indexOf('@') > 0) {
          return Optional.of(address.strip());
        }
      }
    } catch (AddressException e) {
      // an address a client mangled: fall through to the plain search below
    }
    return AddressesInText.first(value);
  }

  /**
   * A header sent as raw UTF-8 (RFC 6532) arrives as one character per byte; read it as UTF-8 when
   * it is valid UTF-8, as it is then almost surely meant.
   */
  private static String utf8(String value) {
    if (value.chars().allMatch(c -> c < 0x80) || value.chars().anyMatch(c -> c > 0xff)) {
      return value;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (CharacterCodingException e) {
      return value;
    }
  }
}
