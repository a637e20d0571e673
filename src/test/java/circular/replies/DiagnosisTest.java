package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagnosisTest {
  @ParameterizedTest(name = "{0} | {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the server's words name the reason, whatever the code
        "5.0.0 | smtp; 550 5.1.1 <geneva@x.example>... User Unknown     | 5.1.1 user unknown",
        "5.7.1 | smtp; 550 5.7.1 550 User Unknown: geneva@x.example      | 5.7.1 user unknown",
        "5.2.2 | smtp; 552 5.2.2 Over quota                               | 5.2.2 mailbox full",
        "      | 554 5.7.1 Service unavailable; blocked using zen.spamhaus.example | 5.7.1 rejected as spam",
        "      | 550 5.7.26 This message does not pass DMARC                | 5.7.26 sender authentication failed",
        "      | 552 5.3.4 Message size exceeds fixed limit                 | 5.3.4 message too big",
        "      | 553 mx.x.example does not exist                           | 553 host unknown",
        "      | 550 5.1.1 The email account that you tried to reach is disabled | 5.1.1 mailbox disabled",
        "      | Host or domain name not found. Name service error for name=x.example | host unknown",
        "      | 421 4.4.2 Connection timed out                            | 4.4.2 host unreachable",
        "      | 554 5.7.1 <geneva@x.example>: Relay access denied           | 5.7.1 relaying denied",
        // the code, when the words only say no
        "5.1.2 | 550 5.1.2 <geneva@x.example>: Recipient address rejected | 5.1.2 host unknown",
        "5.1.1 | smtp; 550 Requested action not taken                     | 5.1.1 user unknown",
        "4.4.7 | smtp; Message expired                                     | 4.4.7 expired, never delivered",
        // the generic words, when there is no code
        "      | 550 Requested action not taken: mailbox unavailable       | 550 user unknown",
        "      | 550 Administrative prohibition - envelope blocked         | 550 rejected by policy",
        // an address is no word: userunknown@ says nothing of its fate
        "      | delivery to userunknown@x.example                          | ''",
      })
  void theStatusAndTheReasonComeFromTheStatusFieldAndTheServersWords(
      String status, String said, String words) {
    assertThat(Diagnosis.of(status, said).words()).isEqualTo(words);
  }
}
