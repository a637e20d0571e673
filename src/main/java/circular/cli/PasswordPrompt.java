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

  /**
   * {@code SMTP password: }, asked only when called: when no variable holds the secret. The end of
   * input at the prompt (Ctrl-D) is an empty password: nothing was typed, on a terminal.
   */
  static Supplier<Optional<char[]>> of(Protocol protocol) {
    return () -> {
      Console console = System.console();
      if (console == null) {
        return Optional.empty();
      }
      char[] typed = console.readPassword(protocol.label() + " password: ");
      return Optional.of(typed == null ? new char[0] : typed);
    };
  }
}
