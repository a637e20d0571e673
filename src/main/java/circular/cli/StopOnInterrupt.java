package circular.cli;

import circular.campaign.Sending;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a Ctrl-C (SIGINT, or a TERM) does to a run that is sending: no letter is started after it,
 * each letter under way is finished and logged, and the run's summary is printed before the process
 * ends. Without it the JVM would stop mid-transaction and leave those letters in doubt. The process
 * still ends with the signal's status (130 for Ctrl-C); a run that has not finished after {@link
 * #GRACE_SECONDS} is left to end anyway, its letters under way then in doubt, as after a kill.
 */
final class StopOnInterrupt implements AutoCloseable {
  static final int GRACE_SECONDS = 30;

  private final Thread hook;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean fired;

  private StopOnInterrupt(Sending sending, PrintWriter err, boolean onTerminal) {
    this.hook =
        new Thread(
            () -> {
              fired = true;
              err.println(
                  (onTerminal ? "\n" : "")
                      + "Stopping: no new letter is started; the letters under way are finished"
                      + " and logged (at most "
                      + GRACE_SECONDS
                      + " s).");
              err.flush();
              sending.stop("interrupted (Ctrl-C)");
              try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "circular-stop-on-interrupt");
  }

  /** Stops {@code sending} on a Ctrl-C until {@link #close}. */
  static StopOnInterrupt install(Sending sending, PrintWriter err, boolean onTerminal) {
    StopOnInterrupt stop = new StopOnInterrupt(sending, err, onTerminal);
    Runtime.getRuntime().addShutdownHook(stop.hook);
    return stop;
  }

  /** Whether a Ctrl-C stopped the run. */
  boolean fired() {
    return fired;
  }

  /** The run is over and its summary printed: a Ctrl-C from now on ends the process at once. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the process is ending: the hook is running, and returns now that the run is over
    }
  }
}
