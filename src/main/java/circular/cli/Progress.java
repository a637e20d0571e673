package circular.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * A one-line progress bar on a terminal — count, rate and time left — redrawn in place; silent when
 * output is not a terminal, so pipes and logs stay clean. Thread-safe.
 */
final class Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean terminal;
  private final int total;
  private final String unit;
  private final long start = System.nanoTime();
  private int done;
  private long lastDraw;

  Progress(PrintWriter err, boolean terminal, int total, String unit) {
    this.err = err;
    this.terminal = terminal;
    this.total = total;
    this.unit = unit;
  }

  static boolean onTerminal() {
    return System.console() != null;
  }

  synchronized void step() {
    done++;
    long now = System.nanoTime();
    if (!terminal || (now - lastDraw < 100_000_000L && done < total)) {
      return;
    }
    lastDraw = now;
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    double rate = done / seconds;
    long left = rate > 0 ? Math.round((total - done) / rate) : 0;
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    err.printf(
        "\r[%s%s] %d/%d  %.1f %s/s  %s left ",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        done,
        total,
        rate,
        unit,
        clock(Duration.ofSeconds(left)));
    if (done == total) {
      err.print("\n");
    }
    err.flush();
  }

  private static String clock(Duration d) {
    return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
  }
}
