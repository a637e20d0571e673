package circular.mailbox;

import circular.InputException;
import circular.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates a user names explicitly to trust a server the usual authorities do not vouch for
 * (a self-signed test server, a private authority): a PEM file of one or more certificates, or a
 * PKCS12 keystore. Only these certificates are then trusted for that server, and its host name
 * is still checked; nothing is ever trusted blindly. Immutable and thread-safe.
 */
public final class TrustFile {
  private final Path file;
  private final List<Certificate> certificates;

  private TrustFile(Path file, List<Certificate> certificates) {
    this.file = file;
    this.certificates = List.copyOf(certificates);
  }

  /**
   * @param password a PKCS12 file's password; ignored for PEM
   * @throws InputException if the file is missing or holds no certificate we can read
   */
  public static TrustFile read(Path file, char[] password) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(Problem.in(file, "no such file (the certificates to trust)"));
    } catch (IOException e) {
      throw new InputException(Problem.in(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
    List<Certificate> found = new ArrayList<>();
    try {
      if (new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
        found.addAll(CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes)));
      } else {
        KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
        pkcs12.load(new ByteArrayInputStream(bytes), password);
        for (String alias : Collections.list(pkcs12.aliases())) {
          Certificate certificate = pkcs12.getCertificate(alias);
          if (certificate != null) {
            found.add(certificate);
          }
        }
      }
    } catch (GeneralSecurityException | IOException e) {
      throw new InputException(
          Problem.in(file, "is neither PEM certificates nor a PKCS12 keystore we can open with the password given (" + e.getMessage() + ")"));
    }
    if (found.isEmpty()) {
      throw new InputException(Problem.in(file, "holds no certificate"));
    }
    return new TrustFile(file, found);
  }

  public Path file() {
    return file;
  }

  /** Sockets that trust exactly these certificates. */
  SSLSocketFactory socketFactory() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("trusted-" + i, certificates.get(i));
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS context from " + file, e);
    }
  }

  @Override
  public String toString() {
    return "TrustFile[" + file + ", " + certificates.size() + " certificate(s)]";
  }
}
