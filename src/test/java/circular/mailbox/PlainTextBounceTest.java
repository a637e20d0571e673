package circular.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlainTextBounceTest {
  private static final MailHeaders FROM_SERVER =
      new MailHeaders(Map.of("From", "MAILER-DAEMON@mx.x.example", "Subject", "Undelivered Mail Returned to Sender"));

  private static Optional<DeliveryReport> read(String text, MailHeaders headers) {
    return PlainTextBounce.read(text, headers, new LinkedHashSet<>(), Optional.empty());
  }

  @Test
  void aPostfixTextBounceGivesTheFailedRecipientAndTheReturnedId() {
    String text =
        "This is the mail system at host mx.x.example.\n\n"
            + "I'm sorry to have to inform you that your message could not\n"
            + "be delivered to one or more recipients. It's attached below.\n\n"
            + "<geneva@nzl-mission.example>: host mx.nzl-mission.example said: 550 5.1.1\n"
            + "    <geneva@nzl-mission.example>: User unknown\n\n"
            + "------ This is a copy of the message, including all the headers. ------\n\n"
            + "From: office@mission.example\n"
            + "To: geneva@nzl-mission.example\n"
            + "Message-ID: <letter.1@mission.example>\n";

    assertThat(read(text, FROM_SERVER))
        .contains(
            new DeliveryReport(
                true, List.of("geneva@nzl-mission.example"), List.of("<letter.1@mission.example>"), Optional.empty()));
  }

  @Test
  void anEximBounceNamesItsFailedRecipientsInAHeader() {
    MailHeaders headers =
        new MailHeaders(
            Map.of(
                "From", "Mail Delivery System <Mailer-Daemon@mx.x.example>",
                "Subject", "Mail delivery failed: returning message to sender",
                "X-Failed-Recipients", "delegation@swe-mission.example"));

    assertThat(read("A message that you sent could not be delivered to one or more of its recipients.", headers))
        .map(DeliveryReport::recipients)
        .contains(List.of("delegation@swe-mission.example"));
  }

  @Test
  void aWarningThatDeliveryIsDelayedIsNotAFailure() {
    String text =
        "This is an automatically generated Delivery Status Notification.\n\n"
            + "THIS IS A WARNING MESSAGE ONLY.\n\nYOU DO NOT NEED TO RESEND YOUR MESSAGE.\n\n"
            + "Delivery to the following recipient has been delayed:\n\n     ginebra@ury-mission.example\n";

    assertThat(read(text, new MailHeaders(Map.of("From", "postmaster@x.example", "Subject", "Delivery Status Notification (Delay)"))))
        .map(DeliveryReport::failed)
        .contains(false);
  }

  @Test
  void aTextThatIsNoReportIsNone() {
    assertThat(read("Dear Helen, we will attend.", new MailHeaders(Map.of("From", "geneva@aut-mission.example"))))
        .isEmpty();
  }
}
