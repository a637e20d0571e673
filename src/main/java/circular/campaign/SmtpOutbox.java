package circular.campaign;

import circular.mail.Delivery;
import circular.mail.Gate;
import circular.mail.SmtpException;
import circular.mail.SmtpSender;
import circular.mail.SmtpSettings;
import circular.server.Login;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** An {@link Outbox} over one kept-open SMTP connection. */
public final class SmtpOutbox implements Outbox {
  private final SmtpSender sender;

  private SmtpOutbox(SmtpSender sender) {
    this.sender = sender;
  }

  /**
   * @throws Outbox.Unavailable when the server cannot be reached or refuses the login
   */
  public static SmtpOutbox connect(SmtpSettings settings, Optional<Login> login) {
    try {
      return new SmtpOutbox(SmtpSender.connect(settings, login));
    } catch (SmtpException e) {
      throw new Outbox.Unavailable(e.getMessage(), e);
    }
  }

  @Override
  public Result send(MimeMessage message, Gate before) {
    return send(message, before, () -> false);
  }

  @Override
  public Result send(MimeMessage message, Gate before, BooleanSupplier stopped) {
    Delivery delivery;
    try {
      delivery = sender.send(message, before, stopped);
    } catch (SmtpException e) {
      throw new Outbox.Unavailable(e.getMessage(), e);
    }
    Status status =
        switch (delivery.outcome()) {
          case SENT -> Status.SENT;
          case DEFERRED -> Status.DEFERRED;
          case FAILED -> Status.FAILED;
          case IN_DOUBT -> Status.IN_DOUBT;
        };
    return new Result(status, delivery.detail(), delivery.missed());
  }

  @Override
  public void close() {
    sender.close();
  }
}
