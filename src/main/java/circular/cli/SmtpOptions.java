package circular.cli;

import circular.campaign.Campaign;
import circular.campaign.Outbox;
import circular.campaign.SmtpOutbox;
import circular.mail.SmtpSettings;
import circular.sandbox.Sandbox;
import circular.sandbox.SandboxPorts;
import circular.server.Login;
import circular.server.Protocol;
import circular.server.TrustFile;
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

  /** Opens the chosen server for the length of a run. */
  MailServer open(Campaign campaign) {
    Defaults.of(command).check();
    String chosen = url != null ? url : "sandbox";
    if (chosen.equals("sandbox")) {
      return new SandboxServer(Sandbox.start(campaign.sandbox(), SandboxPorts.dynamic()));
    }
    SmtpSettings settings = SmtpSettings.fromUrl(chosen);
    if (trust != null) {
      settings = settings.withTrust(TrustFile.of(trust));
    }
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
      return "the sandbox";
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
