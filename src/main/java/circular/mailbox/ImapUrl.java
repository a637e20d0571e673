package circular.mailbox;

import circular.InputException;
import circular.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mailbox named as {@code --imap} takes it: {@code imap://user@host[:port]/FOLDER} (STARTTLS,
 * required except on loopback) or {@code imaps://user@host[:port]/FOLDER} (TLS from the first
 * byte). The port defaults to 143 or 993, the folder to {@code INBOX}; the user and the folder may
 * be percent-encoded ({@code nim%40mission.example}, {@code Sent%20Items}), and a user that is
 * itself an address may also be written plainly. A password never belongs in the URL.
 *
 * <pre>{@code ImapUrl.parse("imaps://nim-contact@mission.example@imap.mission.example/INBOX")}</pre>
 */
public record ImapUrl(boolean tls, String host, int port, String user, String folder) {
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  public ImapUrl {
    if (host == null || host.isBlank() || user == null || user.isBlank() || folder == null || folder.isBlank()) {
      throw new IllegalArgumentException("an IMAP mailbox needs a host, a user and a folder");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("no port " + port);
    }
  }

  /**
   * @throws InputException naming {@code --imap}, with what is wrong and an example
   */
  public static ImapUrl parse(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    boolean tls;
    if (lower.startsWith("imaps://")) {
      tls = true;
    } else if (lower.startsWith("imap://")) {
      tls = false;
    } else {
      throw wrong(url, "must start with imap:// or imaps://");
    }
    String rest = url.substring(url.indexOf("://") + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String folder = slash < 0 ? "" : decode(url, rest.substring(slash + 1));
    int at = authority.lastIndexOf('@');
    if (at <= 0) {
      throw wrong(url, "names no user; write imap://user@host/INBOX");
    }
    String user = authority.substring(0, at);
    if (user.contains(":")) {
      throw new InputException(
          new Problem(
              "--imap",
              "put no password in the URL; set CIRCULAR_IMAP_PASSWORD (or CIRCULAR_IMAP_TOKEN) or type it when asked"));
    }
    user = decode(url, user);
    String hostPort = authority.substring(at + 1);
    String host;
    String port = "";
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw wrong(url, "has an IPv6 address without its closing ']'");
      }
      host = hostPort.substring(1, close);
      String after = hostPort.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        throw wrong(url, "has something after the host that is not a port");
      }
      port = after.isEmpty() ? "" : after.substring(1);
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      port = colon < 0 ? "" : hostPort.substring(colon + 1);
    }
    if (host.isBlank()) {
      throw wrong(url, "names no host");
    }
    int number = tls ? 993 : 143;
    if (!port.isEmpty()) {
      try {
        number = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        number = -1;
      }
      if (number < 1 || number > 65535) {
        throw wrong(url, "has port '" + port + "'; a port is a number from 1 to 65535");
      }
    }
    return new ImapUrl(tls, host.toLowerCase(Locale.ROOT), number, user, folder.isEmpty() ? "INBOX" : folder);
  }

  /** {@code imap} or {@code imaps}: the Jakarta Mail store protocol. */
  public String protocol() {
    return tls ? "imaps" : "imap";
  }

  /**
   * Whether the server is this machine (127.0.0.0/8, ::1, localhost), the one place a plain
   * connection is allowed. Decided on the name as written, without asking DNS.
   */
  public boolean isLoopback() {
    return host.equals("localhost")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1")
        || IPV4_LOOPBACK.matcher(host).matches();
  }

  /** The server as scan-state.csv records it: {@code host:port}. */
  String server() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return protocol() + "://" + user + "@" + server() + "/" + folder;
  }

  private static InputException wrong(String url, String what) {
    return new InputException(
        new Problem("--imap", "'" + url + "' " + what + " (e.g. imaps://contact@mission.example@imap.mission.example/INBOX)"));
  }

  /** Percent-decoding as in a URL path; unlike form decoding, '+' stays '+'. */
  private static String decode(String url, String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          throw wrong(url, "has a '%' not followed by two hexadecimal digits");
        }
        try {
          bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        } catch (NumberFormatException e) {
          throw wrong(url, "has a '%' not followed by two hexadecimal digits");
        }
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
