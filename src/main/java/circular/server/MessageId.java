package circular.server;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Message-ID as a header writes it, angle brackets included: the engine makes one for every
 * letter ({@link #create}) and logs it, so that a scan can read it back from the replies' headers
 * ({@link #parse}, {@link #allIn}) and trace them to their letter. Two ids are the same when their
 * {@link #key}s are. Immutable; {@link #create} is thread-safe.
 *
 * <pre>{@code
 * MessageId.create("nim@mission.example")                 // <m1c2x8k.5f3a9c0b2e7d41a8…@mission.example>
 * MessageId.allIn("<a@x.example> <b@y.example>")          // both, in order
 * }</pre>
 *
 * @param text the id as written, angle brackets included
 */
public record MessageId(String text) {
  private static final Pattern BRACKETED = Pattern.compile("<[^<>\\s]+>");

  /**
   * A deterministic random bit generator seeded once from the operating system: the default
   * generator on Linux reads {@code /dev/urandom} again every few ids, a system call per letter.
   */
  private static final SecureRandom RANDOM = drbg();

  private static final HexFormat HEX = HexFormat.of();

  public MessageId {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a Message-ID needs some text");
    }
  }

  /**
   * A new, globally unique id in the sender's domain (RFC 5322 section 3.6.4): the time, then 96
   * random bits, {@code <m1c2x8k.5f3a9c0b2e7d41a8@mission.example>}.
   */
  public static MessageId create(String senderAddress) {
    String domain =
        senderAddress.substring(senderAddress.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return new MessageId(
        "<"
            + Long.toString(System.currentTimeMillis(), 36)
            + "."
            + HEX.formatHex(bytes)
            + "@"
            + domain
            + ">");
  }

  /** Every id in a header value such as References, in order; none for {@code null}. */
  public static List<MessageId> allIn(String headerValue) {
    List<MessageId> ids = new ArrayList<>();
    if (headerValue == null) {
      return ids;
    }
    Matcher m = BRACKETED.matcher(headerValue);
    while (m.find()) {
      ids.add(new MessageId(m.group()));
    }
    return ids;
  }

  /** The id of a Message-ID header; brackets are added when a sender forgot them. */
  public static Optional<MessageId> parse(String headerValue) {
    List<MessageId> ids = allIn(headerValue);
    if (!ids.isEmpty()) {
      return Optional.of(ids.get(0));
    }
    String bare = headerValue == null ? "" : headerValue.replaceAll("\\s+", "");
    return bare.isEmpty() ? Optional.empty() : Optional.of(new MessageId("<" + bare + ">"));
  }

  /**
   * What two ids are compared by: the domain without regard to case, the local part as written.
   * {@code <Ab.1@EXCH01.Example>} → {@code <Ab.1@exch01.example>}.
   */
  public String key() {
    int at = text.lastIndexOf('@');
    return at < 0 ? text : text.substring(0, at) + text.substring(at).toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return text;
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
