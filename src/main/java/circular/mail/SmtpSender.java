package circular.mail;

import circular.Pause;
import circular.mail.Attempt.Result;
import circular.mail.Attempt.Verdict;
import circular.mail.Delivery.Outcome;
import circular.server.ConnectFailure;
import circular.server.Login;
import circular.server.Protocol;
import circular.server.ServerReply;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Sends letters over one kept-open SMTP connection, reconnecting when it drops. Each letter's fate
 * comes back as a {@link Delivery}; only a server that cannot be used at all (login refused,
 * certificate not trusted, unreachable at the start) throws. Not thread-safe: one sender per
 * sending thread, as Angus sends one message at a time per connection.
 *
 * <pre>{@code
 * try (SmtpSender smtp = SmtpSender.connect(settings, login)) {
 *   Delivery d = smtp.send(message);
 * }
 * }</pre>
 *
 * <p>Retries: a letter the server turns away for now (4xx, 421, or a connection lost before the end
 * of its data) is tried again after each wait of the settings' {@link Backoff}, on a new connection
 * when the old one is gone, and only for the addresses still wanting it; then it is {@code
 * DEFERRED}. A 5xx is final for its address. A letter whose end of data went out without a reply is
 * {@code IN_DOUBT} and never tried again. See {@link Attempt} for how each is told.
 */
public final class SmtpSender implements AutoCloseable {
  private final SmtpSettings settings;
  private final Optional<Login> login;
  private final Session session;
  private TrackingTransport transport;
  private boolean closed;

  private SmtpSender(SmtpSettings settings, Optional<Login> login, Session session) {
    this.settings = settings;
    this.login = login;
    this.session = session;
  }

  /**
   * Connects and logs in, so that a wrong password or an untrusted server stops the run before any
   * letter.
   *
   * @throws SmtpException when the server cannot be used
   * @throws circular.InputException when the named trust file cannot be read
   */
  public static SmtpSender connect(SmtpSettings settings, Optional<Login> login) {
    SmtpSender sender = new SmtpSender(settings, login, SmtpSession.create(settings, login));
    try {
      sender.open();
    } catch (MessagingException e) {
      ConnectFailure.throwIfBug(e);
      throw new SmtpException(settings.server(), sender.explain(ConnectFailure.of(e)));
    }
    return sender;
  }

  /**
   * Sends one letter to every address it carries (To, Cc, Bcc) and says what became of it. Never
   * throws for what befalls this letter alone.
   *
   * @throws SmtpException when a reconnection finds the server unusable (login refused, certificate
   *     not trusted); this letter was not handed over then
   */
  public Delivery send(MimeMessage message) {
    return send(message, Gate.OPEN);
  }

  /**
   * Sends one letter as {@link #send(MimeMessage)} does, its end of data held back until {@code
   * before} lets it pass; the rest of the transaction goes on meanwhile.
   *
   * @throws SmtpException as {@link #send(MimeMessage)}
   * @throws UncheckedIOException when {@code before} failed: the letter's end of data was not sent
   *     and its connection was dropped, so the server does not have it
   */
  public Delivery send(MimeMessage message, Gate before) {
    return send(message, before, () -> false);
  }

