package circular.cli;

import circular.InputException;
import circular.Problem;
import java.io.Console;
import picocli.CommandLine;

/** The question asked on a terminal before letters go out through a real server. */
final class Confirmation {
  private Confirmation() {}

  /**
   * @return whether the user typed yes
   * @throws InputException when there is no terminal to ask on: a script must say --yes
   */
  static boolean ask(CommandLine command, int letters, String letter, String server) {
    Console console = System.console();
    if (console == null) {
      throw new InputException(
          new Problem(
              "send",
              "not on a terminal, so cannot ask before sending through "
                  + server
                  + "; add --yes to send without asking"));
    }
    String answer =
        console.readLine(
            "Send %d letter%s of %s through %s? Type yes to send: ",
            letters, letters == 1 ? "" : "s", letter, server);
    boolean yes = answer != null && answer.strip().equalsIgnoreCase("yes");
    if (!yes) {
      command.getErr().println("Nothing was sent.");
    }
    return yes;
  }
}
