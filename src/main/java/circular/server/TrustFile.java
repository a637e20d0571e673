package circular.server;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one certificate, or trust store, a self-signed test server is trusted by when named
 * explicitly ({@code --smtp-trust FILE}): a certificate as {@code .pem}, {@code .crt} or {@code
 * .cer}, or a PKCS12 or JKS trust store ({@code .p12}, {@code .pfx}, {@code .jks}). Only what it
 * holds is trusted then, nothing else; the server's name is still checked against it. Immutable.
 *
 * @param storePassword opens a PKCS12 store whose certificates are encrypted; a JKS store or a
 *     certificate file needs none
 */
public record TrustFile(Path file, Optional<String> storePassword) {
  public TrustFile {
    if (file == null || storePassword == null) {
      throw new IllegalArgumentException("a trust file needs a path");
    }
  }

  public static TrustFile of(Path file) {
    return new TrustFile(file, Optional.empty());
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
