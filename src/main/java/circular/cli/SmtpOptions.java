package circular.cli;

import circular.InputException;
import circular.Problem;
import circular.campaign.Campaign;
import circular.campaign.Outbox;
import circular.campaign.SmtpOutbox;
import circular.mail.SmtpSettings;
import circular.sandbox.Sandbox;
import circular.sandbox.SandboxPorts;
import circular.server.Login;
import circular.server.Protocol;
import circular.server.TrustFile;
import circular.server.TrustStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options that choose the server letters go through, shared by send and remind. */
final class SmtpOptions {
  @Option(
      names = "--smtp",
      paramLabel = "URL",
      description = {
        "smtp://[user@]host[:port] (STARTTLS), smtps://[user@]host[:port] (TLS) or sandbox.",
        "Default: smtp= in circular.properties, else the sandbox. The password comes from",
        "CIRCULAR_SMTP_PASSWORD or a prompt; an OAuth2 token from CIRCULAR_SMTP_TOKEN."
      })
  String url;

  @Option(
      names = "--smtp-trust",
      paramLabel = "FILE",
      description =
          "Trust the server certificate in FILE (.pem, .crt, .p12, .jks): for a test server with a self-signed certificate.")
  Path trust;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  private static final String SANDBOX = "the sandbox";

  private Optional<SmtpSettings> relay; // checked once, on first use

  /**
   * The relay letters go through, its URL and trust file checked as a send needs them, connecting
   * to nothing; empty for the sandbox. A dry run checks them too, before anything is created.
   *
   * @throws circular.InputException naming the option, or circular.properties, that holds the bad
   *     value
   */
  Optional<SmtpSettings> relay() {
    if (relay == null) {
      Defaults defaults = Defaults.of(command);
      defaults.check();
      if (url == null || url.equals("sandbox")) {
        if (trust != null
            && command.commandLine().getParseResult().hasMatchedOption("--smtp-trust")) {
          // a trust file typed for a run that would never read it: the user meant another server
          throw new InputException(
              new Problem(
                  "--smtp-trust",
                  "is for a server named with --smtp smtps://… or smtp://…; letters would go to"
                      + " the sandbox, which needs none"));
        }
        relay = Optional.empty();
      } else {
        SmtpSettings settings = defaults.named(command, "smtp", () -> SmtpSettings.fromUrl(url));
        if (trust != null) {
          TrustFile file = TrustFile.of(trust);
          defaults.named(
              command, "smtp-trust", () -> TrustStores.socketFactory(file, Protocol.SMTP));
          settings = settings.withTrust(file);
        }
        relay = Optional.of(settings);
      }
    }
    return relay;
  }

  /** The server as a run's summary names it: {@code 127.0.0.1:2525}, or the sandbox. */
  String description() {
    return relay().map(SmtpSettings::server).orElse(SANDBOX);
  }

  /** Opens the chosen server for the length of a run. */
  MailServer open(Campaign campaign) {
    if (relay().isEmpty()) {
      return new SandboxServer(Sandbox.start(campaign.sandbox(), SandboxPorts.dynamic()));
    }
    SmtpSettings settings = relay().get();
    Optional<Login> login =
        Login.fromEnvironment(
            Protocol.SMTP, System.getenv(), settings.user(), PasswordPrompt.of(Protocol.SMTP));
    return new RelayServer(settings, login);
  }

  /** The embedded sandbox, started for the run and saved when it ends. */
  private record SandboxServer(Sandbox sandbox) implements MailServer {
    @Override
    public Outbox outbox() {
      return SmtpOutbox.connect(
          SmtpSettings.fromUrl(sandbox.smtpUrl().toString()), Optional.empty());
    }

    @Override
    public boolean isSandbox() {
      return true;
    }

    @Override
    public void expectRepliesTo(List<String> addresses) {
      addresses.forEach(sandbox::openMailbox);
    }

    @Override
    public String description() {
      return SANDBOX;
    }

    @Override
    public void close() {
      sandbox.close();
    }
  }

  /** A real SMTP server: each sending thread gets its own kept-open connection. */
  private record RelayServer(SmtpSettings settings, Optional<Login> login) implements MailServer {
    @Override
    public Outbox outbox() {
      return SmtpOutbox.connect(settings, login);
    }

    @Override
    public boolean isSandbox() {
      return false;
    }

    @Override
    public String description() {
      return settings.server();
    }

    @Override
    public void close() {}
  }
}
