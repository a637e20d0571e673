package circular.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top of the command line: {@code circular COMMAND ...}. */
@Command(
    name = "circular",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Writes one formal letter to many delegations, each in its own language.",
    subcommands = {PreviewCommand.class, SendCommand.class, RepliesCommand.class, StatusCommand.class, RemindCommand.class, SandboxCommand.class, DigestCommand.class, NewCommand.class, picocli.CommandLine.HelpCommand.class},
    footer = {
      "",
      "Exit status: 0 all done; 1 some letters failed, were deferred or are in doubt;",
      "2 bad input or usage (nothing was sent); 70 an internal error, a bug to report",
      "(see 'Reporting a bug' in the README)."
    })
final class CircularCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}
