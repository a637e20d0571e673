package circular.cli;

import circular.server.Protocol;
import java.io.Console;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks for a mail server's password on the terminal, without echoing it; nothing without a
 * terminal.
 */
final class PasswordPrompt {
  private PasswordPrompt() {}

  /** {@code SMTP password: }, asked only when called: when no variable holds the secret. */
  static Supplier<Optional<char[]>> of(Protocol protocol) {
    return () -> {
      Console console = System.console();
      return console == null
          ? Optional.empty()
          : Optional.ofNullable(console.readPassword(protocol.label() + " password: "));
    };
  }
}
