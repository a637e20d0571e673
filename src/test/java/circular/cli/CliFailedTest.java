package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.InputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * How the command line tells the user's mistake from a bug when a command ends with an exception.
 */
class CliFailedTest {
  private final StringWriter err = new StringWriter();

  private int failed(Exception e) {
    CommandLine send =
        Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
            .getSubcommands()
            .get("send");
    return Cli.failed(e, send, null);
  }

  @Test
  void anInputExceptionIsTheUsersMistakeInOneLine() {
    int status = failed(InputException.of("--smtp-trust", "'x.pem' is not a readable file"));

    assertThat(status).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(err.toString())
        .isEqualTo("--smtp-trust: 'x.pem' is not a readable file\n1 problem; nothing was sent.\n");
  }

  @Test
  void anInputExceptionFromInsideARunIsABugNeverNothingWasSent() {
    // a sending thread fails after letters may have gone: "nothing was sent" would be false
    InputException mistake = InputException.of("letter.html", "cannot be printed as a PDF");

    int status = failed(new IllegalStateException("a sending thread failed", mistake));

    assertThat(status).isEqualTo(ExitCode.INTERNAL_ERROR);
    assertThat(err.toString()).doesNotContain("nothing was sent");
  }

  @Test
  void aWrapperOfAnythingElseIsStillABug() {
    int status =
        failed(new IllegalStateException("a sending thread failed", new NullPointerException()));

    assertThat(status).isEqualTo(ExitCode.INTERNAL_ERROR);
    assertThat(err.toString()).startsWith("circular: internal error: a bug in circular");
  }
}
