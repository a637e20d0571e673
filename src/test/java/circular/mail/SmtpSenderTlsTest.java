package circular.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import circular.mail.Delivery.Outcome;
import circular.server.TrustFile;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Certificates are verified against only what the user names, and the server's name is checked:
 * GreenMail SMTPS on loopback with the test certificate for localhost and 127.0.0.1
 * (src/test/resources/tls/README.md).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SmtpSenderTlsTest {
  private static final Path TLS = Path.of("src/test/resources/tls");

  static {
    // Surefire sets these (pom.xml); repeated for a run from an IDE. GreenMail reads them once.
    System.setProperty(
        "greenmail.tls.keystore.file",
        System.getProperty(
            "greenmail.tls.keystore.file",
            TLS.resolve("localhost.p12").toAbsolutePath().toString()));
    System.setProperty(
        "greenmail.tls.keystore.password",
        System.getProperty("greenmail.tls.keystore.password", "changeit"));
  }

  @RegisterExtension
  static final GreenMailExtension GREENMAIL =
      new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort());

  private static SmtpSettings settings(String host, int port) {
    return SmtpSettings.fromUrl("smtps://" + host + ":" + port)
        .withTimeout(Duration.ofSeconds(5))
        .withBackoff(Backoff.none());
  }

  private static SmtpSettings settings(String host) {
    return settings(host, GREENMAIL.getSmtps().getPort());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1"})
  void aServerWhoseCertificateIsNamedIsTrustedUnderEitherOfItsNames(String host) throws Exception {
    SmtpSettings trusting = settings(host).withTrust(TrustFile.of(TLS.resolve("localhost.pem")));

    try (SmtpSender smtp = SmtpSender.connect(trusting, Optional.empty())) {
      assertThat(smtp.send(TestLetters.message("delegation@gov.example")).outcome())
          .isEqualTo(Outcome.SENT);
    }

    assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aTrustStoreMayNameTheCertificateInstead() {
    TrustFile p12 = new TrustFile(TLS.resolve("localhost-trust.p12"), Optional.of("changeit"));
    TrustFile jks = TrustFile.of(TLS.resolve("localhost-trust.jks"));

    for (TrustFile trust : new TrustFile[] {p12, jks}) {
      try (SmtpSender smtp =
          SmtpSender.connect(settings("localhost").withTrust(trust), Optional.empty())) {
        assertThat(smtp.send(TestLetters.message("delegation@gov.example")).sent())
            .as(trust.toString())
            .isTrue();
      }
    }
  }

  @Test
  void anEncryptedTrustStoreWithoutItsPasswordIsAnInputError() {
    SmtpSettings trusting =
        settings("localhost").withTrust(TrustFile.of(TLS.resolve("localhost-trust.p12")));

    assertThatThrownBy(() -> SmtpSender.connect(trusting, Optional.empty()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("holds no certificate that can be read");
  }

  @Test
  void aSelfSignedServerThatIsNotNamedIsRefusedBeforeAnyLetter() {
    assertThatThrownBy(() -> SmtpSender.connect(settings("localhost"), Optional.empty()))
        .isInstanceOf(SmtpException.class)
        .hasMessageStartingWith(
            "localhost:"
                + GREENMAIL.getSmtps().getPort()
                + ": the server's certificate is not trusted (")
        .hasMessageEndingWith(
            "); to trust a test server, name its certificate with --smtp-trust FILE");
    assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void anotherCertificateForTheSameNamesDoesNotMakeTheServerTrusted() {
    SmtpSettings trusting =
        settings("localhost").withTrust(TrustFile.of(TLS.resolve("impostor.pem")));

    assertThatThrownBy(() -> SmtpSender.connect(trusting, Optional.empty()))
        .isInstanceOf(SmtpException.class)
        .hasMessageContaining("the server's certificate is not trusted (")
        .hasMessageEndingWith(
            "it is not the certificate named with --smtp-trust ("
                + TLS.resolve("impostor.pem")
                + ")");
  }

  @Test
  void theNamedCertificateIsRefusedForAnAddressItDoesNotName() {
    // The same server and certificate, reached as 127.0.0.2 (loopback too): the chain is trusted,
    // the name is not in it, so the hostname check alone must refuse it.
    GreenMail other = new GreenMail(ServerSetupTest.SMTPS.createCopy("127.0.0.2").dynamicPort());
    other.start();
    try {
      SmtpSettings trusting =
          settings("127.0.0.2", other.getSmtps().getPort())
              .withTrust(TrustFile.of(TLS.resolve("localhost.pem")));

      assertThatThrownBy(() -> SmtpSender.connect(trusting, Optional.empty()))
          .isInstanceOf(SmtpException.class)
          .hasMessageStartingWith(
              "127.0.0.2:"
                  + other.getSmtps().getPort()
                  + ": the server's certificate is not for '127.0.0.2' (");
      assertThat(other.getReceivedMessages()).isEmpty();
    } finally {
      other.stop();
    }
  }
}
