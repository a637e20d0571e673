package circular.mail;

import circular.InputException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The login to the mail server: a user and a password, or an OAuth2 access token (XOAUTH2, as
 * Microsoft 365 and Gmail require). Immutable; its {@code toString()} never shows the secret.
 *
 * <pre>{@code Optional<Credentials> login = Credentials.fromEnvironment(System.getenv(), settings.user(), prompt);}</pre>
 */
public record Credentials(String user, String secret, Mechanism mechanism) {
  public static final String PASSWORD_VARIABLE = "CIRCULAR_SMTP_PASSWORD";
  public static final String TOKEN_VARIABLE = "CIRCULAR_SMTP_TOKEN";

  /** How the secret is presented to the server. */
  public enum Mechanism {
    /** Whatever password mechanism the server offers (PLAIN, LOGIN, ...). */
    PASSWORD,
    /** {@code AUTH XOAUTH2} with the secret as the bearer token. */
    XOAUTH2
  }

  public Credentials {
    if (user == null || user.isBlank() || secret == null || secret.isEmpty() || mechanism == null) {
      throw new IllegalArgumentException("credentials need a user, a secret and a mechanism");
    }
  }

  /**
   * The login for {@code user}: an access token from {@value #TOKEN_VARIABLE}, else a password
   * from {@value #PASSWORD_VARIABLE}, else one typed at the prompt. No user, no login.
   *
   * @param prompt asks for the password on a terminal; empty when there is none
   * @throws InputException when a user is named and no secret can be had, or a secret is set for
   *     no user
   */
  public static Optional<Credentials> fromEnvironment(
      Map<String, String> env, Optional<String> user, Supplier<Optional<char[]>> prompt) {
    Optional<String> token = nonEmpty(env.get(TOKEN_VARIABLE));
    Optional<String> password = nonEmpty(env.get(PASSWORD_VARIABLE));
    if (user.isEmpty()) {
      // A secret with nowhere to go is a mistake to point out, not to ignore: sending without
      // the login the user meant to give would fail at every letter, or worse, go through.
      Optional<String> set = token.isPresent() ? Optional.of(TOKEN_VARIABLE)
          : password.map(p -> PASSWORD_VARIABLE);
      if (set.isPresent()) {
        throw InputException.of("--smtp", set.get() + " is set but the server address names no user;"
            + " write smtp://USER@host, or unset " + set.get());
      }
      return Optional.empty();
    }
    if (token.isPresent()) {
      return Optional.of(new Credentials(user.get(), token.get(), Mechanism.XOAUTH2));
    }
    if (password.isPresent()) {
      return Optional.of(new Credentials(user.get(), password.get(), Mechanism.PASSWORD));
    }
    char[] typed = prompt.get().orElseThrow(() -> InputException.of("--smtp",
        "the login for '" + user.get() + "' needs a password: set " + PASSWORD_VARIABLE
            + " or run on a terminal"));
    try {
      if (typed.length == 0) {
        throw InputException.of("--smtp", "no password was typed for '" + user.get() + "'");
      }
      return Optional.of(new Credentials(user.get(), new String(typed), Mechanism.PASSWORD));
    } finally {
      Arrays.fill(typed, '\0');
    }
  }

  private static Optional<String> nonEmpty(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "Credentials[user=" + user + ", mechanism=" + mechanism + ", secret=(hidden)]";
  }
}
