package circular.mail;

/**
 * The mail server cannot be used at all: it refused the login, its certificate is not trusted, it
 * cannot be reached at the start of a run, or it refuses the sender. Not a per-letter failure: the
 * run stops. Thrown before a letter's transaction starts, so the letter in hand was not handed to
 * the server. The message is one line fit for the user and never holds a secret: {@code
 * smtp.office.example:587: the server refused the login for 'me@office.example' (535 5.7.8 bad
 * credentials)}.
 */
public final class SmtpException extends RuntimeException {
  private final String server;

  public SmtpException(String server, String what) {
    super(server + ": " + what);
    this.server = server;
  }

  /** The server as {@code host:port}. */
  public String server() {
    return server;
  }
}
