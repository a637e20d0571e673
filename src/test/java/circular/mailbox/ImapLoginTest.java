package circular.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImapLoginTest {
  @Test
  void aTokenInTheEnvironmentWinsOverAPassword() {
    ImapLogin login =
        ImapLogin.from(Map.of("CIRCULAR_IMAP_TOKEN", "eyJ0", "CIRCULAR_IMAP_PASSWORD", "pw"), () -> "typed");

    assertThat(login.isToken()).isTrue();
    assertThat(login.secret()).isEqualTo("eyJ0");
  }

  @Test
  void thePasswordComesFromTheEnvironmentElseFromThePrompt() {
    assertThat(ImapLogin.from(Map.of("CIRCULAR_IMAP_PASSWORD", "pw"), () -> "typed").secret()).isEqualTo("pw");
    assertThat(ImapLogin.from(Map.of(), () -> "typed").secret()).isEqualTo("typed");
  }

  @Test
  void noSecretAnywhereIsAnInputErrorSayingWhereToPutIt() {
    assertThatThrownBy(() -> ImapLogin.from(Map.of(), () -> null))
        .isInstanceOf(InputException.class)
        .hasMessage("--imap: no password: set CIRCULAR_IMAP_PASSWORD (or CIRCULAR_IMAP_TOKEN for OAuth2), or run on a terminal to type it");
  }

  @Test
  void theSecretIsNeverShown() {
    assertThat(ImapLogin.password("hunter2")).hasToString("ImapLogin[password]");
    assertThat(ImapLogin.token("eyJ0")).hasToString("ImapLogin[OAuth2 token]");
  }
}
