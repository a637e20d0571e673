package circular.mail;

import circular.InputException;
import circular.mail.SmtpSettings.Security;
import circular.server.Protocol;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code --smtp} server address. Written by hand rather than with {@code java.net.URI}
 * so that every message can repeat what the user typed with any password masked, and so that an
 * unencoded '@' in the user name ({@code me@office.example@smtp.office.example}) still reads as
 * meant: the host is what follows the last '@'.
 */
final class SmtpUrl {
  private static final String WHERE = "--smtp";
  private static final String FORMS = "use smtp://[user@]host[:port], smtps://[user@]host[:port] or sandbox";

  private SmtpUrl() {}

  static SmtpSettings parse(String url) {
    String raw = url == null ? "" : url.strip();
    String shown = masked(raw);
    int sep = raw.indexOf("://");
    if (sep <= 0) {
      throw bad("'" + shown + "' is not a server address; " + FORMS);
    }
    String scheme = raw.substring(0, sep).toLowerCase(Locale.ROOT);
    Security security;
    if (scheme.equals(Security.STARTTLS.protocol())) {
      security = Security.STARTTLS;
    } else if (scheme.equals(Security.TLS.protocol())) {
      security = Security.TLS;
    } else {
      throw bad("'" + shown + "' is not an SMTP server address; " + FORMS);
    }
    String rest = raw.substring(sep + 3);
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int at = rest.lastIndexOf('@');
    String hostPort = rest.substring(at + 1);
    Optional<String> user = Optional.empty();
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      int colon = userInfo.indexOf(':');
      if (colon >= 0) {
        throw bad("'" + shown + "' holds a password, which never goes in the address: write "
            + scheme + "://" + userInfo.substring(0, colon) + "@" + hostPort + " and set "
            + Protocol.SMTP.passwordVariable() + " (or " + Protocol.SMTP.tokenVariable() + " for an OAuth2 token) instead");
      }
      user = Optional.of(userName(userInfo, shown));
    }
    if (hostPort.chars().anyMatch(c -> c == '/' || c == '?' || c == '#' || c == ' ')) {
      throw bad("'" + shown + "' holds more than a server address; " + FORMS);
    }
    boolean bracketed = hostPort.startsWith("[");
    String host;
    String port = null;
    if (bracketed) {
      int close = hostPort.indexOf(']');
      String after = close < 0 ? "" : hostPort.substring(close + 1);
      if (close < 0 || !(after.isEmpty() || after.startsWith(":"))) {
        throw bad("'" + shown + "' has a bracket out of place; write an IPv6 address as smtp://[::1]:25");
      }
      host = hostPort.substring(1, close);
      port = after.isEmpty() ? null : after.substring(1);
    } else {
      int colon = hostPort.indexOf(':');
      if (colon >= 0 && hostPort.indexOf(':', colon + 1) >= 0) {
        throw bad("'" + shown + "': write an IPv6 address in brackets, e.g. smtp://[::1]:25");
      }
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      port = colon < 0 ? null : hostPort.substring(colon + 1);
    }
    // The port first: what follows the last ':' may be a password typed in the wrong place, and
    // the messages after this one repeat the address.
    String beforePort = raw.substring(0, sep + 3) + rest.substring(0, rest.length() - (port == null ? 0 : port.length() + 1));
    int number = port(port, security, beforePort);
    if (host.isEmpty()) {
      throw bad("'" + shown + "' names no server; " + FORMS);
    }
    if (bracketed && !ipv6(host)) {
      throw bad("'" + shown + "': '" + host + "' is not an IPv6 address");
    }
    return SmtpSettings.of(security, bracketed ? host : hostName(host, shown), number, user);
  }

  private static String userName(String userInfo, String shown) {
    String name;
    try {
      name = percentDecoded(userInfo);
    } catch (IllegalArgumentException e) {
      throw bad("the user name in '" + shown + "' has a broken %-escape; write '@' as %40");
    }
    if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
      throw bad("'" + shown + "' names no usable user; " + FORMS);
    }
    return name;
  }

  private static String hostName(String host, String shown) {
    try {
      return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw bad("'" + shown + "': '" + host + "' is not a host name; " + FORMS);
    }
  }

  private static int port(String text, Security security, String beforePort) {
    if (text == null) {
      return security.defaultPort();
    }
    if (text.matches("\\d{1,5}")) {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    }
    // What stands after the last ':' is not repeated: it may be a password typed in the wrong place.
    throw bad("the port in '" + masked(beforePort) + ":…' must be a number from 1 to 65535");
  }

  private static boolean ipv6(String literal) {
    if (!literal.contains(":")) {
      return false;
    }
    try {
      InetAddress.getByName(literal); // a string with ':' is parsed, never looked up
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The address as typed, with whatever stands between "user:" and the last '@' masked. */
  static String masked(String raw) {
    int at = raw.lastIndexOf('@');
    if (at < 0) {
      return raw;
    }
    int start = raw.indexOf("://");
    start = start >= 0 ? start + 3 : raw.indexOf(':') + 1;
    int colon = raw.indexOf(':', start);
    if (colon < 0 || colon > at) {
      return raw;
    }
    return raw.substring(0, colon + 1) + "****" + raw.substring(at);
  }

  private static String percentDecoded(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("not a %-escape at " + i);
        }
        bytes.write(hi * 16 + lo);
        i += 3;
      } else {
        bytes.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static InputException bad(String what) {
    return InputException.of(WHERE, what);
  }
}
