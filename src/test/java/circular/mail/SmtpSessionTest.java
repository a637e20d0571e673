package circular.mail;

import static org.assertj.core.api.Assertions.assertThat;

import circular.server.Login;
import circular.server.TrustFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class SmtpSessionTest {
  private static final Login TOKEN =
      new Login("me@office.example", "ya29.token", Login.Mechanism.XOAUTH2);

  private static Properties properties(SmtpSettings settings, Optional<Login> login) {
    return SmtpSession.create(settings, login).getProperties();
  }

  @Test
  void aRemoteSmtpServerMustOfferStartTlsAndShowACertificateForItsName() {
    Properties p = properties(SmtpSettings.fromUrl("smtp://smtp.office.example"), Optional.empty());

    assertThat(p)
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
        .containsEntry("mail.smtp.socketFactory.fallback", "false")
        .doesNotContainKey("mail.smtp.ssl.trust")
        .doesNotContainKey("mail.smtp.auth");
  }

  @Test
  void aLoopbackServerUsesStartTlsWhenOfferedWithoutRequiringIt() {
    Properties p = properties(SmtpSettings.fromUrl("smtp://127.0.0.1:2525"), Optional.empty());

    assertThat(p)
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "false");
  }

  @Test
  void everyWaitHasATimeout() {
    Properties p =
        properties(
            SmtpSettings.fromUrl("smtps://smtp.office.example")
                .withTimeout(Duration.ofMillis(1234)),
            Optional.empty());

    assertThat(p)
        .containsEntry("mail.smtps.connectiontimeout", "1234")
        .containsEntry("mail.smtps.timeout", "1234")
        .containsEntry("mail.smtps.ssl.checkserveridentity", "true")
        .doesNotContainKey("mail.smtps.writetimeout");
    // writes are watched by the sockets the session makes (see WriteWatchTest)
    assertThat(p.get("mail.smtps.socketFactory")).isInstanceOf(WriteWatch.class);
  }

  @Test
  void tlsWithATrustFileOfItsOwnKeepsAngussWriteTimeout() {
    Properties p =
        properties(
            SmtpSettings.fromUrl("smtps://127.0.0.1:4650")
                .withTimeout(Duration.ofMillis(1234))
                .withTrust(TrustFile.of(Path.of("src/test/resources/tls/localhost.pem"))),
            Optional.empty());

    assertThat(p)
        .containsEntry("mail.smtps.writetimeout", "1234")
        .doesNotContainKey("mail.smtps.socketFactory");
    assertThat(p.get("mail.smtps.ssl.socketFactory")).isInstanceOf(SSLSocketFactory.class);
  }

  @Test
  void anAccessTokenIsPresentedOnlyAsXoauth2() {
    Properties p =
        properties(
            SmtpSettings.fromUrl("smtp://me%40office.example@smtp.office.example"),
            Optional.of(TOKEN));

    assertThat(p)
        .containsEntry("mail.smtp.auth", "true")
        .containsEntry("mail.smtp.auth.mechanisms", "XOAUTH2");
    assertThat(p.values()).doesNotContain("ya29.token");
  }

  @Test
  void aNamedCertificateBecomesTheOnlyTrustedOneForTlsAndStartTls() {
    SmtpSettings settings =
        SmtpSettings.fromUrl("smtp://127.0.0.1:2525")
            .withTrust(TrustFile.of(Path.of("src/test/resources/tls/localhost.pem")));

    Properties p = properties(settings, Optional.empty());

    assertThat(p.get("mail.smtp.ssl.socketFactory")).isInstanceOf(SSLSocketFactory.class);
    assertThat(p).doesNotContainKey("mail.smtp.ssl.trust");
  }
}
