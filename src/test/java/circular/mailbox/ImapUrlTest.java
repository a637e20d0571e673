package circular.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImapUrlTest {
  @Test
  void portAndFolderHaveDefaults() {
    assertThat(ImapUrl.parse("imaps://contact@imap.mission.example"))
        .isEqualTo(new ImapUrl(true, "imap.mission.example", 993, "contact", "INBOX"));
    assertThat(ImapUrl.parse("imap://contact@imap.mission.example/"))
        .isEqualTo(new ImapUrl(false, "imap.mission.example", 143, "contact", "INBOX"));
  }

  @Test
  void aUserThatIsAnAddressMayBeWrittenPlainlyOrPercentEncoded() {
    ImapUrl expected =
        new ImapUrl(
            true, "imap.mission.example", 1993, "nim+contact@mission.example", "Sent Items/2012");

    assertThat(
            ImapUrl.parse(
                "imaps://nim+contact@mission.example@IMAP.mission.example:1993/Sent%20Items/2012"))
        .isEqualTo(expected);
    assertThat(
            ImapUrl.parse(
                "IMAPS://nim+contact%40mission.example@imap.mission.example:1993/Sent%20Items/2012"))
        .isEqualTo(expected);
  }

  @Test
  void anIpv6LoopbackServerIsUnderstood() {
    ImapUrl url = ImapUrl.parse("imap://contact@[::1]:3143/INBOX");

    assertThat(url.host()).isEqualTo("::1");
    assertThat(url.port()).isEqualTo(3143);
    assertThat(url.isLoopback()).isTrue();
    assertThat(url).hasToString("imap://contact@[::1]:3143/INBOX");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1", "127.1.2.3"})
  void loopbackIsDecidedOnTheNameAsWritten(String host) {
    assertThat(ImapUrl.parse("imap://u@" + host + "/INBOX").isLoopback()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"imap.mission.example", "128.0.0.1", "localhost.mission.example", "10.0.0.1"})
  void anyOtherServerIsNotLoopback(String host) {
    assertThat(ImapUrl.parse("imap://u@" + host + "/INBOX").isLoopback()).isFalse();
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> ImapUrl.parse("imaps://contact:hunter2@imap.mission.example/INBOX"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "--imap: 'imaps://contact:****@imap.mission.example/INBOX' holds a password, which never goes in the"
                + " address: write imaps://contact@imap.mission.example/INBOX and set CIRCULAR_IMAP_PASSWORD"
                + " (or CIRCULAR_IMAP_TOKEN for an OAuth2 token) instead")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aQueryAfterTheFolderIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(
            () -> ImapUrl.parse("imap://raylene@127.0.0.1:3143/INBOX?password=Sup3rSecret"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "--imap: 'imap://raylene@127.0.0.1:3143/INBOX?…' holds more than a folder;"
                + " use imap://user@host[:port]/FOLDER or imaps://user@host[:port]/FOLDER"
                + " (a '?' or '#' in a folder's name is written %3F or %23)")
        .hasMessageNotContaining("Sup3rSecret");
    assertThat(ImapUrl.parse("imap://raylene@127.0.0.1:3143/What%3F%20Now%23").folder())
        .isEqualTo("What? Now#");
  }

  @Test
  void aQueryWhoseSecretHoldsAnAtSignIsNotRepeatedEither() {
    assertThatThrownBy(
            () -> ImapUrl.parse("imap://raylene@127.0.0.1:3143/INBOX?password=Sup3r@Secret"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("--imap: 'imap://raylene@127.0.0.1:3143/INBOX?…' holds more")
        .hasMessageNotContaining("Sup3r")
        .hasMessageNotContaining("Secret");
    assertThatThrownBy(() -> ImapUrl.parse("imaps://raylene@imap.mission.example/INBOX#k3y@x"))
        .isInstanceOf(InputException.class)
        .hasMessageNotContaining("k3y");
  }

  @Test
  void anInternationalHostNameIsReadAsSmtpReadsIt() {
    assertThat(ImapUrl.parse("imaps://contact@correo.cancillería.example/INBOX").host())
        .isEqualTo("correo.xn--cancillera-s8a.example");
  }

  @Test
  void aBareIpv6AddressIsRefusedAsSmtpRefusesIt() {
    assertThatThrownBy(() -> ImapUrl.parse("imap://contact@::1:143/INBOX"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "--imap: 'imap://contact@::1:143/INBOX': write an IPv6 address in brackets, e.g. imap://user@[::1]:143/INBOX");
  }

  @Test
  void aWrongUrlSaysWhatIsWrongWithAnExample() {
    assertThatThrownBy(() -> ImapUrl.parse("pop3://contact@mail.example"))
        .hasMessage(
            "--imap: 'pop3://contact@mail.example' is not an IMAP server address;"
                + " use imap://user@host[:port]/FOLDER or imaps://user@host[:port]/FOLDER");
    assertThatThrownBy(() -> ImapUrl.parse("imap://imap.mission.example/INBOX"))
        .hasMessageContaining(
            "names no user; use imap://user@host[:port]/FOLDER or imaps://user@host[:port]/FOLDER");
    assertThatThrownBy(() -> ImapUrl.parse("imap://u@imap.mission.example:99999/INBOX"))
        .hasMessage(
            "--imap: the port in 'imap://u@imap.mission.example:99999' must be a number from 1 to 65535");
  }
}
