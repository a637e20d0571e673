package circular.mail;

import circular.letters.Mailbox;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Message-IDs the engine assigns and logs, so that replies can be traced back to the letter:
 * {@code <m1c2x8k.5f3a9c0b2e7d41a8@mission.example>}, 96 random bits under the sender's domain
 * (RFC 5322 section 3.6.4). Thread-safe.
 */
public final class MessageIds {
  /**
   * A deterministic random bit generator seeded once from the operating system: the default
   * generator on Linux reads {@code /dev/urandom} again every few ids, a system call per letter.
   */
  private static final SecureRandom RANDOM = drbg();
  private static final HexFormat HEX = HexFormat.of();

  private MessageIds() {}

  /** A new, globally unique id in the sender's domain, angle brackets included. */
  public static String create(Mailbox from) {
    String domain = from.address().substring(from.address().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "<" + Long.toString(System.currentTimeMillis(), 36) + "." + HEX.formatHex(bytes) + "@" + domain + ">";
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
