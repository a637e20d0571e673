package circular.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * A one-line progress bar on a terminal — count, rate and time left — redrawn in place; silent when
 * output is not a terminal, so pipes and logs stay clean, and when there is nothing to count (0 of
 * 0). Closing it ends its line, so that what is printed next starts on a line of its own, however
 * far the work got. Thread-safe.
 *
 * <pre>{@code
 * try (Progress bar = new Progress(err, Progress.onTerminal(), letters.size(), "letters")) {
 *   letters.forEach(l -> { send(l); bar.step(); });
 * }
 * }</pre>
 */
final class Progress implements AutoCloseable {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;
  private final PrintWriter err;
  private final boolean terminal;
  private final int total;
  private final String unit;
  private final long start = System.nanoTime();
  private int done;
  private long lastDraw;
  private boolean drawn;
  private boolean ended;
  private int drawnWidth;
  private int drawnDone;

  Progress(PrintWriter err, boolean terminal, int total, String unit) {
    this.err = err;
    this.terminal = terminal;
    this.total = Math.max(0, total);
    this.unit = unit;
  }

  /**
   * Whether standard input and output are a terminal (Java 17's {@link System#console()}), the one
   * case where a bar redrawn in place is read by a person.
   */
  static boolean onTerminal() {
    return System.console() != null;
  }

  /** One more done. */
  synchronized void step() {
    show(done + 1);
  }

  /**
   * How many are done so far, as the caller counts them; more than the total is drawn as the total,
   * a negative count as none.
   */
  synchronized void show(int doneSoFar) {
    done = Math.max(0, Math.min(doneSoFar, total));
    long now = System.nanoTime();
    boolean last = done == total;
    if (!terminal || total == 0 || ended || (drawn && !last && now - lastDraw < REDRAW_NANOS)) {
      return;
    }
    draw(now);
    if (last) {
      endLine();
    }
    err.flush();
  }

  /**
   * Ends the bar's line, at the count reached, if one was drawn and is not ended yet; idempotent.
   */
  @Override
  public synchronized void close() {
    if (drawn && !ended) {
      if (done != drawnDone) {
        draw(System.nanoTime());
      }
      endLine();
      err.flush();
    }
  }

  private void draw(long now) {
    lastDraw = now;
    drawn = true;
    drawnDone = done;
    String line = line(now);
    // a shorter line than the last one covers what the last one left
    err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
    drawnWidth = line.length();
  }

  private void endLine() {
    err.print("\n");
    ended = true;
  }

  /** {@code [##### ] 3/6 2.5 messages/s 0:01 left }: the rate and time once one is done. */
  private String line(long now) {
    int filled = (int) ((long) WIDTH * done / total);
    String bar = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total;
    if (done == 0) {
      return bar + " ";
    }
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    double rate = done / seconds;
    long left = Math.round((total - done) / rate);
    return String.format(
        "%s  %.1f %s/s  %s left ", bar, rate, unit, clock(Duration.ofSeconds(left)));
  }

  private static String clock(Duration d) {
    return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
  }
}
