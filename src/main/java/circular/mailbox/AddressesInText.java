package circular.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mail addresses found in the text of a report or a header: {@code someone@x.example}, {@code
 * <someone@x.example>}, {@code "a..b"@x.example}. Only addresses with a dotted domain are found,
 * and a match never starts inside a longer token (the {@code someone@x.example} of {@code
 * Endpoint=someone@x.example} in a link is no address of the text). Whether a string a user typed
 * is an address is another question, {@code circular.recipients.Addresses}'. Stateless.
 */
public final class AddressesInText {
  public static final Pattern ADDRESS =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+'!#$&*/=?^`{|}~-])"
              + "(\"[^\"\\r\\n]{1,64}\"|[A-Za-z0-9_%+'!#$&*?^`{|}~-][A-Za-z0-9._%+'!#$&*?^`{|}~-]{0,63})"
              + "@([A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+)"
              + "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])");

  private AddressesInText() {}

  /** One address found in a text, and where. */
  public record Found(String address, int start, int end) {}

  /** Every address in the text, in order, each as written. */
  public static List<Found> in(String text) {
    List<Found> found = new ArrayList<>();
    Matcher m = ADDRESS.matcher(text);
    while (m.find()) {
      found.add(new Found(m.group(), m.start(), m.end()));
    }
    return found;
  }

  /** Every address in the text, in order. */
  public static List<String> all(String text) {
    return in(text).stream().map(Found::address).toList();
  }

  public static Optional<String> first(String text) {
    Matcher m = ADDRESS.matcher(text);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }
}
