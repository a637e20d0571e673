package circular.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/**
 * One run of the command line in this JVM: its arguments, exit status and both outputs. Its
 * {@code toString} shows all of them, so a failed assertion says what happened.
 */
record CliRun(String[] args, int status, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(args, status, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "circular " + String.join(" ", Arrays.asList(args)) + "\n-> exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
