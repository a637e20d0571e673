package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code circular preview --serve} as a command: its banner, its stop, its refusals. */
@Timeout(60)
class PreviewServeTest {
  private static final String LETTER = "letter-templates/2012-03-22-nim-invitation";
  private static final String LIST = "recipients/ccm-states-parties-2012.csv";
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

  /** The address the banner gives. */
  static URI address(String banner) {
    Matcher m = URL.matcher(banner);
    if (!m.find()) {
      throw new AssertionError("no address in:\n" + banner);
    }
    return URI.create(m.group());
  }

  @Test
  void servesThePreviewOnLoopbackUntilStopped() throws Exception {
    CliRun.InBackground preview =
        CliRun.InBackground.start("preview", LETTER, LIST, "--serve", "--port", "0");
    String banner = preview.awaitOut("Press Ctrl-C to stop.\n");
    URI url = address(banner);
    HttpResponse<String> index =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    CliRun run = preview.stop();

    assertThat(banner)
        .isEqualTo(
            "Preview of "
                + LETTER
                + " for "
                + LIST
                + " on this computer only:\n"
                + "  "
                + url
                + "\n"
                + "Every page reads the letter and the list afresh: edit them, then reload. Press Ctrl-C to stop.\n");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("70 delegations (en 43, es 12, fr 15)");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(banner + "Stopped.\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aPortInUseIsOneLineNamingTheOptionThatChangesIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      CliRun run = CliRun.of("preview", LETTER, LIST, "--serve", "--port", "" + port);

      assertThat(run.status()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(run.err().lines())
          .as(run.toString())
          .first()
          .satisfies(
              line ->
                  assertThat(line)
                      .startsWith("127.0.0.1:" + port + ": cannot listen (")
                      .endsWith("is another preview running?); choose another port with --port N"));
      assertThat(run.out()).isEmpty();
    }
  }
}
