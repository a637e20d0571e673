package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bug inside a sending thread, in the jar as a user runs it: it ends as every internal error does
 * (exit 70, where to report it), not as a server that stopped the run (exit 1).
 */
@Timeout(120)
class SendBugJarIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;

  /**
   * The jar with a socket factory that fails as a bug would, with an unchecked exception, where the
   * sending thread opens its connection: Angus wraps what a socket factory throws into a connection
   * failure, which once read as "cannot connect" and stopped the run with exit 1.
   */
  private Path jarWithBuggySocketFactory() throws Exception {
    Path source =
        Files.createDirectories(dir.resolve("src/circular/mail")).resolve("WriteWatch.java");
    Files.writeString(
        source,
        """
        package circular.mail;

        import java.net.InetAddress;
        import java.net.Socket;

        final class WriteWatch extends javax.net.SocketFactory {
          WriteWatch(long timeoutMillis) {}

          @Override public Socket createSocket() { throw new IllegalStateException("a bug planted in the socket factory"); }
          @Override public Socket createSocket(String host, int port) { return createSocket(); }
          @Override public Socket createSocket(String host, int port, InetAddress local, int localPort) { return createSocket(); }
          @Override public Socket createSocket(InetAddress host, int port) { return createSocket(); }
          @Override public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) { return createSocket(); }
        }
        """);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int compiled =
        javac.run(
            null,
            null,
            errors,
            "-cp",
            JarProcess.JAR.toString(),
            "-d",
            classes.toString(),
            "--release",
            "17",
            source.toString());
    assertThat(compiled).as(errors.toString()).isZero();

    Path buggy = dir.resolve("buggy.jar");
    try (ZipFile jar = new ZipFile(JarProcess.JAR.toFile());
        ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(buggy))) {
      for (ZipEntry entry : Collections.list(jar.entries())) {
        if (!entry.getName().startsWith("circular/mail/WriteWatch")) {
          copy.putNextEntry(new ZipEntry(entry.getName()));
          jar.getInputStream(entry).transferTo(copy);
        }
      }
      copy.putNextEntry(new ZipEntry("circular/mail/WriteWatch.class"));
      copy.write(Files.readAllBytes(classes.resolve("circular/mail/WriteWatch.class")));
    }
    return buggy;
  }

  @Test
  void aBugInASendingThreadExitsSeventyAndSaysWhereToReportIt() throws Exception {
    Path buggy = jarWithBuggySocketFactory();
    for (String connections : List.of("1", "4")) {
      JarProcess.Result run =
          JarProcess.run(
              PROJECT,
              buggy,
              "send",
              "2012-03-22-nim-invitation",
              "ccm-states-parties-2012",
              "--campaign",
              dir.resolve("campaign-" + connections).toString(),
              "--smtp",
              "smtp://127.0.0.1:" + greenMail.getSmtp().getPort(),
              "--yes",
              "--connections",
              connections);

      assertThat(run.status()).as(run.toString()).isEqualTo(70);
      assertThat(run.err())
          .startsWith(
              "circular: internal error: a bug in circular, not a mistake in your files (exit status 70).\n")
          .contains("IllegalStateException: a bug planted in the socket factory")
          .doesNotContain("Stopped");
      assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
  }
}
