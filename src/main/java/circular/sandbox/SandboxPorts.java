package circular.sandbox;

/**
 * The ports the sandbox listens on: free ones chosen when it starts ({@link #dynamic()}, for {@code
 * send} and tests), or fixed ones a mail client can be configured with ({@link #fixed}, for {@code
 * circular sandbox}). Port 0 means "any free port".
 */
public record SandboxPorts(int smtp, int imap) {
  public static final int DEFAULT_SMTP = 3025;
  public static final int DEFAULT_IMAP = 3143;

  public SandboxPorts {
    if (smtp < 0 || smtp > 65535 || imap < 0 || imap > 65535) {
      throw new IllegalArgumentException(
          "ports are 1 to 65535 (or 0 for any free port): " + smtp + ", " + imap);
    }
    if (smtp != 0 && smtp == imap) {
      throw new IllegalArgumentException("SMTP and IMAP need different ports, not both " + smtp);
    }
  }

  public static SandboxPorts dynamic() {
    return new SandboxPorts(0, 0);
  }

  /**
   * Fixed ports; {@code fixed(DEFAULT_SMTP, DEFAULT_IMAP)} is what {@code circular sandbox} uses.
   */
  public static SandboxPorts fixed(int smtp, int imap) {
    if (smtp == 0 || imap == 0) {
      throw new IllegalArgumentException("fixed ports cannot be 0: " + smtp + ", " + imap);
    }
    return new SandboxPorts(smtp, imap);
  }

  public boolean isDynamic() {
    return smtp == 0 && imap == 0;
  }
}
