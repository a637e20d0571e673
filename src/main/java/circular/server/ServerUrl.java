package circular.server;

import circular.InputException;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mail server's address as the user types it, for sending and for reading alike: {@code
 * smtp://[user@]host[:port]}, {@code smtps://…}, {@code imap://user@host[:port]/FOLDER}, {@code
 * imaps://…}. The user and the folder may be percent-encoded ({@code nim%40mission.example}, {@code
 * Sent%20Items}); a user that is itself an address may also be written plainly, since the host is
 * what follows the last '@'. A host name may be international ({@code correo.cancillería.example});
 * an IPv6 address goes in brackets. A password never belongs in the address. Immutable.
 *
 * <p>Written by hand rather than with {@code java.net.URI} so that every message can repeat what
 * the user typed with any password masked, and so that an unencoded '@' in the user name still
 * reads as meant.
 *
 * <pre>
 * {@code ServerUrl.parse(Protocol.IMAP, "imaps://nim-contact@mission.example@imap.mission.example/INBOX")}
 * </pre>
 *
 * @param tls whether TLS starts with the first byte ({@code smtps}, {@code imaps}) rather than
 *     after STARTTLS
 * @param host lower case; an international name in its ASCII form, an IPv6 address without brackets
 * @param folder the mailbox folder of an IMAP address ({@code INBOX} when none is named); empty for
 *     SMTP
 */
