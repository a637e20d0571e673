package circular.letters;

import circular.recipients.Addresses;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * An address with an optional display name, as a letter's headers carry it: {@code Helen Marsh
 * <nim-contact@mission.example>}. The name may be any Unicode text; it is encoded when the message
 * is written.
 */
public record NamedAddress(String address, String name) {
  public NamedAddress {
    if (address == null || !Addresses.isAddress(address)) {
      throw new IllegalArgumentException("not an email address: " + address);
    }
    name = name == null ? "" : name.strip();
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a display name may not hold control characters");
    }
  }

  public static NamedAddress of(String address) {
    return new NamedAddress(address, "");
  }

  /**
   * Parses a header value: addresses separated by ',' or ';', each plain or {@code Name <addr>}.
   *
   * @throws IllegalArgumentException with a message fit for the user
   */
  public static List<NamedAddress> parseList(String value) {
    List<NamedAddress> found = new ArrayList<>();
    try {
      for (InternetAddress a : InternetAddress.parse(value.replace(';', ','), true)) {
        if (a.isGroup() || !Addresses.isAddress(a.getAddress())) {
          throw new IllegalArgumentException("'" + a + "' is not an email address");
        }
        found.add(new NamedAddress(a.getAddress(), a.getPersonal()));
      }
    } catch (AddressException e) {
      throw new IllegalArgumentException("'" + value + "' is not a list of email addresses");
    }
    return found;
  }

  @Override
  public String toString() {
    return name.isEmpty() ? address : name + " <" + address + ">";
  }
}
