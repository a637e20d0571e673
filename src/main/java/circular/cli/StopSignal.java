package circular.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Ctrl-C (SIGINT, or a TERM) turned into a request to stop, for work that must end cleanly rather
 * than be cut off: the JVM runs the shutdown hooks, this one says the work is to stop and holds the
 * process until the work is over ({@link #close}), for at most {@link #GRACE_SECONDS}; then the
 * process ends with the signal's status (130 for Ctrl-C), as after a kill if the work has not
 * ended.
 *
 * <pre>{@code
 * try (StopSignal onCtrlC = StopSignal.install("circular-scan-stop", () -> true)) {
 *   report = ReplyScan.scan(campaign, index, sources, bar, onCtrlC);  // looks at onCtrlC
 *   ... print the summary, flushed ...
 * }
 * }</pre>
 */
final class StopSignal implements BooleanSupplier, AutoCloseable {
  static final int GRACE_SECONDS = 30;

  private final Thread hook;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean fired;

  private StopSignal(String name, BooleanSupplier onSignal) {
    this.hook =
        new Thread(
            () -> {
              fired = true;
              if (!onSignal.getAsBoolean()) {
                return;
              }
              try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
  }

  /**
   * Watches for a Ctrl-C until {@link #close}.
   *
   * @param onSignal run when the signal comes, after {@link #getAsBoolean} turns true; says whether
   *     there is work to wait for (false: the process ends at once)
   */
  static StopSignal install(String name, BooleanSupplier onSignal) {
    StopSignal signal = new StopSignal(name, onSignal);
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  /** Whether a Ctrl-C came: the work is to stop. */
  @Override
  public boolean getAsBoolean() {
    return fired;
  }

  /** The work is over and what it prints printed: a Ctrl-C from now on ends the process at once. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the process is ending: the hook is running, and returns now that the work is over
    }
  }
}
