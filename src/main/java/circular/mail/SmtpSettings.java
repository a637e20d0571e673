package circular.mail;

import circular.server.Protocol;
import circular.server.ServerUrl;
import circular.server.TrustFile;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how to reach the mail server. Immutable. Certificates are always verified and the
 * server's name checked against its certificate; STARTTLS is required on {@code smtp://} unless the
 * server is on this machine (loopback), where it is used when offered.
 *
 * <pre>
 * {@code SmtpSettings.fromUrl("smtp://me%40office.example@smtp.office.example")  // port 587, STARTTLS}
 * </pre>
 *
 * @param user the login name, when the server wants one; the secret is never part of the settings
 * @param trust the one certificate a self-signed test server is trusted by, when named
 * @param timeout for connecting, and for each read and write on the connection
 * @param backoff the waits before retrying a letter the server turned away for now
 */
public record SmtpSettings(
    Security security,
    String host,
    int port,
    Optional<String> user,
    Optional<TrustFile> trust,
    Duration timeout,
    Backoff backoff) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** How the connection is encrypted. */
  public enum Security {
    /** {@code smtp://}: plain connect, then STARTTLS; port 587 by default. */
    STARTTLS,
    /** {@code smtps://}: TLS from the first byte; port 465 by default. */
    TLS;

    /** The URL scheme, which is also Angus's protocol name and property prefix. */
    public String protocol() {
      return Protocol.SMTP.scheme(this == TLS);
    }

    public int defaultPort() {
      return Protocol.SMTP.defaultPort(this == TLS);
    }
  }

  public SmtpSettings {
    if (security == null
        || host == null
        || host.isBlank()
        || user == null
        || trust == null
        || backoff == null) {
      throw new IllegalArgumentException(
          "SMTP settings need a security mode, a host and a backoff");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
    if (timeout == null
        || timeout.isNegative()
        || timeout.isZero()
        || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("not a usable timeout: " + timeout);
    }
  }

  /**
   * Reads {@code smtp://[user@]host[:port]} or {@code smtps://[user@]host[:port]}; the user may be
   * percent-encoded ({@code me%40office.example}).
   *
   * @throws circular.InputException with a one-line message saying what to write instead; a
   *     password in the URL is refused and never repeated
   */
  public static SmtpSettings fromUrl(String url) {
    ServerUrl server = ServerUrl.parse(Protocol.SMTP, url);
    return new SmtpSettings(
        server.tls() ? Security.TLS : Security.STARTTLS,
        server.host(),
        server.port(),
        server.user(),
        Optional.empty(),
        DEFAULT_TIMEOUT,
        Backoff.standard());
  }

  public SmtpSettings withTrust(TrustFile file) {
    return new SmtpSettings(security, host, port, user, Optional.of(file), timeout, backoff);
  }

  public SmtpSettings withTimeout(Duration newTimeout) {
    return new SmtpSettings(security, host, port, user, trust, newTimeout, backoff);
  }

  public SmtpSettings withBackoff(Backoff newBackoff) {
    return new SmtpSettings(security, host, port, user, trust, timeout, newBackoff);
  }

  /**
   * Whether the server is on this machine: {@code localhost}, 127.0.0.0/8 or ::1, written as such.
   * A name is not looked up, so a name that merely resolves to loopback does not count.
   */
  public boolean loopback() {
    return ServerUrl.loopback(host);
  }

  /** Whether a server that does not offer STARTTLS must be refused. */
  public boolean startTlsRequired() {
    return security == Security.STARTTLS && !loopback();
  }

  /** The server as messages name it: {@code smtp.office.example:587}, {@code [::1]:25}. */
  public String server() {
    return ServerUrl.server(host, port);
  }
}
