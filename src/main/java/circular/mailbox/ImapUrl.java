package circular.mailbox;

import circular.InputException;
import circular.server.Protocol;
import circular.server.ServerUrl;

/**
 * A mailbox named as {@code --imap} takes it: {@code imap://user@host[:port]/FOLDER} (STARTTLS,
 * required except on loopback) or {@code imaps://user@host[:port]/FOLDER} (TLS from the first
 * byte). The port defaults to 143 or 993, the folder to {@code INBOX}; read by {@link ServerUrl},
 * as {@code --smtp} is. A password never belongs in the URL.
 *
 * <pre>{@code ImapUrl.parse("imaps://nim-contact@mission.example@imap.mission.example/INBOX")}
 * </pre>
 */
public record ImapUrl(boolean tls, String host, int port, String user, String folder) {

  public ImapUrl {
    if (host == null
        || host.isBlank()
        || user == null
        || user.isBlank()
        || folder == null
        || folder.isBlank()) {
      throw new IllegalArgumentException("an IMAP mailbox needs a host, a user and a folder");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("no port " + port);
    }
  }

  /**
   * @throws InputException naming {@code --imap}, with what is wrong and what to write instead
   */
  public static ImapUrl parse(String url) {
    ServerUrl server = ServerUrl.parse(Protocol.IMAP, url);
    return new ImapUrl(
        server.tls(), server.host(), server.port(), server.user().orElseThrow(), server.folder());
  }

  /** {@code imap} or {@code imaps}: the Jakarta Mail store protocol. */
  public String protocol() {
    return Protocol.IMAP.scheme(tls);
  }

  /**
   * Whether the server is this machine (127.0.0.0/8, ::1, localhost), the one place a plain
   * connection is allowed. Decided on the name as written, without asking DNS.
   */
  public boolean isLoopback() {
    return ServerUrl.loopback(host);
  }

  /** The server as scan-state.csv records it: {@code host:port}. */
  String server() {
    return ServerUrl.server(host, port);
  }

  @Override
  public String toString() {
    return protocol() + "://" + user + "@" + server() + "/" + folder;
  }
}
