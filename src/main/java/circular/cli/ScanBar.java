package circular.cli;

import circular.replies.ScanProgress;
import java.io.PrintWriter;

/**
 * The progress of {@code replies}' scan on a terminal: a {@link Progress} bar drawn at the count
 * the scan reports, from its first report ({@code 0} of the total) on. Closing it ends the bar's
 * line, so the summary starts on its own whether or not the scan got to the end.
 */
final class ScanBar implements ScanProgress, AutoCloseable {
  private final PrintWriter err;
  private final boolean terminal;
  private Progress bar;

  ScanBar(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void update(int done, int total) {
    if (bar == null) {
      bar = new Progress(err, terminal, total, "messages");
    }
    bar.show(done);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
