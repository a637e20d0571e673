package circular.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import circular.mail.Credentials.Mechanism;
import circular.server.TrustFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static final Optional<String> USER = Optional.of("me@office.example");
  private static final Supplier<Optional<char[]>> NO_TERMINAL = Optional::empty;

  @Test
  void anAccessTokenMeansXoauth2AndWinsOverAPassword() {
    Map<String, String> env = Map.of("CIRCULAR_SMTP_TOKEN", "ya29.a0Af", "CIRCULAR_SMTP_PASSWORD", "pw");

    assertThat(Credentials.fromEnvironment(env, USER, NO_TERMINAL))
        .contains(new Credentials("me@office.example", "ya29.a0Af", Mechanism.XOAUTH2));
  }

  @Test
  void aPasswordComesFromTheEnvironmentWithoutAskingTheTerminal() {
    AtomicBoolean asked = new AtomicBoolean();

    Optional<Credentials> login = Credentials.fromEnvironment(Map.of("CIRCULAR_SMTP_PASSWORD", "s3cret"), USER, () -> {
      asked.set(true);
      return Optional.empty();
    });

    assertThat(login).contains(new Credentials("me@office.example", "s3cret", Mechanism.PASSWORD));
    assertThat(asked).isFalse();
  }

  @Test
  void withoutEitherVariableThePasswordIsTypedAndItsCharactersWipedAfterwards() {
    char[] typed = "typed pw".toCharArray();

    Optional<Credentials> login = Credentials.fromEnvironment(Map.of(), USER, () -> Optional.of(typed));

    assertThat(login).contains(new Credentials("me@office.example", "typed pw", Mechanism.PASSWORD));
    assertThat(new String(typed)).isEqualTo("\0".repeat(8));
  }

  @Test
  void withoutATerminalAUserWithNoPasswordIsAnInputError() {
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of(), USER, NO_TERMINAL))
        .isInstanceOf(InputException.class)
        .hasMessage("--smtp: the login for 'me@office.example' needs a password: set CIRCULAR_SMTP_PASSWORD or run on a terminal");
  }

  @Test
  void noUserMeansNoLogin() {
    assertThat(Credentials.fromEnvironment(Map.of(), Optional.empty(), NO_TERMINAL)).isEmpty();
  }

  @Test
  void aSecretSetForNoUserIsAnInputErrorRatherThanSendingWithoutTheLogin() {
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("CIRCULAR_SMTP_PASSWORD", "pw"), Optional.empty(), NO_TERMINAL))
        .isInstanceOf(InputException.class)
        .hasMessage("--smtp: CIRCULAR_SMTP_PASSWORD is set but the server address names no user;"
            + " write smtp://USER@host, or unset CIRCULAR_SMTP_PASSWORD");
  }

  @Test
  void noValueShowsTheSecretInItsText() {
    Credentials login = new Credentials("me@office.example", "hunter2-secret", Mechanism.PASSWORD);
    TrustFile trust = new TrustFile(Path.of("server.p12"), Optional.of("store-secret"));
    SmtpSettings settings = SmtpSettings.fromUrl("smtp://me@smtp.office.example").withTrust(trust);

    assertThat(login.toString()).contains("me@office.example", "PASSWORD").doesNotContain("hunter2");
    assertThat(trust.toString()).isEqualTo("server.p12");
    assertThat(settings.toString()).contains("smtp.office.example").doesNotContain("store-secret");
    assertThat(Optional.of(login).toString()).doesNotContain("hunter2");
  }
}
