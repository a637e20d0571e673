package circular.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import circular.mail.SmtpSettings.Security;
import circular.server.TrustFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpSettingsTest {

  @Test
  void anSmtpUrlMeansStartTlsOnPort587AndRequiresIt() {
    SmtpSettings s = SmtpSettings.fromUrl("smtp://smtp.office.example");

    assertThat(s.security()).isEqualTo(Security.STARTTLS);
    assertThat(s.host()).isEqualTo("smtp.office.example");
    assertThat(s.port()).isEqualTo(587);
    assertThat(s.user()).isEmpty();
    assertThat(s.startTlsRequired()).isTrue();
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.backoff()).isEqualTo(Backoff.standard());
  }

  @Test
  void anSmtpsUrlMeansTlsOnPort465WithAPercentEncodedUser() {
    SmtpSettings s = SmtpSettings.fromUrl("smtps://me%40office.example@smtp.office.example");

    assertThat(s.security()).isEqualTo(Security.TLS);
    assertThat(s.port()).isEqualTo(465);
    assertThat(s.user()).contains("me@office.example");
    assertThat(s.startTlsRequired()).isFalse();
    assertThat(s.server()).isEqualTo("smtp.office.example:465");
  }

  @Test
  void anUnencodedAtSignInTheUserStillLeavesTheHostAfterTheLastOne() {
    SmtpSettings s = SmtpSettings.fromUrl("smtp://me@office.example@smtp.office.example:2525");

    assertThat(s.user()).contains("me@office.example");
    assertThat(s.host()).isEqualTo("smtp.office.example");
    assertThat(s.port()).isEqualTo(2525);
  }

  @Test
  void aNonAsciiUserIsDecodedAsUtf8() {
    assertThat(SmtpSettings.fromUrl("smtp://h%C3%A9l%C3%A8ne@mail.example").user())
        .contains("hélène");
  }

  @Test
  void theSchemeAndHostAreCaseInsensitiveAndATrailingSlashIsAllowed() {
    SmtpSettings s = SmtpSettings.fromUrl("SMTPS://Mail.Office.Example:10465/");

    assertThat(s.security()).isEqualTo(Security.TLS);
    assertThat(s.host()).isEqualTo("mail.office.example");
    assertThat(s.port()).isEqualTo(10465);
  }

  @Test
  void anIpv6AddressIsWrittenInBrackets() {
    SmtpSettings s = SmtpSettings.fromUrl("smtp://[::1]:2525");

    assertThat(s.host()).isEqualTo("::1");
    assertThat(s.port()).isEqualTo(2525);
    assertThat(s.server()).isEqualTo("[::1]:2525");
    assertThat(s.loopback()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "smtp://localhost, true",
    "smtp://LOCALHOST:25, true",
    "smtp://127.0.0.1:3025, true",
    "smtp://127.1.2.3, true",
    "smtp://[::1], true",
    "smtp://[0:0:0:0:0:0:0:1], true",
    "smtp://localhost.example, false",
    "smtp://127.0.0.1.example, false",
    "smtp://128.0.0.1, false",
    "smtp://10.0.0.1, false",
    "smtp://[::2], false",
    "smtp://smtp.office.example, false"
  })
  void onlyLoopbackServersMayGoWithoutStartTls(String url, boolean loopback) {
    SmtpSettings s = SmtpSettings.fromUrl(url);

    assertThat(s.loopback()).isEqualTo(loopback);
    assertThat(s.startTlsRequired()).isEqualTo(!loopback);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "smtp:/host | --smtp: 'smtp:/host' is not a server address; use smtp://[user@]host[:port], smtps://[user@]host[:port] or sandbox",
        "smtp.office.example | --smtp: 'smtp.office.example' is not a server address; use smtp://[user@]host[:port], smtps://[user@]host[:port] or sandbox",
        "http://smtp.office.example | --smtp: 'http://smtp.office.example' is not an SMTP server address; use smtp://[user@]host[:port], smtps://[user@]host[:port] or sandbox",
        "smtp:// | --smtp: 'smtp://' names no server; use smtp://[user@]host[:port], smtps://[user@]host[:port] or sandbox",
        "smtp://smtp.office.example/inbox | --smtp: 'smtp://smtp.office.example/inbox' holds more than a server address; use smtp://[user@]host[:port], smtps://[user@]host[:port] or sandbox",
        "smtp://smtp.office.example?password=Hunter2pw | --smtp: 'smtp://smtp.office.example?…' holds more than a server address; use smtp://[user@]host[:port], smtps://[user@]host[:port] or sandbox",
        "smtps://nim:pa?ss@smtp.office.example#S3cret | --smtp: 'smtps://nim:****@smtp.office.example#…' holds a password, which never goes in the address: write smtps://nim@smtp.office.example and set CIRCULAR_SMTP_PASSWORD (or CIRCULAR_SMTP_TOKEN for an OAuth2 token) instead",
        "smtp://smtp.office.example:0 | --smtp: the port in 'smtp://smtp.office.example:0' must be a number from 1 to 65535",
        "smtp://smtp.office.example:70000 | --smtp: the port in 'smtp://smtp.office.example:70000' must be a number from 1 to 65535",
        "smtp://localhost:notaport | --smtp: the port in 'smtp://localhost:…' must be a number from 1 to 65535 (what follows ':' is not shown, in case it is a password)",
        "smtps://nim-contact:Hunter2pw | --smtp: the port in 'smtps://nim-contact:…' must be a number from 1 to 65535 (what follows ':' is not shown, in case it is a password)",
        "smtp://nim@localhost:S3cret | --smtp: the port in 'smtp://nim@localhost:…' must be a number from 1 to 65535 (what follows ':' is not shown, in case it is a password)",
        "smtp://nim@localhost:99999 | --smtp: the port in 'smtp://nim@localhost:99999' must be a number from 1 to 65535",
        "smtp://smtp_office.example | --smtp: 'smtp://smtp_office.example': 'smtp_office.example' is not a host name; use smtp://[user@]host[:port], smtps://[user@]host[:port] or sandbox",
        "smtp://::1:25 | --smtp: 'smtp://::1:25': write an IPv6 address in brackets, e.g. smtp://[::1]:25",
        "smtp://@smtp.office.example | --smtp: 'smtp://@smtp.office.example' names no usable user; use smtp://[user@]host[:port], smtps://[user@]host[:port] or sandbox",
        "smtp://me%4@smtp.office.example | --smtp: the user name in 'smtp://me%4@smtp.office.example' has a broken %-escape; write '@' as %40"
      })
  void aBadAddressIsOneLineSayingWhatToWriteInstead(String url, String message) {
    assertThatThrownBy(() -> SmtpSettings.fromUrl(url))
        .isInstanceOf(InputException.class)
        .hasMessage(message);
  }

  @Test
  void aPasswordInTheAddressIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(
            () -> SmtpSettings.fromUrl("smtp://me%40office.example:hunter2@smtp.office.example"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "--smtp: 'smtp://me%40office.example:****@smtp.office.example' holds a password, which never goes"
                + " in the address: write smtp://me%40office.example@smtp.office.example and set CIRCULAR_SMTP_PASSWORD"
                + " (or CIRCULAR_SMTP_TOKEN for an OAuth2 token) instead")
        .message()
        .doesNotContain("hunter2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "smtps://me:p@ss:w/rd@smtp.office.example",
        "smtp://me:s3cr%40t@smtp.office.example:587",
        "smtp:me:s3cr3t@smtp.office.example",
        "smtp://me@smtp.office.example:s3cr3t"
      })
  void noMessageRepeatsWhatMayBeAPassword(String url) {
    assertThatThrownBy(() -> SmtpSettings.fromUrl(url))
        .isInstanceOf(InputException.class)
        .message()
        .doesNotContain("p@ss", "w/rd", "s3cr")
        .doesNotContain("\n");
  }

  @Test
  void noValueShowsTheSecretInItsText() {
    TrustFile trust = new TrustFile(Path.of("server.p12"), Optional.of("store-secret"));
    SmtpSettings settings = SmtpSettings.fromUrl("smtp://me@smtp.office.example").withTrust(trust);

    assertThat(trust.toString()).isEqualTo("server.p12");
    assertThat(settings.toString()).contains("smtp.office.example").doesNotContain("store-secret");
  }

  @Test
  void settingsForTestsCarryAShorterTimeoutAndBackoff() {
    SmtpSettings s =
        SmtpSettings.fromUrl("smtp://127.0.0.1:2525")
            .withTimeout(Duration.ofMillis(200))
            .withBackoff(Backoff.of(Duration.ofMillis(5)))
            .withTrust(TrustFile.of(Path.of("server.pem")));

    assertThat(s.timeout()).isEqualTo(Duration.ofMillis(200));
    assertThat(s.backoff().retries()).isEqualTo(1);
    assertThat(s.trust()).contains(TrustFile.of(Path.of("server.pem")));
    assertThat(s.user()).isEqualTo(Optional.empty());
  }

  @Test
  void theStandardBackoffRetriesThreeTimesWellUnderAMinute() {
    Backoff b = Backoff.standard();

    assertThat(b.delays())
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(15));
    assertThat(b.delays().stream().mapToLong(Duration::toSeconds).sum()).isLessThan(60);
  }
}
