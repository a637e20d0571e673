package circular.cli;

import circular.InputException;
import circular.Problem;
import circular.mail.MailStreams;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs the command line with the given writers, so tests see exactly what a user sees. Output is
 * always UTF-8, whatever the platform's default: delegations' names are not ASCII.
 */
public final class Cli {
  private Cli() {}

  public static int run(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    return run(args, out, err);
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    int status;
    try {
      MailStreams.install();
      status = commandLine(out, err).execute(args);
    } catch (RuntimeException | Error e) {
      // what picocli does not hand to failed(): an Error such as a class missing from the jar
      status = internalError(e, err);
    }
    out.flush();
    err.flush();
    return status;
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new CircularCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setDefaultValueProvider(new Defaults());
    cli.setExecutionExceptionHandler(Cli::failed);
    cli.setParameterExceptionHandler(Cli::misused);
    return cli;
  }

  /** A usage mistake: one line, and where to read more; not the whole help text. */
  private static int misused(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String message =
        e.getCause() instanceof Port.OutOfRange outOfRange
            ? outOfRange.getMessage()
            : e.getMessage();
    if (command.getCommand() instanceof Misuse misuse) {
      message = misuse.explain(e).orElse(message);
    }
    Optional<String> unknown =
        e instanceof UnmatchedArgumentException unmatched
            ? UnknownArgument.explain(unmatched)
            : UnknownArgument.explainValue(e);
    if (unknown.isPresent()) { // the line says where to read more
      err.println("circular: " + unknown.get());
      return ExitCode.BAD_INPUT;
    }
    err.println("circular: " + message);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCode.BAD_INPUT;
  }

  /** A command that says some usage mistakes picocli finds in words of its own. */
  interface Misuse {
    /** What to tell the user instead of picocli's message, if the command has something better. */
    Optional<String> explain(ParameterException e);
  }

  static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    PrintWriter err = command.getErr();
    if (e instanceof InputException input) {
      for (Problem problem : input.problems()) {
        err.println(problem);
      }
      int n = input.problems().size();
      String verb =
          switch (command.getCommandName()) {
            case "send", "remind" -> "sent";
            case "preview", "digest" -> "written";
            case "replies" -> "recorded";
            default -> ""; // status, sandbox, new: they send no mail; their lines say it all
          };
      if (!verb.isEmpty()) {
        err.println((n == 1 ? "1 problem" : n + " problems") + "; nothing was " + verb + ".");
      }
      return ExitCode.BAD_INPUT;
    }
    return internalError(e, err);
  }

  /** A bug, not the user's mistake: what to do about it, then the trace the report needs. */
  private static int internalError(Throwable e, PrintWriter err) {
    err.println(
        "circular: internal error: a bug in circular, not a mistake in your files (exit status 70).");
    err.println(
        "Please report it in circular's issue tracker (README.md, 'Reporting a bug') with the command you ran,");
    err.println("the output of 'circular --version' and the lines below.");
    e.printStackTrace(err);
    return ExitCode.INTERNAL_ERROR;
  }
}
