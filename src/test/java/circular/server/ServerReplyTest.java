package circular.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A server's reply as the campaign log's one line. */
class ServerReplyTest {
  @Test
  void theUsualOneLineReplyIsKeptAsItIs() {
    assertThat(ServerReply.line("250 2.0.0 Ok: queued as 4FZ1xX0Vz3z9sWq\r\n"))
        .isEqualTo("250 2.0.0 Ok: queued as 4FZ1xX0Vz3z9sWq");
  }

  @Test
  void aMultiLineReplyBecomesOneLineWithItsCodeOnce() {
    assertThat(ServerReply.line("451-4.7.1 Try later\r\n451 4.7.1 Greylisted\r\n"))
        .isEqualTo("451 4.7.1 Try later 4.7.1 Greylisted");
  }

  @Test
  void runsOfSpacesControlCharactersAndLengthAreTidied() {
    assertThat(ServerReply.line("250  2.0.0   Ok\tqueued")).isEqualTo("250 2.0.0 Ok queued");
    assertThat(ServerReply.line("550 5.7.1 r\u00e9fus\u00e9"))
        .isEqualTo("550 5.7.1 r\u00e9fus\u00e9");
    assertThat(ServerReply.line("250 " + "x".repeat(400))).hasSize(300).endsWith("…");
    assertThat(ServerReply.line("  ")).isEqualTo("no reply");
  }
}
