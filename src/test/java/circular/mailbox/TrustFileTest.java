package circular.mailbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading certificates that do work is tested against a real server in ImapsScanTest. */
class TrustFileTest {
  @TempDir Path dir;

  @Test
  void aMissingFileIsAnInputError() {
    Path file = dir.resolve("server.pem");

    assertThatThrownBy(() -> TrustFile.read(file, null))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": no such file (the certificates to trust)");
  }

  @Test
  void aFileThatHoldsNoCertificateIsAnInputError() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "trust me");

    assertThatThrownBy(() -> TrustFile.read(file, null))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": is neither PEM certificates nor a PKCS12 keystore");
  }
}
