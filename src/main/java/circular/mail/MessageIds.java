package circular.mail;

import circular.letters.Mailbox;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Message-IDs the engine assigns and logs, so that replies can be traced back to the letter:
 * {@code <m1c2x8k.5f3a9c0b2e7d41a8@mission.example>}, 96 random bits under the sender's domain
 * (RFC 5322 section 3.6.4). Thread-safe.
 */
public final class MessageIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private MessageIds() {}

  /** A new, globally unique id in the sender's domain, angle brackets included. */
  public static String create(Mailbox from) {
    String domain = from.address().substring(from.address().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    StringBuilder random = new StringBuilder();
    for (byte b : bytes) {
      random.append(String.format("%02x", b));
    }
    return "<" + Long.toString(System.currentTimeMillis(), 36) + "." + random + "@" + domain + ">";
  }
}
