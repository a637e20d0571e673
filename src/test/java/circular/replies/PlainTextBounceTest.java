package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import circular.mailbox.MailHeaders;
import circular.replies.DeliveryReport.Outcome;
import circular.replies.DeliveryReport.Recipient;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlainTextBounceTest {
  private static final MailHeaders FROM_SERVER =
      new MailHeaders(
          Map.of(
              "From",
              "MAILER-DAEMON@mx.x.example",
              "Subject",
              "Undelivered Mail Returned to Sender"));

  private static Optional<ReportReader.Reading> read(String words, MailHeaders headers) {
    return PlainTextBounce.read(words, headers, Set.of("office@mission.example"));
  }

  @Test
  void aPostfixNoticeNamesItsFailedRecipientWithWhatTheServerSaid() {
    String words =
        "This is the mail system at host mx.x.example.\n\n"
            + "I'm sorry to have to inform you that your message could not\n"
            + "be delivered to one or more recipients. It's attached below.\n\n"
            + "<geneva@nzl-mission.example>: host mx.nzl-mission.example said: 550 5.1.1\n"
            + "    <geneva@nzl-mission.example>: User unknown\n";

    Optional<ReportReader.Reading> reading = read(words, FROM_SERVER);

    assertThat(reading).map(ReportReader.Reading::outcome).contains(Outcome.FAILED);
    assertThat(reading.get().recipients())
        .extracting(Recipient::address)
        .containsOnly("geneva@nzl-mission.example");
    assertThat(reading.get().recipients().get(0).said())
        .isEqualTo(
            "<geneva@nzl-mission.example>: host mx.nzl-mission.example said: 550 5.1.1 <geneva@nzl-mission.example>: User unknown");
  }

  @Test
  void anEximNoticeNamesItsFailedRecipientsInAHeader() {
    MailHeaders headers =
        new MailHeaders(
            Map.of(
                "From", "Mail Delivery System <Mailer-Daemon@mx.x.example>",
                "Subject", "Mail delivery failed: returning message to sender",
                "X-Failed-Recipients", "delegation@swe-mission.example"));

    assertThat(
            read(
                "A message that you sent could not be delivered to one or more of its recipients.",
                headers))
        .map(r -> r.recipients().get(0).address())
        .contains("delegation@swe-mission.example");
  }

  @Test
  void theSenderInTheTranscriptAndTheOfficeAreNeverTheFailedRecipient() {
    String words =
        "The original message was received at Thu, 22 Mar 2012 09:00:00 +0100\n"
            + "from office@mission.example\n\n"
            + "   ----- Transcript of session follows -----\n"
            + ">>> MAIL FROM:<sender@relay.mission.example>\n"
            + "<<< 250 ok\n"
            + ">>> RCPT TO:<ginebra@chl-mission.example>\n"
            + "<<< 550 5.1.1 <ginebra@chl-mission.example>... User unknown\n";

    assertThat(read(words, FROM_SERVER).get().recipients())
        .extracting(Recipient::address)
        .containsOnly("ginebra@chl-mission.example");
  }

  @Test
  void aWarningThatDeliveryIsDelayedIsADelay() {
    String words =
        "This is an automatically generated Delivery Status Notification.\n\n"
            + "THIS IS A WARNING MESSAGE ONLY.\n\nYOU DO NOT NEED TO RESEND YOUR MESSAGE.\n\n"
            + "Delivery to the following recipient has been delayed:\n\n     ginebra@ury-mission.example\n";

    assertThat(
            read(
                words,
                new MailHeaders(
                    Map.of(
                        "From",
                        "postmaster@x.example",
                        "Subject",
                        "Delivery Status Notification (Delay)"))))
        .map(ReportReader.Reading::outcome)
        .contains(Outcome.DELAYED);
  }

  @Test
  void aLetterThatExpiredAndCameBackIsAFailureNotADelay() {
    String words =
        "   ----- Transcript of session follows -----\n"
            + "421 mx.ury-mission.example.: Deferred: Connection timed out\n"
            + "Message could not be delivered for 5 days\n"
            + "Message will be deleted from queue\n";

    assertThat(
            read(
                words,
                new MailHeaders(
                    Map.of(
                        "From",
                        "MAILER-DAEMON@x.example",
                        "Subject",
                        "Returned mail: Cannot send message for 5 days"))))
        .map(ReportReader.Reading::outcome)
        .contains(Outcome.FAILED);
  }

  @Test
  void aTextThatIsNoReportIsNone() {
    assertThat(
            read(
                "Dear Helen, we will attend.",
                new MailHeaders(Map.of("From", "geneva@aut-mission.example"))))
        .isEmpty();
  }
}
