package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import circular.campaign.SentLog;
import circular.campaign.SentRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code circular replies} at a terminal, where its progress bar is drawn: the jar run in a
 * pseudo-terminal after a send through the sandbox.
 */
@Timeout(120)
class RepliesOnTerminalJarIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final String CONTACT = "raylene.liufalani@nz-mission-geneva.example";

  @TempDir Path dir;

  @BeforeEach
  void sendThroughTheSandbox() throws Exception {
    assumeTrue(
        Files.isExecutable(JarProcess.SCRIPT), "util-linux 'script' runs the pseudo-terminal");
    JarProcess.Result send =
        JarProcess.run(
            PROJECT,
            "send",
            "2012-03-22-nim-invitation",
            "ccm-states-parties-2012",
            "--campaign",
            dir.toString(),
            "--only",
            "AUT,FRA");
    assertThat(send.status()).as(send.toString()).isZero();
  }

  @Test
  void theBarFillsAtTheLastMessageAndTheSummaryStartsALineOfItsOwn() throws Exception {
    Path inbox = dir.resolve("sandbox").resolve(CONTACT).resolve("INBOX");
    for (SentRow letter : SentLog.read(dir.resolve("sent.csv"))) {
      Files.writeString(
          inbox.resolve(letter.recipientId() + ".eml"),
          "From: <"
              + letter.email()
              + ">\r\nTo: <"
              + CONTACT
              + ">\r\nSubject: RE: the letter\r\nDate: Fri, 23 Mar 2012 10:00:00 +0100\r\n"
              + "Message-ID: <reply-"
              + letter.recipientId()
              + "@delegation.example>\r\nIn-Reply-To: "
              + letter.messageId()
              + "\r\n\r\nWe shall attend.\r\n",
          StandardCharsets.UTF_8);
    }

    JarProcess.Result replies =
        JarProcess.onTerminal(PROJECT, "replies", "--campaign", dir.toString());

    assertThat(replies.status()).as(replies.toString()).isZero();
    assertThat(replies.out())
        .as(replies.toString())
        .contains("\r[" + "#".repeat(30) + "] 2/2  ")
        .contains(" left \r\n2 messages: 2 replies added to responses.csv;")
        .doesNotContain("internal error");
  }

  @Test
  void aScanOfNoMessageDrawsNoBar() throws Exception {
    JarProcess.Result replies =
        JarProcess.onTerminal(PROJECT, "replies", "--campaign", dir.toString());

    assertThat(replies.status()).as(replies.toString()).isZero();
    assertThat(replies.out())
        .as(replies.toString())
        .startsWith("0 messages: nothing new for responses.csv;")
        .doesNotContain("[");
  }

  @Test
  void theEndOfInputAtThePasswordPromptIsNoPasswordTypedNotAMissingTerminal() throws Exception {
    // script's input is empty: the terminal's input ends at the prompt, as with Ctrl-D
    JarProcess.Result replies =
        JarProcess.onTerminal(
            PROJECT,
            "replies",
            "--campaign",
            dir.toString(),
            "--imap",
            "imap://u@127.0.0.1:9/INBOX");

    assertThat(replies.status()).as(replies.toString()).isEqualTo(2);
    assertThat(replies.out())
        .as(replies.toString())
        .contains("IMAP password: ")
        .contains("--imap: no password was typed for 'u'")
        .doesNotContain("run on a terminal");
  }
}
