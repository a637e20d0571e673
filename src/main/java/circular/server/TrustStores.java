package circular.server;

import circular.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS socket factory that trusts exactly the certificates of a {@link TrustFile}: the
 * JDK's PKIX trust manager over a store holding only them, so that chains are still validated and,
 * with Angus's {@code ssl.checkserveridentity}, the server's name still checked. Never "trust all".
 */
public final class TrustStores {

  private TrustStores() {}

  /**
   * @param protocol whose option named the file, for messages ({@code --imap-trust})
   * @throws InputException if the file is missing or holds no certificate we can read
   */
  public static SSLSocketFactory socketFactory(TrustFile trust, Protocol protocol) {
    List<Certificate> certificates = certificates(trust, protocol.trustOption());
    try {
      KeyStore only = KeyStore.getInstance("PKCS12");
      only.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        only.setCertificateEntry("trusted-" + i, certificates.get(i));
      }
      TrustManagerFactory managers = TrustManagerFactory.getInstance("PKIX");
      managers.init(only);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, managers.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS with the JDK's own providers", e);
    }
  }

  private static List<Certificate> certificates(TrustFile trust, String option) {
    String name =
        trust.file().getFileName() == null
            ? ""
            : trust.file().getFileName().toString().toLowerCase(Locale.ROOT);
    if (!Files.isRegularFile(trust.file()) || !Files.isReadable(trust.file())) {
      throw problem(trust, option, "is not a readable file");
    }
    List<Certificate> found;
    if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
      found = fromCertificateFile(trust, option);
    } else if (name.endsWith(".p12") || name.endsWith(".pfx")) {
      found = fromStore(trust, "PKCS12", option);
    } else if (name.endsWith(".jks")) {
      found = fromStore(trust, "JKS", option);
    } else {
      throw problem(
          trust,
          option,
          "is neither a certificate (.pem, .crt, .cer) nor a trust store (.p12, .pfx, .jks)");
    }
    if (found.isEmpty()) {
      throw problem(
          trust,
          option,
          "holds no certificate that can be read; a PKCS12 store may need its password,"
              + " or name the server's certificate itself as a .pem file");
    }
    return found;
  }

  private static List<Certificate> fromCertificateFile(TrustFile trust, String option) {
    try (InputStream in = Files.newInputStream(trust.file())) {
      return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
    } catch (CertificateException e) {
      throw problem(trust, option, "is not a certificate in PEM or DER form");
    } catch (IOException e) {
      throw problem(trust, option, "cannot be read (" + e.getMessage() + ")");
    }
  }

  private static List<Certificate> fromStore(TrustFile trust, String type, String option) {
    char[] password = trust.storePassword().map(String::toCharArray).orElse(null);
    try (InputStream in = Files.newInputStream(trust.file())) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password);
      List<Certificate> found = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        Certificate certificate = store.getCertificate(alias);
        if (certificate != null) {
          found.add(certificate);
        }
      }
      return found;
    } catch (IOException | GeneralSecurityException e) {
      throw problem(
          trust,
          option,
          "cannot be opened as a "
              + type
              + " store"
              + (password == null ? "" : " with the password given"));
    }
  }

  private static InputException problem(TrustFile trust, String option, String what) {
    return InputException.of(option, "'" + trust.file() + "' " + what);
  }
}
