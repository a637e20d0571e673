package circular.cli;

import circular.campaign.Sending;
import java.io.PrintWriter;

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
  static final int GRACE_SECONDS = StopSignal.GRACE_SECONDS;

  private final StopSignal signal;
  private volatile Sending sending;

  private StopOnInterrupt(PrintWriter err, boolean onTerminal) {
    this.signal =
        StopSignal.install(
            "circular-stop-on-interrupt",
            () -> {
              Sending running = sending;
              if (running == null) {
                err.println((onTerminal ? "\n" : "") + "Stopped before any letter was sent.");
                err.flush();
                return false;
              }
              err.println(
                  (onTerminal ? "\n" : "")
                      + "Stopping: no new letter is started; the letters under way are finished"
                      + " and logged (at most "
                      + GRACE_SECONDS
                      + " s).");
              err.flush();
              running.stop("interrupted");
              return true;
            });
  }

  /** Watches for a Ctrl-C until {@link #close}. */
  static StopOnInterrupt install(PrintWriter err, boolean onTerminal) {
    return new StopOnInterrupt(err, onTerminal);
  }

  /** From now on a Ctrl-C stops {@code run} and waits for it, rather than ending the process. */
  void stops(Sending run) {
    this.sending = run;
    if (signal.getAsBoolean()) {
      // a Ctrl-C came just before: the process is ending, so the run must not start a letter
      run.stop("interrupted");
    }
  }

  /** Whether a Ctrl-C stopped the run. */
  boolean fired() {
    return signal.getAsBoolean();
  }

  /**
   * The run is over, its summary printed and its server closed: a Ctrl-C from now on ends the
   * process at once.
   */
  @Override
  public void close() {
    signal.close();
  }
}
