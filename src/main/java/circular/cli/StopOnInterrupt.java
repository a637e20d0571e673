package circular.cli;

import circular.campaign.Sending;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a Ctrl-C (SIGINT, or a TERM) does while {@code send} or {@code remind} holds a server:
 * before the run starts (at the confirmation, while connecting), the process ends at once, nothing
 * sent; once it runs, no letter is started after it, each letter under way is finished and logged,
 * the run's summary is printed and the server closed (the sandbox saves its mail) before the
 * process ends. Without it the JVM would stop mid-transaction and leave those letters in doubt. The
 * process still ends with the signal's status (130 for Ctrl-C); a run that has not finished after
 * {@link #GRACE_SECONDS} is left to end anyway, its letters under way then in doubt, as after a
 * kill.
 */
final class StopOnInterrupt implements AutoCloseable {
  static final int GRACE_SECONDS = 30;

  private final Thread hook;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Sending sending;
  private volatile boolean fired;

  private StopOnInterrupt(PrintWriter err, boolean onTerminal) {
    this.hook =
        new Thread(
            () -> {
              fired = true;
              Sending running = sending;
              if (running == null) {
                err.println((onTerminal ? "\n" : "") + "Stopped before any letter was sent.");
                err.flush();
                return;
              }
              err.println(
                  (onTerminal ? "\n" : "")
                      + "Stopping: no new letter is started; the letters under way are finished"
                      + " and logged (at most "
                      + GRACE_SECONDS
                      + " s).");
              err.flush();
              running.stop("interrupted");
              try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "circular-stop-on-interrupt");
  }

  /** Watches for a Ctrl-C until {@link #close}. */
  static StopOnInterrupt install(PrintWriter err, boolean onTerminal) {
    StopOnInterrupt stop = new StopOnInterrupt(err, onTerminal);
    Runtime.getRuntime().addShutdownHook(stop.hook);
    return stop;
  }

  /** From now on a Ctrl-C stops {@code run} and waits for it, rather than ending the process. */
  void stops(Sending run) {
    this.sending = run;
    if (fired) {
      // a Ctrl-C came just before: the process is ending, so the run must not start a letter
      run.stop("interrupted");
    }
  }

  /** Whether a Ctrl-C stopped the run. */
  boolean fired() {
    return fired;
  }

  /**
   * The run is over, its summary printed and its server closed: a Ctrl-C from now on ends the
   * process at once.
   */
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
