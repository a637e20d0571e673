package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** circular.properties as picocli applies it: the command lines are parsed, not run. */
class DefaultsTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path file = dir.resolve("circular.properties");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static <T> T parsed(Defaults defaults, Class<T> command, String... args) {
    CommandLine cli = new CommandLine(new CircularCommand());
    cli.setDefaultValueProvider(defaults);
    ParseResult result = cli.parseArgs(args);
    return command.cast(result.subcommand().commandSpec().userObject());
  }

  @Test
  void smtpAndItsTrustFileAreTheDefaultsOfEveryCommandThatSendsAndTheCommandLineWins()
      throws IOException {
    Defaults defaults =
        new Defaults(file("smtp = smtp://nim@smtp.mission.example \nsmtp-trust=test-server.pem\n"));

    SendCommand send = parsed(defaults, SendCommand.class, "send", "letter", "list");
    RemindCommand remind =
        parsed(defaults, RemindCommand.class, "remind", "reminder", "--smtp", "sandbox");

    assertThat(send.options.smtp.url).isEqualTo("smtp://nim@smtp.mission.example");
    assertThat(send.options.smtp.trust).isEqualTo(Path.of("test-server.pem"));
    assertThat(remind.options.smtp.url).isEqualTo("sandbox");
    assertThat(remind.options.smtp.trust).isEqualTo(Path.of("test-server.pem"));
  }

  @Test
  void anEmptyValueIsNoDefaultAndNoOtherKeyIsRead() throws IOException {
    Defaults defaults =
        new Defaults(file("smtp=\ncampaign=campaigns/other\nonly=AUT\nconnections=4\n"));

    SendCommand send = parsed(defaults, SendCommand.class, "send", "letter", "list");

    assertThat(send.options.smtp.url).isNull();
    assertThat(send.campaignOption.name).isNull();
    assertThat(send.options.only.ids).isEmpty();
    assertThat(send.options.connections).isEqualTo(1);
  }

  @Test
  void imapIsTheDefaultMailboxOfReplies() throws IOException {
    Defaults defaults =
        new Defaults(
            file(
                "imap=imaps://contact@imap.mission.example/INBOX, imaps://sender@imap.mission.example/INBOX\n"));

    RepliesCommand replies = parsed(defaults, RepliesCommand.class, "replies");

    assertThat(replies.imap)
        .isEqualTo(
            List.of(
                "imaps://contact@imap.mission.example/INBOX, imaps://sender@imap.mission.example/INBOX"));
  }

  @Test
  void aFileThatCannotBeReadIsReportedWhereItsValuesAreNeededAndOnlyThere() throws IOException {
    Defaults forPreview = new Defaults(file("smtp=\\u12zz\n"));
    Defaults forSend = new Defaults(dir.resolve("circular.properties"));

    parsed(forPreview, PreviewCommand.class, "preview", "letter", "list");
    SendCommand send = parsed(forSend, SendCommand.class, "send", "letter", "list");

    forPreview.check();
    assertThat(send.options.smtp.url).isNull();
    assertThatThrownBy(forSend::check)
        .isInstanceOf(InputException.class)
        .hasMessage(
            dir.resolve("circular.properties") + ": cannot be read: Malformed \\uxxxx encoding.");
  }

  @Test
  void aBadServerFromTheFileIsNamedAsTheFilesAndATypedOneAsTheOptions() throws IOException {
    Defaults defaults = new Defaults(file("smtp = smtp//oops\nsmtp-trust = nope.pem\n"));
    String what =
        "'smtp//oops' is not a server address; use smtp://[user@]host[:port], smtps://[user@]host[:port] or sandbox";

    SendCommand fromFile = parsed(defaults, SendCommand.class, "send", "letter", "list");
    SendCommand typed =
        parsed(defaults, SendCommand.class, "send", "letter", "list", "--smtp", "smtp//oops");
    SendCommand trust =
        parsed(
            defaults, SendCommand.class, "send", "letter", "list", "--smtp", "smtps://x.example");

    assertThatThrownBy(fromFile.options.smtp::relay)
        .isInstanceOf(InputException.class)
        .hasMessage(dir.resolve("circular.properties") + ": smtp: " + what);
    assertThatThrownBy(typed.options.smtp::relay)
        .isInstanceOf(InputException.class)
        .hasMessage("--smtp: " + what);
    assertThatThrownBy(trust.options.smtp::relay)
        .isInstanceOf(InputException.class)
        .hasMessage(
            dir.resolve("circular.properties") + ": smtp-trust: 'nope.pem' is not a readable file");
  }

  @Test
  void noFileMeansNoDefaults() {
    Defaults defaults = new Defaults(dir.resolve("circular.properties"));

    SendCommand send = parsed(defaults, SendCommand.class, "send", "letter", "list");

    assertThat(send.options.smtp.url).isNull();
    defaults.check();
  }
}
