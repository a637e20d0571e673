package circular;

import circular.cli.Cli;

/** Entry point of {@code java -jar circular.jar}; everything else lives in {@link Cli}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args));
  }
}
