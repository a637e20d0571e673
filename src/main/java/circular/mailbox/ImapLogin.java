package circular.mailbox;

import circular.InputException;
import circular.Problem;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How a scan logs in to an IMAP server: a password, or an OAuth2 access token (XOAUTH2, as
 * Microsoft 365 and Gmail require). The secret is never shown: not by {@link #toString}, not in
 * any message.
 */
public final class ImapLogin {
  /** The environment variable a password is taken from. */
  public static final String PASSWORD_VARIABLE = "CIRCULAR_IMAP_PASSWORD";
  /** The environment variable an OAuth2 access token is taken from; it wins over a password. */
  public static final String TOKEN_VARIABLE = "CIRCULAR_IMAP_TOKEN";

  private final String secret;
  private final boolean token;

  private ImapLogin(String secret, boolean token) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("an empty secret");
    }
    this.secret = secret;
    this.token = token;
  }

  public static ImapLogin password(String password) {
    return new ImapLogin(password, false);
  }

  public static ImapLogin token(String accessToken) {
    return new ImapLogin(accessToken, true);
  }

  /**
   * The token in {@code CIRCULAR_IMAP_TOKEN}, else the password in {@code CIRCULAR_IMAP_PASSWORD},
   * else whatever {@code prompt} returns (a terminal asking for it; {@code null} when there is none).
   *
   * @param environment {@code System.getenv()}, or a map in tests
   * @throws InputException when there is no secret anywhere
   */
  public static ImapLogin from(Map<String, String> environment, Supplier<String> prompt) {
    String accessToken = environment.get(TOKEN_VARIABLE);
    if (accessToken != null && !accessToken.isEmpty()) {
      return token(accessToken);
    }
    String password = environment.get(PASSWORD_VARIABLE);
    if (password == null || password.isEmpty()) {
      password = prompt.get();
    }
    if (password == null || password.isEmpty()) {
      throw new InputException(
          new Problem(
              "--imap",
              "no password: set " + PASSWORD_VARIABLE + " (or " + TOKEN_VARIABLE + " for OAuth2), or run on a terminal to type it"));
    }
    return password(password);
  }

  /** Whether the secret is an OAuth2 access token, sent with AUTHENTICATE XOAUTH2. */
  public boolean isToken() {
    return token;
  }

  String secret() {
    return secret;
  }

  /** Which kind of secret, for messages: {@code password} or {@code OAuth2 token}. */
  String kind() {
    return token ? "OAuth2 token (" + TOKEN_VARIABLE + ")" : "password";
  }

  @Override
  public String toString() {
    return token ? "ImapLogin[OAuth2 token]" : "ImapLogin[password]";
  }
}
