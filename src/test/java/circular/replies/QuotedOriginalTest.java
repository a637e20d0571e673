package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuotedOriginalTest {
  @Test
  void theCopyAfterAMarkerLineIsNotTheReportsOwnWordsAndItsHeadersSayWhichLetterItWas() {
    String text =
        "<geneva@nzl-mission.example>:\n"
            + "Remote host said: 550 5.1.1 User unknown\n\n"
            + "--- Below this line is a copy of the message.\n\n"
            + "Return-Path: <office@mission.example>\n"
            + "From: Office <office@mission.example>\n"
            + "To: geneva@nzl-mission.example\n"
            + "Subject: Invitation\n"
            + "Message-ID: <letter.1@mission.example>\n\n"
            + "Write to other.person@elsewhere.example\n";

    QuotedOriginal quoted = QuotedOriginal.in(text);

    assertThat(quoted.ownWords())
        .isEqualTo("<geneva@nzl-mission.example>:\nRemote host said: 550 5.1.1 User unknown\n\n");
    assertThat(quoted.ids()).containsExactly("<letter.1@mission.example>");
    assertThat(quoted.subject()).contains("Invitation");
    assertThat(quoted.recipients()).containsExactly("geneva@nzl-mission.example");
    assertThat(quoted.senders()).containsExactly("office@mission.example");
  }

  @Test
  void aCopiedHeaderWithoutAnyMarkerEndsTheReportsOwnWords() {
    String text =
        "kijitora@x.example [User unknown]\n\n"
            + "Received: from relay.mission.example by mx.x.example; Thu, 22 Mar 2012 10:00:00 +0100\n"
            + "Message-Id: <letter.2@mission.example>\n"
            + "From: office@mission.example\n";

    QuotedOriginal quoted = QuotedOriginal.in(text);

    assertThat(quoted.ownWords()).isEqualTo("kijitora@x.example [User unknown]\n\n");
    assertThat(quoted.ids()).containsExactly("<letter.2@mission.example>");
  }

  @Test
  void aSummaryOfTheLetterBeforeTheFailureIsBlankedButTheWordsAfterItAreKept() {
    String text =
        "Your message\n\n"
            + "  To:      geneva@aut-mission.example; disarmament@aut-mission.example\n"
            + "  Subject: Invitation\n"
            + "  Sent:    Thu, 22 Mar 2012 10:00:00 +0100\n\n"
            + "did not reach the following recipient(s):\n\n"
            + "disarmament@aut-mission.example on Thu, 22 Mar 2012 10:00:52 +0100\n";

    QuotedOriginal quoted = QuotedOriginal.in(text);

    assertThat(quoted.ownWords())
        .doesNotContain("geneva@aut-mission.example")
        .contains("disarmament@aut-mission.example on Thu");
    assertThat(quoted.recipients())
        .containsExactly("geneva@aut-mission.example", "disarmament@aut-mission.example");
    assertThat(quoted.subject()).isEqualTo(Optional.of("Invitation"));
  }

  @Test
  void anSmtpTranscriptIsNoQuotedHeaderEvenWhereALineStartsWithFrom() {
    String text =
        " In:  MAIL\n"
            + "     FROM:<office@mission.example>\n"
            + " Out: 250 2.1.0 Ok\n"
            + " In:  RCPT TO:<geneva@nzl-mission.example>\n"
            + " Out: 550 5.1.1 User unknown\n";

    QuotedOriginal quoted = QuotedOriginal.in(text);

    assertThat(quoted.ownWords()).contains("RCPT TO:<geneva@nzl-mission.example>");
    assertThat(quoted.senders()).isEmpty();
    assertThat(quoted.ids()).isEqualTo(List.of());
  }
}
