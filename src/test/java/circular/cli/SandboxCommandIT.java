package circular.cli;

import static circular.sandbox.TestMail.message;
import static org.assertj.core.api.Assertions.assertThat;

import circular.sandbox.TestMail;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar circular.jar sandbox} as a user runs it: in a working folder, ended by a signal.
 */
@Timeout(90)
class SandboxCommandIT {
  static final String CONTACT = "raylene.liufalani@nz-mission-geneva.example";

  @TempDir Path workingFolder;

  @Test
  void withNoCampaignSandboxItSaysToSendFirst() throws Exception {
    Process process =
        circular("sandbox").redirectOutput(workingFolder.resolve("out.txt").toFile()).start();

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "campaigns: no campaign has a sandbox yet; run 'circular send LETTER RECIPIENTS' first, or pass --campaign DIR"
                + System.lineSeparator());
    assertThat(workingFolder.resolve("out.txt")).isEmptyFile();
  }

  @Test
  void servesTheOnlyCampaignSandboxAndSavesTheMailWhenStopped() throws Exception {
    Path inbox =
        Files.createDirectories(
            workingFolder
                .resolve("campaigns/2012-03-22-nim-invitation/sandbox")
                .resolve(CONTACT)
                .resolve("INBOX"));
    int smtp = TestMail.freePort();
    Process process =
        circular("sandbox", "--smtp-port", "" + smtp, "--imap-port", "" + TestMail.freePort())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder banner = new StringBuilder();
      for (String line = out.readLine();
          line != null && !line.contains("Press Ctrl-C");
          line = out.readLine()) {
        banner.append(line).append('\n');
      }
      assertThat(banner)
          .contains("Sandbox mail server for " + Path.of("campaigns", "2012-03-22-nim-invitation"));

      TestMail.send(
          smtp,
          message(
              "<reply@france.example>",
              "delegation@france.example",
              CONTACT,
              "Re: Invitation",
              "We shall attend."));
      process
          .toHandle()
          .destroy(); // SIGTERM runs the shutdown hooks, as Ctrl-C does; keeps stdout open

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(out.lines().toList())
          .containsExactly(
              "Stopped; the mail is kept in "
                  + Path.of("campaigns", "2012-03-22-nim-invitation", "sandbox")
                  + ".");
    } finally {
      process.destroyForcibly();
    }
    try (Stream<Path> files = Files.list(inbox)) {
      List<Path> saved = files.toList();
      assertThat(saved)
          .singleElement()
          .satisfies(
              file ->
                  assertThat(Files.readString(file))
                      .contains("Message-ID: <reply@france.example>"));
    }
  }

  private ProcessBuilder circular(String... args) {
    String jar = System.getProperty("circular.jar");
    assertThat(jar).as("the circular.jar system property, set by failsafe").isNotNull();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(jar).toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(workingFolder.toFile());
  }
}
