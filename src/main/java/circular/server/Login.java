package circular.server;

import circular.InputException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The login to a mail server, SMTP or IMAP: a user and a password, or an OAuth2 access token
 * (XOAUTH2, as Microsoft 365 and Gmail require). Immutable; its {@code toString()} never shows the
 * secret, and neither does any message.
 *
 * <pre>
 * {@code Optional<Login> login = Login.fromEnvironment(Protocol.SMTP, System.getenv(), url.user(), prompt);}
 * </pre>
 */
public record Login(String user, String secret, Mechanism mechanism) {

  /** How the secret is presented to the server. */
  public enum Mechanism {
    /** Whatever password mechanism the server offers (PLAIN, LOGIN, ...). */
    PASSWORD,
    /** {@code AUTH XOAUTH2} with the secret as the bearer token. */
    XOAUTH2
  }

  public Login {
    if (user == null || user.isBlank() || secret == null || secret.isEmpty() || mechanism == null) {
      throw new IllegalArgumentException("a login needs a user, a secret and a mechanism");
    }
  }

  /**
   * The login for {@code user}: an access token from the protocol's token variable ({@code
   * CIRCULAR_SMTP_TOKEN}), else a password from its password variable ({@code
   * CIRCULAR_SMTP_PASSWORD}), else one typed at the prompt, whose characters are wiped once read.
   * No user, no login.
   *
   * @param prompt asks for the password on a terminal; empty when there is none
   * @throws InputException when a user is named and no secret can be had, or a secret is set for no
   *     user
   */
  public static Optional<Login> fromEnvironment(
      Protocol protocol,
      Map<String, String> env,
      Optional<String> user,
      Supplier<Optional<char[]>> prompt) {
    Optional<String> token = nonEmpty(env.get(protocol.tokenVariable()));
    Optional<String> password = nonEmpty(env.get(protocol.passwordVariable()));
    if (user.isEmpty()) {
      // A secret with nowhere to go is a mistake to point out, not to ignore: sending without
      // the login the user meant to give would fail at every letter, or worse, go through.
      Optional<String> set =
          token.isPresent()
              ? Optional.of(protocol.tokenVariable())
              : password.map(p -> protocol.passwordVariable());
      if (set.isPresent()) {
        throw InputException.of(
            protocol.option(),
            set.get()
                + " is set but the server address names no user;"
                + " write "
                + protocol.scheme(false)
                + "://USER@host, or unset "
                + set.get());
      }
      return Optional.empty();
    }
    if (token.isPresent()) {
      return Optional.of(new Login(user.get(), token.get(), Mechanism.XOAUTH2));
    }
    if (password.isPresent()) {
      return Optional.of(new Login(user.get(), password.get(), Mechanism.PASSWORD));
    }
    char[] typed =
        prompt
            .get()
            .orElseThrow(
                () ->
                    InputException.of(
                        protocol.option(),
                        "the login for '"
                            + user.get()
                            + "' needs a password: set "
                            + protocol.passwordVariable()
                            + " or run on a terminal"));
    try {
      if (typed.length == 0) {
        throw InputException.of(
            protocol.option(), "no password was typed for '" + user.get() + "'");
      }
      return Optional.of(new Login(user.get(), new String(typed), Mechanism.PASSWORD));
    } finally {
      Arrays.fill(typed, '\0');
    }
  }

  /**
   * The same secret for another user of the same server: one password typed for several mailboxes.
   */
  public Login forUser(String other) {
    return new Login(other, secret, mechanism);
  }

  /** Whether the secret is an OAuth2 access token, sent with XOAUTH2. */
  public boolean isToken() {
    return mechanism == Mechanism.XOAUTH2;
  }

  private static Optional<String> nonEmpty(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "Login[user=" + user + ", mechanism=" + mechanism + ", secret=(hidden)]";
  }
}
