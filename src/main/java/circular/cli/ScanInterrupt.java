package circular.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What a Ctrl-C (SIGINT, or a TERM) does while {@code replies} scans: the scan ends after the
 * message it is looking at, keeps the replies it recorded for the digest, and prints its summary
 * before the process ends with the signal's status (130 for Ctrl-C). Without it the JVM would stop
 * mid-scan, say nothing, and leave replies recorded without the copies {@code digest} reads. A scan
 * that has not ended after {@link #GRACE_SECONDS} (a server that does not answer) is left to end
 * anyway, as after a kill: no row is torn, and the next scan reads again what this one did not
 * finish.
 *
 * <pre>{@code
 * try (ScanInterrupt onCtrlC = ScanInterrupt.install()) {
 *   report = ReplyScan.scan(campaign, index, sources, bar, onCtrlC);
 *   ... print the summary, flushed ...
 * }
 * }</pre>
 */
final class ScanInterrupt implements BooleanSupplier, AutoCloseable {
  static final int GRACE_SECONDS = 30;

  private final Thread hook;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean fired;

  private ScanInterrupt() {
    this.hook =
        new Thread(
            () -> {
              fired = true;
              try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "circular-scan-stop-on-interrupt");
  }

  /** Watches for a Ctrl-C until {@link #close}. */
  static ScanInterrupt install() {
    ScanInterrupt stop = new ScanInterrupt();
    Runtime.getRuntime().addShutdownHook(stop.hook);
    return stop;
  }

  /** Whether a Ctrl-C came: the scan is to stop. */
  @Override
  public boolean getAsBoolean() {
    return fired;
  }

  /** The scan is over and its summary printed: a Ctrl-C from now on ends the process at once. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the process is ending: the hook is running, and returns now that the scan is over
    }
  }
}
