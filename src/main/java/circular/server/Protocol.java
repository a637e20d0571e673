package circular.server;

import java.util.Locale;

/**
 * The two kinds of mail server circular talks to, and the words each is named by: its option
 * ({@code --smtp}), its URL schemes and default ports, the environment variables its secret comes
 * from and the option that names a test server's certificate.
 */
public enum Protocol {
  /** Sending: {@code smtp://} with STARTTLS on port 587, {@code smtps://} with TLS on 465. */
  SMTP("SMTP", 587, 465, "[user@]host[:port]", "sandbox", "letters"),
  /**
   * Reading a mailbox: {@code imap://} with STARTTLS on port 143, {@code imaps://} with TLS on 993.
   */
  IMAP("IMAP", 143, 993, "user@host[:port]/FOLDER", "", "messages");

  private final String label;
  private final int plainPort;
  private final int tlsPort;
  private final String form;
  private final String alternative;
  private final String carries;

  Protocol(
      String label, int plainPort, int tlsPort, String form, String alternative, String carries) {
    this.label = label;
    this.plainPort = plainPort;
    this.tlsPort = tlsPort;
    this.form = form;
    this.alternative = alternative;
    this.carries = carries;
  }

  /** {@code SMTP}, {@code IMAP}: as messages and the password prompt name it. */
  public String label() {
    return label;
  }

  /** The command-line option a server address is given with: {@code --smtp}. */
  public String option() {
    return "--" + scheme(false);
  }

  /**
   * The option that names the one certificate a test server is trusted by: {@code --smtp-trust}.
   */
  public String trustOption() {
    return option() + "-trust";
  }

  /** {@code smtp} or {@code smtps}: the URL scheme, also Angus's protocol name. */
  public String scheme(boolean tls) {
    return label.toLowerCase(Locale.ROOT) + (tls ? "s" : "");
  }

  public int defaultPort(boolean tls) {
    return tls ? tlsPort : plainPort;
  }

  /** The environment variable a password is taken from: {@code CIRCULAR_SMTP_PASSWORD}. */
  public String passwordVariable() {
    return "CIRCULAR_" + label + "_PASSWORD";
  }

  /** The environment variable an OAuth2 access token is taken from; it wins over a password. */
  public String tokenVariable() {
    return "CIRCULAR_" + label + "_TOKEN";
  }

  /**
   * What an address may be, for messages: {@code use smtp://[user@]host[:port],
   * smtps://[user@]host[:port] or sandbox}.
   */
  public String forms() {
    String both = scheme(false) + "://" + form + ", " + scheme(true) + "://" + form;
    return "use "
        + (alternative.isEmpty() ? both.replace(", ", " or ") : both + " or " + alternative);
  }

  /**
   * What the connection carries besides the login, for messages: {@code letters}, {@code messages}.
   */
  public String carries() {
    return carries;
  }

  /** How an IPv6 address is written in an address, for messages: {@code smtp://[::1]:25}. */
  public String ipv6Example() {
    return this == SMTP ? "smtp://[::1]:25" : "imap://user@[::1]:143/INBOX";
  }

  /** Whether the address names a folder after the server: {@code imaps://…/INBOX}. */
  public boolean hasFolder() {
    return this == IMAP;
  }
}
