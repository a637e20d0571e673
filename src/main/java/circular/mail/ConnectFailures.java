package circular.mail;

import circular.server.Login;
import circular.server.ServerReply;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Reads why a connection could not be made: a refused login, an untrusted certificate or a server
 * that will not encrypt stop the whole run ({@link SmtpException}); anything else (refused, timed
 * out, a bad greeting) may pass, and is only worth a retry.
 */
final class ConnectFailures {
  private ConnectFailures() {}

  /** The failure as a reason to stop the run, if it is one. */
  static Optional<SmtpException> fatal(MessagingException e, SmtpSettings settings, Optional<Login> login) {
    String server = settings.server();
    if (e instanceof AuthenticationFailedException) {
      String who = login.map(Login::user).orElse("");
      String said = ServerReply.line(e.getMessage());
      if (said.startsWith("No authentication mechanisms")) {
        String how = login.map(l -> l.mechanism() == Login.Mechanism.XOAUTH2 ? "an OAuth2 (XOAUTH2)" : "a password")
            .orElse("a");
        return Optional.of(new SmtpException(server, "the server does not offer " + how + " login for '" + who + "'"));
      }
      return Optional.of(new SmtpException(server, "the server refused the login for '" + who + "' (" + said + ")"));
    }
    Throwable tls = find(e, SSLException.class, CertificateException.class);
    if (tls != null) {
      String why = ServerReply.cause(tls);
      if (why.contains("No subject alternative") || why.contains("No name matching")) {
        return Optional.of(new SmtpException(server, "the server's certificate is not for '" + settings.host() + "' (" + why + ")"));
      }
      if (why.contains("certification path") || why.contains("PKIX") || find(e, CertificateException.class) != null) {
        String hint = settings.trust()
            .map(t -> "it is not the certificate named with --smtp-trust (" + t + ")")
            .orElse("to trust a test server, name its certificate with --smtp-trust FILE");
        return Optional.of(new SmtpException(server, "the server's certificate is not trusted (" + why + "); " + hint));
      }
      return Optional.of(new SmtpException(server, "the TLS handshake failed (" + why + ")"));
    }
    if (String.valueOf(e.getMessage()).startsWith("STARTTLS is required")) {
      return Optional.of(new SmtpException(server, "the server does not offer STARTTLS, so the login and the letters"
          + " would cross the network unencrypted; use smtps:// if it offers TLS (port 465)"));
    }
    return Optional.empty();
  }

  /** Why the connection could not be made, in one line. */
  static String reason(MessagingException e) {
    Throwable unknown = find(e, UnknownHostException.class);
    return "cannot connect (" + (unknown != null ? "unknown host " + unknown.getMessage() : ServerReply.cause(e)) + ")";
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
