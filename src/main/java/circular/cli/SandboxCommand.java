package circular.cli;

import circular.InputException;
import circular.sandbox.PortUnavailableException;
import circular.sandbox.Sandbox;
import circular.sandbox.SandboxPorts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code circular sandbox}: serves a campaign's sandbox mailboxes on loopback for a mail client,
 * until Ctrl-C (or until its thread is interrupted, which is how tests stop it).
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a campaign's sandbox mailboxes for a mail client, on this computer only.",
      "The mail 'circular send' left in the sandbox is served over SMTP and IMAP on 127.0.0.1, to read and answer by hand. Any user name and password are accepted. Ctrl-C stops it; the mail is kept."
    })
final class SandboxCommand implements Callable<Integer> {
  static final Duration SAVE_INTERVAL = Duration.ofSeconds(2);
  @Spec CommandSpec spec;

  @Mixin CampaignOption campaignOption;

  @Option(
      names = "--smtp-port",
      paramLabel = "N",
      converter = Port.Fixed.class,
      description = "The SMTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int smtpPort = SandboxPorts.DEFAULT_SMTP;

  @Option(
      names = "--imap-port",
      paramLabel = "N",
      converter = Port.Fixed.class,
      description = "The IMAP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int imapPort = SandboxPorts.DEFAULT_IMAP;

  @Override
  public Integer call() {
    Path folder = campaignOption.namedOrOnly(Locations.WITH_SANDBOX).folder();
    Sandbox sandbox = start(folder.resolve("sandbox"), ports());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            sandbox.close();
            out.println("Stopped; the mail is kept in " + folder.resolve("sandbox") + ".");
            out.flush();
          }
        };
    Thread hook = new Thread(stop, "sandbox-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    try {
      sandbox.saveEvery(
          SAVE_INTERVAL,
          failure -> {
            err.println(
                "circular sandbox: could not save the mail ("
                    + failure.getMessage()
                    + "); trying again in a moment.");
            err.flush();
          });
      out.print(SandboxBanner.text(folder, sandbox, SAVE_INTERVAL));
      out.flush();
      new CountDownLatch(1).await(); // Ctrl-C ends the process: the hook then saves and stops
    } catch (InterruptedException e) {
      interrupted = true; // flagged again only once saved: an interrupted thread cannot write files
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to
      }
      stop.run();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return ExitCode.DONE;
  }

  private SandboxPorts ports() {
    if (smtpPort == imapPort) {
      throw new ParameterException(
          spec.commandLine(),
          "--smtp-port and --imap-port need different ports, not both " + smtpPort);
    }
    return SandboxPorts.fixed(smtpPort, imapPort);
  }

  private static Sandbox start(Path mailboxes, SandboxPorts ports) {
    try {
      return Sandbox.start(mailboxes, ports);
    } catch (PortUnavailableException e) {
      String option = e.protocol().equals("SMTP") ? "--smtp-port" : "--imap-port";
      throw InputException.of(
          Sandbox.HOST + ":" + e.port(),
          "cannot listen for "
              + e.protocol()
              + " ("
              + e.reason()
              + "; is another sandbox running?); choose another port with "
              + option
              + " N");
    }
  }
}
