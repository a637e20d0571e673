package circular.replies;

import java.nio.file.Path;

/**
 * The test certificate for {@code localhost} committed under {@code src/test/resources/tls/} (see
 * the README there), which Surefire hands to GreenMail's TLS servers for the whole JVM.
 *
 * @param pem the certificate as PEM, a trust file
 * @param pkcs12 the certificate alone in a PKCS12 keystore, a trust file with password {@link
 *     #TRUST_PASSWORD}
 * @param impostor another certificate for the same names with another key
 */
record TestTls(Path pem, Path pkcs12, Path impostor) {
  static final String TRUST_PASSWORD = "changeit";
  private static final Path DIR = Path.of("src/test/resources/tls");

  static TestTls install() {
    return new TestTls(
        DIR.resolve("localhost.pem"),
        DIR.resolve("localhost-trust.p12"),
        DIR.resolve("impostor.pem"));
  }
}