  /**
   * Sends one letter as {@link #send(MimeMessage, Gate)} does, but tries it no more once {@code
   * stopped} says so (a run stopped by Ctrl-C): a letter still turned away then is deferred, not
   * left waiting out its backoff.
   *
   * @throws SmtpException as {@link #send(MimeMessage)}
   * @throws UncheckedIOException as {@link #send(MimeMessage, Gate)}
   */
  public Delivery send(MimeMessage message, Gate before, BooleanSupplier stopped) {
    if (closed) {
      throw new IllegalStateException("this sender is closed");
    }
    List<InternetAddress> remaining;
    try {
      remaining = recipients(message);
    } catch (MessagingException e) {
      return new Delivery(
          Outcome.FAILED, "the letter's addresses cannot be read (" + ServerReply.cause(e) + ")");
    }
    if (remaining.isEmpty()) {
      return new Delivery(Outcome.FAILED, "the letter has no recipient address");
    }
    Map<InternetAddress, Result> settled = new LinkedHashMap<>();
    Map<InternetAddress, Result> turnedAway = new LinkedHashMap<>();
    int tries = 0;
    while (true) {
      Attempt attempt = attempt(message, remaining, before);
      tries++;
      turnedAway.clear();
      attempt
          .results()
          .forEach(
              (address, result) ->
                  (result.verdict() == Verdict.TEMPORARY ? turnedAway : settled)
                      .put(address, result));
      remaining = new ArrayList<>(turnedAway.keySet());
      if (remaining.isEmpty() || tries > settings.backoff().retries() || stopped.getAsBoolean()) {
        break;
      }
      try {
        if (!Pause.of(settings.backoff().before(tries - 1), stopped)) {
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Deliveries.of(settled, turnedAway, tries);
  }

  private Attempt attempt(MimeMessage message, List<InternetAddress> to, Gate before) {
    if (transport == null || !transport.open()) {
      closeConnection();
      try {
        open();
      } catch (MessagingException e) {
        closeConnection();
        ConnectFailure.throwIfBug(e);
        ConnectFailure failure = ConnectFailure.of(e);
        if (failure.fatal()) {
          throw new SmtpException(settings.server(), explain(failure));
        }
        return Attempt.notConnected(to, explain(failure));
      }
    }
    try {
      transport.sendMessage(message, to.toArray(new Address[0]), before);
      return Attempt.delivered(to, ServerReply.line(transport.getLastServerResponse()));
    } catch (MessagingException e) {
      IOException refused = transport.gateFailure();
      if (refused != null) {
        closeConnection(); // Angus dropped it already; never reused half-way through a letter
        throw new UncheckedIOException(refused);
      }
      ConnectFailure.throwIfBug(e);
      Attempt attempt = Attempt.of(e, to, transport);
      if (attempt.dropConnection()) {
        closeConnection();
      }
      return attempt;
    } catch (IllegalStateException e) {
      if (transport.open()) {
        throw e; // not Angus's "Not connected": a bug
      }
      // "Not connected": Angus closed the connection itself after the last letter.
      closeConnection();
      return Attempt.notConnected(to, "the connection was closed");
    }
  }

  private void open() throws MessagingException {
    transport =
        new TrackingTransport(
            session,
            settings.security().protocol(),
            settings.security() == SmtpSettings.Security.TLS);
    transport.connect(
        settings.host(),
        settings.port(),
        login.map(Login::user).orElse(null),
        login.map(Login::secret).orElse(null));
    if (login.isPresent()
        && !transport.supportsExtension("AUTH")
        && !transport.supportsExtension("AUTH=LOGIN")) {
      // Angus would carry on without logging in; the user meant to log in.
      closeConnection();
      throw new SmtpException(
          settings.server(),
          "the server offers no login (AUTH) for '"
              + login.get().user()
              + "'; leave the user out of the address to send without one");
    }
  }

  private String explain(ConnectFailure failure) {
    return failure.explain(
        new ConnectFailure.Server(Protocol.SMTP, settings.host(), login, settings.trust()));
  }

  /** The letter's addresses, each once, in header order. */
  private static List<InternetAddress> recipients(MimeMessage message) throws MessagingException {
    List<InternetAddress> all = new ArrayList<>();
    Address[] listed = message.getAllRecipients();
    for (Address a : listed == null ? new Address[0] : listed) {
      if (a instanceof InternetAddress ia && !all.contains(ia)) {
        all.add(ia);
      }
    }
    return all;
  }

  private void closeConnection() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        // The connection is given up either way.
      }
      transport = null;
    }
  }

  /** Says goodbye to the server (QUIT) and closes the connection. */
  @Override
  public void close() {
    closed = true;
    closeConnection();
  }
}
