package circular.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} (and only that name), made with the JDK's
 * keytool, and GreenMail's TLS servers set to present it. GreenMail reads its keystore once per
 * JVM, when its first TLS server starts: {@link #install} must run before that, so every test
 * class that starts a TLS GreenMail calls it first.
 *
 * @param pem the certificate as PEM, a trust file
 * @param pkcs12 the certificate alone in a PKCS12 keystore, a trust file with password {@link #TRUST_PASSWORD}
 */
record TestTls(Path pem, Path pkcs12) {
  static final String TRUST_PASSWORD = "trust-store-password";
  private static final String SERVER_PASSWORD = "greenmail-test";
  private static TestTls installed;

  static synchronized TestTls install() {
    if (installed == null) {
      installed = generate();
    }
    return installed;
  }

  private static TestTls generate() {
    try {
      Path dir = Files.createTempDirectory("circular-tls");
      dir.toFile().deleteOnExit();
      Path server = dir.resolve("localhost.p12");
      Path pem = dir.resolve("localhost.pem");
      Path trust = dir.resolve("trust.p12");
      keytool("-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
          "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-storetype", "PKCS12",
          "-keystore", server.toString(), "-storepass", SERVER_PASSWORD, "-keypass", SERVER_PASSWORD);
      keytool("-exportcert", "-rfc", "-alias", "localhost", "-keystore", server.toString(),
          "-storepass", SERVER_PASSWORD, "-file", pem.toString());
      keytool("-importcert", "-noprompt", "-alias", "localhost", "-file", pem.toString(), "-storetype", "PKCS12",
          "-keystore", trust.toString(), "-storepass", TRUST_PASSWORD);
      for (Path file : List.of(server, pem, trust)) {
        file.toFile().deleteOnExit();
      }
      System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY, server.toString());
      System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY, SERVER_PASSWORD);
      TestTls tls = new TestTls(pem, trust);
      tls.checkGreenMailPresentsIt();
      return tls;
    } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the test certificate", e);
    }
  }

  /** Fails clearly if GreenMail's keystore was loaded before {@link #install} set ours. */
  private void checkGreenMailPresentsIt() throws IOException, java.security.GeneralSecurityException {
    Certificate ours;
    try (InputStream in = Files.newInputStream(pem)) {
      ours = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore theirs = ((DummySSLServerSocketFactory) DummySSLServerSocketFactory.getDefault()).getKeyStore();
    List<Certificate> presented = new ArrayList<>();
    for (String alias : java.util.Collections.list(theirs.aliases())) {
      presented.add(theirs.getCertificate(alias));
    }
    assertThat(presented)
        .as("GreenMail's TLS keystore was loaded before TestTls.install() ran; call it before any TLS GreenMail starts")
        .contains(ours);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool " + args[0] + " failed: " + output);
    }
  }
}
