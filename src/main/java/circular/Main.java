package circular;

import circular.cli.Cli;
import circular.letters.PrintWarmUp;

/** Entry point of {@code java -jar circular.jar}; everything else lives in {@link Cli}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWarmUp.startFor(args); // before anything else: a letter's first PDF takes time to set up
    System.exit(Cli.run(args));
  }
}