public record ServerUrl(
    Protocol protocol, boolean tls, String host, int port, Optional<String> user, String folder) {
  private static final Pattern LOOPBACK_V4 =
      Pattern.compile(
          "127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

  /**
   * Reads an address given with the protocol's option ({@code --smtp}, {@code --imap}).
   *
   * @throws InputException with a one-line message saying what to write instead; a password in the
   *     address is refused and never repeated
   */
  public static ServerUrl parse(Protocol protocol, String url) {
    return new Parser(protocol, url == null ? "" : url.strip()).parse();
  }

  /**
   * Whether {@code host} is this machine: {@code localhost}, 127.0.0.0/8 or ::1, written as such. A
   * name is not looked up, so a name that merely resolves to loopback does not count.
   */
  public static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || LOOPBACK_V4.matcher(h).matches()
        || (h.contains(":") && loopbackV6(h));
  }

  /** A server as messages and logs name it: {@code smtp.office.example:587}, {@code [::1]:25}. */
  public static String server(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  public boolean loopback() {
    return loopback(host);
  }

  public String server() {
    return server(host, port);
  }

  private static boolean loopbackV6(String literal) {
    try {
      // A string with ':' is parsed as an IPv6 literal and never looked up in DNS.
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The address as typed, with whatever stands between "user:" and the last '@' masked, and any
   * query or fragment ({@code ?password=…}) cut off: a secret may stand in either. The query starts
   * at the first '?' or '#' after the user's '@' (the last one before the path, as {@link Parser}
   * reads it), since a secret in a query may hold an '@' of its own.
   */
  static String masked(String raw) {
    int start = raw.indexOf("://");
    start = start >= 0 ? start + 3 : raw.indexOf(':') + 1;
    int slash = raw.indexOf('/', start);
    int user = raw.lastIndexOf('@', slash < 0 ? raw.length() : slash);
    int cut = -1;
    for (int i = Math.max(user + 1, start); i < raw.length() && cut < 0; i++) {
      if (raw.charAt(i) == '?' || raw.charAt(i) == '#') {
        cut = i;
      }
    }
    String head = cut < 0 ? raw : raw.substring(0, cut);
    int at = head.lastIndexOf('@');
    int colon = head.indexOf(':', start);
    if (at >= 0 && colon >= 0 && colon < at) {
      head = head.substring(0, colon + 1) + "****" + head.substring(at);
    }
    return cut < 0 ? head : head + raw.charAt(cut) + "…";
  }

  /** One address being read; its messages all name the option and repeat the address masked. */
  private static final class Parser {
    private final Protocol protocol;
    private final String raw;
    private final String shown;

    Parser(Protocol protocol, String raw) {
      this.protocol = protocol;
      this.raw = raw;
      this.shown = masked(raw);
    }

    ServerUrl parse() {
      int sep = raw.indexOf("://");
      if (sep <= 0) {
        throw bad("'" + shown + "' is not a server address; " + protocol.forms());
      }
      String scheme = raw.substring(0, sep).toLowerCase(Locale.ROOT);
      boolean tls = scheme.equals(protocol.scheme(true));
      if (!tls && !scheme.equals(protocol.scheme(false))) {
        throw bad(
            "'"
                + shown
                + "' is not an "
                + protocol.label()
                + " server address; "
                + protocol.forms());
      }
      String rest = raw.substring(sep + 3);
      int slash = rest.indexOf('/');
      String authority = slash < 0 ? rest : rest.substring(0, slash);
      String path = slash < 0 ? "" : rest.substring(slash + 1);
      int at = authority.lastIndexOf('@');
      if (at >= 0 && authority.substring(0, at).indexOf(':') >= 0) {
        String userInfo = authority.substring(0, at);
        // the server as written after the address's last '@': what stands before it may be a
        // password
        throw bad(
            "'"
                + shown
                + "' holds a password, which never goes in the address: write "
                + scheme
                + "://"
                + userInfo.substring(0, userInfo.indexOf(':'))
                + "@"
                + rest.substring(rest.lastIndexOf('@') + 1).split("[?#]", 2)[0]
                + " and set "
                + protocol.passwordVariable()
                + " (or "
                + protocol.tokenVariable()
                + " for an OAuth2 token) instead");
      }
      if (!protocol.hasFolder() && !path.isEmpty()) {
        throw bad("'" + shown + "' holds more than a server address; " + protocol.forms());
      }
      Optional<String> user =
          at < 0 ? Optional.empty() : Optional.of(userName(authority.substring(0, at)));
      if (user.isEmpty() && protocol.hasFolder()) {
        throw bad("'" + shown + "' names no user; " + protocol.forms());
      }
      String hostPort = authority.substring(at + 1);
      if (hostPort.chars().anyMatch(c -> c == '?' || c == '#' || c == ' ')) {
        throw bad("'" + shown + "' holds more than a server address; " + protocol.forms());
      }
      boolean bracketed = hostPort.startsWith("[");
      String host;
      String port;
      if (bracketed) {
        int close = hostPort.indexOf(']');
        String after = close < 0 ? "" : hostPort.substring(close + 1);
        if (close < 0 || !(after.isEmpty() || after.startsWith(":"))) {
          throw bad(
              "'"
                  + shown
                  + "' has a bracket out of place; write an IPv6 address as "
                  + protocol.ipv6Example());
        }
        host = hostPort.substring(1, close);
        port = after.isEmpty() ? null : after.substring(1);
      } else {
        int colon = hostPort.indexOf(':');
        if (colon >= 0 && hostPort.indexOf(':', colon + 1) >= 0) {
          throw bad(
              "'" + shown + "': write an IPv6 address in brackets, e.g. " + protocol.ipv6Example());
        }
        host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        port = colon < 0 ? null : hostPort.substring(colon + 1);
      }
      // The port first: what follows the last ':' may be a password typed in the wrong place, and
      // the messages after this one repeat the address.
      String beforePort =
          raw.substring(0, sep + 3)
              + rest.substring(0, authority.length() - (port == null ? 0 : port.length() + 1));
      int number = port(port, tls, beforePort);
      if (host.isEmpty()) {
        throw bad("'" + shown + "' names no server; " + protocol.forms());
      }
      if (bracketed && !ipv6(host)) {
        throw bad("'" + shown + "': '" + host + "' is not an IPv6 address");
      }
      String folder = protocol.hasFolder() ? folder(path) : "";
      return new ServerUrl(protocol, tls, bracketed ? host : hostName(host), number, user, folder);
    }

    private String userName(String userInfo) {
      String name;
      try {
        name = percentDecoded(userInfo);
      } catch (IllegalArgumentException e) {
        throw bad("the user name in '" + shown + "' has a broken %-escape; write '@' as %40");
      }
      if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
        throw bad("'" + shown + "' names no usable user; " + protocol.forms());
      }
      return name;
    }

    private String folder(String path) {
      String folder;
      try {
        folder = percentDecoded(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
      } catch (IllegalArgumentException e) {
        throw bad("the folder in '" + shown + "' has a broken %-escape; write a space as %20");
      }
      if (folder.chars().anyMatch(Character::isISOControl)) {
        throw bad("the folder in '" + shown + "' holds a control character");
      }
      if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
        // what follows is a URL's query or fragment, never a folder's name, and may be a secret
        throw bad(
            "'"
                + shown
                + "' holds more than a folder; "
                + protocol.forms()
                + " (a '?' or '#' in a folder's name is written %3F or %23)");
      }
      return folder.isEmpty() ? "INBOX" : folder;
    }

    private String hostName(String host) {
      try {
        return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw bad("'" + shown + "': '" + host + "' is not a host name; " + protocol.forms());
      }
    }

    private int port(String text, boolean tls, String beforePort) {
      if (text == null) {
        return protocol.defaultPort(tls);
      }
      if (text.matches("\\d{1,5}")) {
        int port = Integer.parseInt(text);
        if (port >= 1 && port <= 65535) {
          return port;
        }
      }
      // What stands after the last ':' may be a password typed in the wrong place (user:secret,
      // with or without the host): it is repeated only if it is a number.
      boolean mayBeSecret = !text.matches("\\d+");
      throw bad(
          "the port in '"
              + masked(beforePort)
              + ":"
              + (mayBeSecret ? "…" : text)
              + "' must be a number from 1 to 65535"
              + (mayBeSecret ? " (what follows ':' is not shown, in case it is a password)" : ""));
    }

    private InputException bad(String what) {
      return InputException.of(protocol.option(), what);
    }
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

  /** Percent-decoding as in a URL path, UTF-8; unlike form decoding, '+' stays '+'. */
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
}
