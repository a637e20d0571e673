package circular.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A server's reply as the campaign log's one line. */
class RepliesTest {
  @Test
  void theUsualOneLineReplyIsKeptAsItIs() {
    assertThat(Replies.line("250 2.0.0 Ok: queued as 4FZ1xX0Vz3z9sWq\r\n")).isEqualTo("250 2.0.0 Ok: queued as 4FZ1xX0Vz3z9sWq");
  }

  @Test
  void aMultiLineReplyBecomesOneLineWithItsCodeOnce() {
    assertThat(Replies.line("451-4.7.1 Try later\r\n451 4.7.1 Greylisted\r\n")).isEqualTo("451 4.7.1 Try later 4.7.1 Greylisted");
  }

  @Test
  void runsOfSpacesControlCharactersAndLengthAreTidied() {
    assertThat(Replies.line("250  2.0.0   Ok\tqueued")).isEqualTo("250 2.0.0 Ok queued");
    assertThat(Replies.line("550 5.7.1 r\u00e9fus\u00e9")).isEqualTo("550 5.7.1 r\u00e9fus\u00e9");
    assertThat(Replies.line("250 " + "x".repeat(400))).hasSize(300).endsWith("…");
    assertThat(Replies.line("  ")).isEqualTo("no reply");
  }
}
