package circular.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top of the command line: {@code circular COMMAND ...}. */
@Command(
    name = "circular",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    resourceBundle = "circular.cli.Help",
    description = "Writes one formal letter to many delegations, each in its own language.",
    subcommands = {
      PreviewCommand.class,
      SendCommand.class,
      RepliesCommand.class,
      StatusCommand.class,
      RemindCommand.class,
      SandboxCommand.class,
      DigestCommand.class,
      NewCommand.class,
      HelpCommand.class
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      ExitCode.DONE + ":all done",
      ExitCode.SOME_FAILED
          + ":some letters failed, were deferred, are in doubt or reached only some of their addresses, or the server stopped the run",
      ExitCode.BAD_INPUT + ":bad input or usage (nothing was sent)",
      ExitCode.INTERNAL_ERROR
          + ":an internal error, a bug to report (see 'Reporting a bug' in the README)"
    })
final class CircularCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}
