package circular.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the command line in this JVM, with what it printed; {@link #toString()} shows it all,
 * so a failed assertion says what the user would have seen.
 */
record CliRun(List<String> args, int status, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(List.of(args), status, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "circular "
        + String.join(" ", args)
        + "\n=> "
        + status
        + "\n--- out\n"
        + out
        + "--- err\n"
        + err;
  }

  /** A command that runs until stopped ({@code circular sandbox}), on a thread of its own. */
  static final class InBackground {
    private final List<String> args;
    private final StringWriter out = new Watched();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int status = -1;
    private boolean ended; // guarded by out

    private InBackground(String... args) {
      this.args = List.of(args);
      this.thread =
          new Thread(
              () -> {
                try {
                  status = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
                } finally {
                  synchronized (out) {
                    ended = true;
                    out.notifyAll(); // whoever waits for output learns that none will come
                  }
                }
              },
              "cli-" + args[0]);
    }

    /** Output that wakes whoever waits for it when more is written. */
    private static final class Watched extends StringWriter {
      @Override
      public void write(int c) {
        synchronized (this) {
          super.write(c);
          notifyAll();
        }
      }

      @Override
      public void write(char[] chars, int off, int len) {
        synchronized (this) {
          super.write(chars, off, len);
          notifyAll();
        }
      }

      @Override
      public void write(String text, int off, int len) {
        synchronized (this) {
          super.write(text, off, len);
          notifyAll();
        }
      }
    }

    static InBackground start(String... args) {
      InBackground run = new InBackground(args);
      run.thread.start();
      return run;
    }

    /**
     * Waits until the output holds {@code text}; fails if the command ends first, or after a
     * minute.
     */
    String awaitOut(String text) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      synchronized (out) {
        while (!out.toString().contains(text)) {
          if (ended) {
            throw new AssertionError("ended before printing '" + text + "':\n" + result());
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new AssertionError("still no '" + text + "' after a minute:\n" + result());
          }
          TimeUnit.NANOSECONDS.timedWait(out, left);
        }
        return out.toString();
      }
    }

    /** Interrupts the command, as a test's stand-in for Ctrl-C, and waits for it to end. */
    CliRun stop() throws InterruptedException {
      thread.interrupt();
      thread.join(TimeUnit.SECONDS.toMillis(20));
      if (thread.isAlive()) {
        throw new AssertionError("still running 20 s after an interrupt:\n" + result());
      }
      return result();
    }

    private CliRun result() {
      return new CliRun(args, status, out.toString(), err.toString());
    }
  }
}
