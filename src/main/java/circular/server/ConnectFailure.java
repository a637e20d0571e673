package circular.server;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Why a connection to a mail server, SMTP or IMAP, could not be made: read once from what the mail
 * library threw, and said in the user's words with what to do about it. A refused login, an
 * untrusted certificate or a server that will not encrypt are {@link #fatal}: trying again cannot
 * help, and a run stops. Anything else (an unknown host, a refused connection, a timeout, a bad
 * greeting) may pass. Immutable.
 *
 * <pre>{@code
 * ConnectFailure.of(e).explain(server)
 * // the server's certificate is not trusted (PKIX path building failed: …); to trust a test
 * // server, name its certificate with --smtp-trust FILE
 * }</pre>
 *
 * @param said what the server or the library said, in one line
 */
public record ConnectFailure(Kind kind, String said) {

  /** What went wrong, the reasons to stop first. */
  public enum Kind {
    LOGIN_REFUSED,
    NO_LOGIN_MECHANISM,
    CERTIFICATE_NAME,
    CERTIFICATE_UNTRUSTED,
    TLS_FAILED,
    NO_STARTTLS,
    UNKNOWN_HOST,
    UNREACHABLE
  }

  /** The server a failure is about, as its explanation names it and what was tried on it. */
  public record Server(
      Protocol protocol, String host, Optional<Login> login, Optional<TrustFile> trust) {}

  /** Reads the failure from what connecting (and logging in) threw. */
  public static ConnectFailure of(MessagingException e) {
    if (e instanceof AuthenticationFailedException) {
      String said = ServerReply.line(e.getMessage());
      return new ConnectFailure(
          said.startsWith("No authentication mechanisms")
              ? Kind.NO_LOGIN_MECHANISM
              : Kind.LOGIN_REFUSED,
          said);
    }
    Throwable tls = find(e, SSLException.class, CertificateException.class);
    if (tls != null) {
      String why = ServerReply.cause(tls);
      if (why.contains("No subject alternative") || why.contains("No name matching")) {
        return new ConnectFailure(Kind.CERTIFICATE_NAME, why);
      }
      if (why.contains("certification path")
          || why.contains("PKIX")
          || find(e, CertificateException.class) != null) {
        return new ConnectFailure(Kind.CERTIFICATE_UNTRUSTED, why);
      }
      return new ConnectFailure(Kind.TLS_FAILED, why);
    }
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("Can't verify identity of server")) {
        // Angus's own check of the name, made after the handshake
        return new ConnectFailure(Kind.CERTIFICATE_NAME, ServerReply.cause(t));
      }
      if (message.startsWith("STARTTLS is required")) {
        return new ConnectFailure(Kind.NO_STARTTLS, message);
      }
    }
    Throwable unknown = find(e, UnknownHostException.class);
    if (unknown != null) {
      return new ConnectFailure(Kind.UNKNOWN_HOST, String.valueOf(unknown.getMessage()));
    }
    return new ConnectFailure(Kind.UNREACHABLE, ServerReply.cause(e));
  }

  /** Whether the failure stops a run: the login, the certificate or the encryption is wrong. */
  public boolean fatal() {
    return kind.compareTo(Kind.NO_STARTTLS) <= 0;
  }

  /** One line: what went wrong, and what to do when the user can do something. */
  public String explain(Server server) {
    String who = server.login().map(Login::user).orElse("");
    Protocol protocol = server.protocol();
    return switch (kind) {
      case NO_LOGIN_MECHANISM ->
          "the server does not offer "
              + server
                  .login()
                  .map(l -> l.isToken() ? "an OAuth2 (XOAUTH2)" : "a password")
                  .orElse("a")
              + " login for '"
              + who
              + "'";
      case LOGIN_REFUSED -> "the server refused the login for '" + who + "' (" + said + ")";
      case CERTIFICATE_NAME ->
          "the server's certificate is not for '" + server.host() + "' (" + said + ")";
      case CERTIFICATE_UNTRUSTED ->
          "the server's certificate is not trusted ("
              + said
              + "); "
              + server
                  .trust()
                  .map(
                      t ->
                          "it is not the certificate named with "
                              + protocol.trustOption()
                              + " ("
                              + t
                              + ")")
                  .orElse(
                      "to trust a test server, name its certificate with "
                          + protocol.trustOption()
                          + " FILE");
      case TLS_FAILED -> "the TLS handshake failed (" + said + ")";
      case NO_STARTTLS ->
          "the server does not offer STARTTLS, so the login and the "
              + protocol.carries()
              + " would cross the network unencrypted; use "
              + protocol.scheme(true)
              + ":// if it offers TLS (port "
              + protocol.defaultPort(true)
              + ")";
      case UNKNOWN_HOST -> "cannot connect (unknown host " + said + ")";
      case UNREACHABLE -> "cannot connect (" + said + ")";
    };
  }

  /**
   * Rethrows the unchecked exception among {@code e}'s causes, if there is one: networks and
   * servers fail with checked exceptions ({@code IOException}, {@code MessagingException}), so an
   * unchecked one that Angus wrapped (a socket factory's, say) is a bug, to be reported as one
   * rather than read as a server that cannot be reached.
   */
  public static void throwIfBug(MessagingException e) {
    Throwable bug = find(e, RuntimeException.class);
    if (bug != null) {
      throw (RuntimeException) bug;
    }
  }

  @SafeVarargs
  private static Throwable find(Throwable t, Class<? extends Throwable>... kinds) {
    int depth = 0;
    for (Throwable c = t; c != null && depth < 100; c = c.getCause(), depth++) {
      for (Class<? extends Throwable> kind : kinds) {
        if (kind.isInstance(c)) {
          return c;
        }
      }
    }
    return null;
  }
}
