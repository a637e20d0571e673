package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The progress bars as a terminal shows them: {@link Progress} and {@code replies}' {@link
 * ScanBar}.
 */
class ProgressTest {
  private final StringWriter screen = new StringWriter();
  private final PrintWriter err = new PrintWriter(screen);

  /** The last state of the line each carriage return starts, as the eye sees it. */
  private String lastDrawn() {
    String text = screen.toString();
    return text.substring(text.lastIndexOf('\r') + 1);
  }

  @Test
  void aFinishedBarIsFullAndEndsItsLineOnce() {
    Progress bar = new Progress(err, true, 3, "letters");

    bar.step();
    bar.step();
    bar.step();
    bar.close();

    assertThat(lastDrawn()).startsWith("[" + "#".repeat(30) + "] 3/3  ").endsWith(" left \n");
    assertThat(screen.toString()).containsOnlyOnce("\n");
  }

  @Test
  void moreDoneThanTheTotalIsDrawnAsTheTotalNotAsANegativeBar() {
    Progress bar = new Progress(err, true, 6, "messages");

    bar.show(7);
    bar.step();
    bar.show(-1);

    assertThat(lastDrawn()).startsWith("[" + "#".repeat(30) + "] 6/6  ").endsWith("\n");
    assertThat(screen.toString()).containsOnlyOnce("\n");
  }

  @Test
  void nothingToCountDrawsNothing() {
    Progress bar = new Progress(err, true, 0, "messages");

    bar.show(0);
    bar.step();
    bar.close();

    assertThat(screen.toString()).isEmpty();
  }

  @Test
  void aBarLeftShortOfItsEndHasItsLineEndedWhenClosed() {
    Progress bar = new Progress(err, true, 70, "letters");

    bar.step();
    bar.close();
    bar.close();

    assertThat(lastDrawn())
        .startsWith("[] 1/70  ".replace("[]", "[" + " ".repeat(30) + "]"))
        .endsWith(" left \n");
    assertThat(screen.toString()).containsOnlyOnce("\n");
  }

  @Test
  void offATerminalNothingIsDrawn() {
    Progress bar = new Progress(err, false, 3, "letters");

    bar.step();
    bar.show(3);
    bar.close();

    assertThat(screen.toString()).isEmpty();
  }

  @Test
  void theReplyScansCallsFromNoneToAllDrawTheCountTheScanGives() {
    ScanBar bar = new ScanBar(err, true);

    // what ReplyScan reports (EmlScanTest): 0 of the total first, then once per message
    for (int done = 0; done <= 6; done++) {
      bar.update(done, 6);
    }
    bar.close();

    assertThat(screen.toString()).startsWith("\r[" + " ".repeat(30) + "] 0/6 ");
    assertThat(lastDrawn()).startsWith("[" + "#".repeat(30) + "] 6/6  ").endsWith("\n");
    assertThat(screen.toString()).containsOnlyOnce("\n").doesNotContain("7/6");
  }

  @Test
  void aScanOfNoMessageDrawsNoBar() {
    ScanBar bar = new ScanBar(err, true);

    bar.update(0, 0);
    bar.close();

    assertThat(screen.toString()).isEmpty();
  }

  @Test
  void aScanCutShortEndsTheBarsLineBeforeTheSummary() {
    ScanBar bar = new ScanBar(err, true);

    bar.update(0, 6);
    bar.update(1, 6);
    bar.close();

    assertThat(lastDrawn()).startsWith("[#####" + " ".repeat(25) + "] 1/6  ").endsWith("\n");
  }
}
