package circular.sandbox;

import java.net.BindException;

/**
 * The sandbox cannot listen on a fixed port: most often another sandbox has it, sometimes the
 * system forbids it. Carries the protocol ("SMTP" or "IMAP"), the port and the system's reason, so
 * that the caller can name the option that changes the port.
 */
public final class PortUnavailableException extends RuntimeException {
  private final String protocol;
  private final int port;

  public PortUnavailableException(String protocol, int port, BindException cause) {
    super(
        "cannot listen for "
            + protocol
            + " on "
            + Sandbox.HOST
            + ":"
            + port
            + " ("
            + cause.getMessage()
            + ")",
        cause);
    this.protocol = protocol;
    this.port = port;
  }

  public String protocol() {
    return protocol;
  }

  public int port() {
    return port;
  }

  /** The system's words, e.g. "Address already in use". */
  public String reason() {
    return getCause().getMessage();
  }
}
