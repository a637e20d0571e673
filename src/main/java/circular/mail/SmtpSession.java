package circular.mail;

import circular.server.Login;
import circular.server.Protocol;
import circular.server.TrustStores;
import jakarta.mail.Session;
import java.util.Optional;
import java.util.Properties;

/**
 * The Jakarta Mail session for one server: every safety the engine relies on is set here, in one
 * place. Property names are Angus's, under {@code mail.smtp.} or {@code mail.smtps.}.
 */
final class SmtpSession {
  private SmtpSession() {}

  /**
   * @throws circular.InputException when the named trust file cannot be used
   */
  static Session create(SmtpSettings settings, Optional<Login> login) {
    String p = "mail." + settings.security().protocol();
    String millis = Long.toString(settings.timeout().toMillis());
    Properties props = new Properties();
    props.setProperty(p + ".host", settings.host());
    props.setProperty(p + ".port", Integer.toString(settings.port()));
    // Angus waits forever by default.
    props.setProperty(p + ".connectiontimeout", millis);
    props.setProperty(p + ".timeout", millis);
    if (settings.security() == SmtpSettings.Security.TLS && settings.trust().isPresent()) {
      // TLS from the first byte with a trust file of its own: Angus makes this socket itself.
      props.setProperty(p + ".writetimeout", millis);
    } else {
      // Every other connection's socket comes from here, TLS layered on it included; see
      // WriteWatch.
      props.put(p + ".socketFactory", new WriteWatch(settings.timeout().toMillis()));
    }
    // Name checked against the certificate (Angus's default, stated so that nobody turns it off).
    props.setProperty(p + ".ssl.checkserveridentity", "true");
    if (settings.security() == SmtpSettings.Security.STARTTLS) {
      props.setProperty(p + ".starttls.enable", "true");
      props.setProperty(p + ".starttls.required", Boolean.toString(settings.startTlsRequired()));
    }
    settings
        .trust()
        .ifPresent(
            trust -> {
              // Used for smtps:// sockets and for STARTTLS alike; must be put as an object.
              props.put(p + ".ssl.socketFactory", TrustStores.socketFactory(trust, Protocol.SMTP));
            });
    // If the factory fails (an untrusted certificate), Angus would otherwise quietly try again
    // with the JDK's default one: a second connection, and a confusing error.
    props.setProperty(p + ".socketFactory.fallback", "false");
    // A letter goes to the addresses the server accepts even if it refuses others; the refused
    // ones are reported with the letter (see Attempt).
    props.setProperty(p + ".sendpartial", "true");
    // Do not wait for the reply to QUIT: a server that stopped answering must not hold the run
    // for another timeout when its connection is given up.
    props.setProperty(p + ".quitwait", "false");
    login.ifPresent(
        l -> {
          props.setProperty(p + ".auth", "true");
          if (l.mechanism() == Login.Mechanism.XOAUTH2) {
            props.setProperty(p + ".auth.mechanisms", "XOAUTH2");
          }
        });
    return Session.getInstance(props);
  }
}
