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
    return "circular " + String.join(" ", args) + "\n=> " + status + "\n--- out\n" + out + "--- err\n" + err;
  }

  /** A command that runs until stopped ({@code circular sandbox}), on a thread of its own. */
  static final class InBackground {
    private final List<String> args;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int status = -1;

    private InBackground(String... args) {
      this.args = List.of(args);
      this.thread = new Thread(() -> status = Cli.run(args, new PrintWriter(out), new PrintWriter(err)), "cli-" + args[0]);
    }

    static InBackground start(String... args) {
      InBackground run = new InBackground(args);
      run.thread.start();
      return run;
    }

    /** Waits until the output holds {@code text}; fails if the command ends first. */
    String awaitOut(String text) throws InterruptedException {
      while (!out.toString().contains(text)) {
        if (!thread.isAlive()) {
          throw new AssertionError("ended before printing '" + text + "':\n" + result());
        }
        TimeUnit.MILLISECONDS.sleep(20);
      }
      return out.toString();
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
