package circular.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import circular.server.Login.Mechanism;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LoginTest {
  private static final Optional<String> USER = Optional.of("me@office.example");
  private static final Supplier<Optional<char[]>> NO_TERMINAL = Optional::empty;

  @Test
  void anAccessTokenMeansXoauth2AndWinsOverAPassword() {
    Map<String, String> env =
        Map.of("CIRCULAR_SMTP_TOKEN", "ya29.a0Af", "CIRCULAR_SMTP_PASSWORD", "pw");

    assertThat(Login.fromEnvironment(Protocol.SMTP, env, USER, NO_TERMINAL))
        .contains(new Login("me@office.example", "ya29.a0Af", Mechanism.XOAUTH2));
  }

  @Test
  void anImapLoginTakesTheImapVariablesAndOnlyThem() {
    Map<String, String> env =
        Map.of(
            "CIRCULAR_IMAP_TOKEN",
            "eyJ0",
            "CIRCULAR_IMAP_PASSWORD",
            "pw",
            "CIRCULAR_SMTP_TOKEN",
            "ya29");

    Optional<Login> login =
        Login.fromEnvironment(Protocol.IMAP, env, Optional.of("contact"), NO_TERMINAL);

    assertThat(login).contains(new Login("contact", "eyJ0", Mechanism.XOAUTH2));
    assertThat(login.get().isToken()).isTrue();
    assertThat(
            Login.fromEnvironment(
                Protocol.IMAP,
                Map.of("CIRCULAR_IMAP_PASSWORD", "pw"),
                Optional.of("contact"),
                NO_TERMINAL))
        .contains(new Login("contact", "pw", Mechanism.PASSWORD));
  }

  @Test
  void aPasswordComesFromTheEnvironmentWithoutAskingTheTerminal() {
    AtomicBoolean asked = new AtomicBoolean();

    Optional<Login> login =
        Login.fromEnvironment(
            Protocol.SMTP,
            Map.of("CIRCULAR_SMTP_PASSWORD", "s3cret"),
            USER,
            () -> {
              asked.set(true);
              return Optional.empty();
            });

    assertThat(login).contains(new Login("me@office.example", "s3cret", Mechanism.PASSWORD));
    assertThat(asked).isFalse();
  }

  @Test
  void withoutEitherVariableThePasswordIsTypedAndItsCharactersWipedAfterwards() {
    for (Protocol protocol : Protocol.values()) {
      char[] typed = "typed pw".toCharArray();

      Optional<Login> login =
          Login.fromEnvironment(protocol, Map.of(), USER, () -> Optional.of(typed));

      assertThat(login)
          .as(protocol.label())
          .contains(new Login("me@office.example", "typed pw", Mechanism.PASSWORD));
      assertThat(new String(typed)).as(protocol.label()).isEqualTo("\0".repeat(8));
    }
  }

  @Test
  void withoutATerminalAUserWithNoPasswordIsAnInputErrorNamingTheProtocolsVariable() {
    assertThatThrownBy(() -> Login.fromEnvironment(Protocol.SMTP, Map.of(), USER, NO_TERMINAL))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "--smtp: the login for 'me@office.example' needs a password: set CIRCULAR_SMTP_PASSWORD or run on a terminal");
    assertThatThrownBy(
            () ->
                Login.fromEnvironment(Protocol.IMAP, Map.of(), Optional.of("contact"), NO_TERMINAL))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "--imap: the login for 'contact' needs a password: set CIRCULAR_IMAP_PASSWORD or run on a terminal");
  }

  @Test
  void anEmptyPasswordTypedIsAnInputError() {
    assertThatThrownBy(
            () ->
                Login.fromEnvironment(
                    Protocol.IMAP,
                    Map.of(),
                    Optional.of("contact"),
                    () -> Optional.of(new char[0])))
        .isInstanceOf(InputException.class)
        .hasMessage("--imap: no password was typed for 'contact'");
  }

  @Test
  void noUserMeansNoLogin() {
    assertThat(Login.fromEnvironment(Protocol.SMTP, Map.of(), Optional.empty(), NO_TERMINAL))
        .isEmpty();
  }

  @Test
  void aSecretSetForNoUserIsAnInputErrorRatherThanSendingWithoutTheLogin() {
    assertThatThrownBy(
            () ->
                Login.fromEnvironment(
                    Protocol.SMTP,
                    Map.of("CIRCULAR_SMTP_PASSWORD", "pw"),
                    Optional.empty(),
                    NO_TERMINAL))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "--smtp: CIRCULAR_SMTP_PASSWORD is set but the server address names no user;"
                + " write smtp://USER@host, or unset CIRCULAR_SMTP_PASSWORD");
  }

  @Test
  void oneSecretServesAnotherUserOfTheSameServer() {
    Login contact = new Login("contact", "pw", Mechanism.PASSWORD);

    assertThat(contact.forUser("sender")).isEqualTo(new Login("sender", "pw", Mechanism.PASSWORD));
  }

  @Test
  void noValueShowsTheSecretInItsText() {
    Login login = new Login("me@office.example", "hunter2-secret", Mechanism.PASSWORD);

    assertThat(login.toString())
        .contains("me@office.example", "PASSWORD")
        .doesNotContain("hunter2");
    assertThat(Optional.of(login).toString()).doesNotContain("hunter2");
  }
}
