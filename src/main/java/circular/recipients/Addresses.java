package circular.recipients;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain email addresses as a recipient list holds them: {@code a@x.example;b@x.example}. Display
 * names, comments and quoted local parts are refused: a delegation's address is an address.
 */
public final class Addresses {
  private static final Pattern ADDRESS =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

  /** {@code Name <address>}, as a mail client writes it. */
  private static final Pattern NAMED = Pattern.compile("[^<>]*<([^<>]+)>\\s*");

  private Addresses() {}

  /** Whether {@code s} is one plain address that mail servers will take. */
  public static boolean isAddress(String s) {
    if (!ADDRESS.matcher(s).matches()) {
      return false;
    }
    try {
      new InternetAddress(s, true).validate();
      return true;
    } catch (AddressException e) {
      return false;
    }
  }

  /**
   * Splits a cell on {@code ;}, dropping empty parts and repeats.
   *
   * @return the addresses, or the reason the cell is wrong
   */
  static Result parse(String cell) {
    if (cell.chars().anyMatch(c -> c == '\r' || c == '\n')) {
      return Result.error("'" + Text.visible(cell) + "' contains a line break");
    }
    var found = new LinkedHashSet<String>();
    for (String part : cell.split(";", -1)) {
      String address = part.strip();
      if (address.isEmpty()) {
        continue;
      }
      if (!isAddress(address)) {
        return Result.error(
            "'" + Text.visible(address) + "' is not an email address" + hint(address));
      }
      // A delegation is never on a bare host name: 'geneva@aut-mission' is an address cut short.
      if (address.indexOf('.', address.indexOf('@')) < 0) {
        return Result.error(
            "'"
                + address
                + "' is not a whole email address: its domain has no '.' (such as '.org' or"
                + " '.ch'); complete it");
      }
      found.add(address);
    }
    return Result.ok(new ArrayList<>(found));
  }

  /** What to do about a cell that is not an address, when its mistake is a common one. */
  private static String hint(String notAnAddress) {
    if (notAnAddress.contains(",")) {
      return "; separate addresses with ';'";
    }
    Matcher named = NAMED.matcher(notAnAddress);
    if (named.matches() && isAddress(named.group(1).strip())) {
      return "; write the address alone: " + named.group(1).strip();
    }
    return "";
  }

  record Result(List<String> addresses, Optional<String> error) {
    static Result ok(List<String> addresses) {
      return new Result(List.copyOf(addresses), Optional.empty());
    }

    static Result error(String message) {
      return new Result(List.of(), Optional.of(message));
    }
  }
}
