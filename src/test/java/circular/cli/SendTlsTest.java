package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send} over SMTPS: the server's certificate is checked, and a test certificate trusted only
 * when named.
 */
class SendTlsTest {
  private static final String LETTER = "letter-templates/2012-03-22-nim-invitation";
  private static final String LIST = "recipients/ccm-states-parties-2012.csv";
  private static final String CERTIFICATE = "src/test/resources/tls/localhost.pem";

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort());

  @TempDir Path dir;

  private CliRun send(String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "send",
                LETTER,
                LIST,
                "--campaign",
                dir.toString(),
                "--smtp",
                "smtps://localhost:" + greenMail.getSmtps().getPort(),
                "--yes",
                "--only",
                "AUT,FRA"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aSelfSignedServerIsRefusedUnlessItsCertificateIsNamed() {
    CliRun refused = send();

    assertThat(refused.status()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err())
        .contains("Stopped: localhost:")
        .contains("certificate")
        .contains("--smtp-trust");
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    CliRun trusted = send("--smtp-trust", CERTIFICATE);

    assertThat(trusted.status()).as(trusted.toString()).isZero();
    assertThat(trusted.out())
        .startsWith("Sent 2, deferred 0, failed 0, in doubt 0 (through localhost:");
  }
}
