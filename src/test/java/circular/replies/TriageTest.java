package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.SentRow;
import circular.campaign.Status;
import circular.mailbox.MailHeaders;
import circular.mailbox.Source;
import circular.recipients.Recipient;
import circular.replies.ResponseRow.Kind;
import circular.replies.ResponseRow.MatchedBy;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** One message at a time, as the scan hands it over; the whole corpus is read in EmlScanTest. */
class TriageTest {
  private static final String LETTER_ID = "<m0yq3k2.7f0fa2@mission.example>";
  private static final String SUBJECT = "Intersessional Meetings, Geneva (Austria)";

  /** The test of Austria's reminder, sent to the office's assistant: it names the letter too. */
  private static final String TEST_REMINDER_ID = "<m0yq9z1.44@mission.example>";

  private static final Triage TRIAGE =
      new Triage(
          CampaignIndex.of(
              List.of(
                  new SentRow(
                      Instant.parse("2012-03-22T09:00:00Z"),
                      "invitation",
                      "AUT",
                      "geneva@aut-mission.example",
                      LETTER_ID,
                      Status.SENT,
                      ""),
                  new SentRow(
                      Instant.parse("2012-03-22T09:00:01Z"),
                      "invitation",
                      "NZL",
                      "geneva@nzl-mission.example",
                      "<m0yq3k3.11@mission.example>",
                      Status.SENT,
                      ""),
                  new SentRow(
                      Instant.parse("2012-03-29T09:00:00Z"),
                      "reminder",
                      "AUT",
                      "assistant@mission.example",
                      TEST_REMINDER_ID,
                      Status.TEST,
                      "sent to assistant@mission.example: 250 OK")),
              List.of(
                  delegation("AUT", "geneva@aut-mission.example"),
                  delegation("NZL", "geneva@nzl-mission.example"),
                  delegation("GHA", "ghana.mission@gmail.com")),
              List.of(SUBJECT),
              List.of("office@mission.example"),
              PublicProviders.standard()));

  private static Recipient delegation(String id, String email) {
    return new Recipient(id, List.of(email), List.of(), List.of(), Map.of("id", id), 2);
  }

  /** A message as a mailbox holds it, read from its text. */
  private record Message(byte[] bytes) implements Source.Incoming {
    static Message of(String... lines) {
      return new Message(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public MailHeaders headers() throws MessagingException {
      return MailHeaders.of(whole());
    }

    @Override
    public MimePart whole() throws MessagingException {
      return new MimeMessage(
          Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    @Override
    public byte[] raw() {
      return bytes;
    }

    @Override
    public Optional<Instant> arrived() {
      return Optional.empty();
    }

    @Override
    public String where() {
      return "test message";
    }
  }

  private static Optional<ResponseRow> triage(Message message)
      throws MessagingException, IOException {
    MailHeaders headers = message.headers();
    return TRIAGE.row(message, headers, headers.messageId().orElseGet(headers::syntheticId));
  }

  @Test
  void aReplyThreadedOntoALetterIsThatDelegationsReply() throws Exception {
    Optional<ResponseRow> row =
        triage(
            Message.of(
                "From: Eva Huber <disarmament@aut-mission.example>",
                "To: contact@mission.example",
                "Subject: RE: " + SUBJECT,
                "Date: Fri, 23 Mar 2012 10:14:32 +0100",
                "Message-ID: <r1@aut-mission.example>",
                "In-Reply-To: " + LETTER_ID,
                "",
                "Austria will report."));

    assertThat(row)
        .contains(
            new ResponseRow(
                Instant.parse("2012-03-23T09:14:32Z"),
                "AUT",
                Kind.REPLY,
                "disarmament@aut-mission.example",
                "RE: " + SUBJECT,
                "<r1@aut-mission.example>",
                MatchedBy.THREAD,
                ""));
  }

  @Test
  void anOutOfOfficeNoticeIsAnAutoReplyEvenWhenThreadedAndSaysWhenItsWriterIsBack()
      throws Exception {
    Optional<ResponseRow> row =
        triage(
            Message.of(
                "From: Eva Huber <disarmament@aut-mission.example>",
                "Subject: Automatic reply: " + SUBJECT,
                "Date: Thu, 22 Mar 2012 10:00:29 +0100",
                "Message-ID: <ooo1@aut-mission.example>",
                "In-Reply-To: " + LETTER_ID,
                "",
                "I am out of the office until 2 April 2012 with limited access to e-mail."));

    assertThat(row)
        .hasValueSatisfying(
            r -> {
              assertThat(r.kind()).isEqualTo(Kind.AUTO_REPLY);
              assertThat(r.matchedBy()).isEqualTo(MatchedBy.THREAD);
              assertThat(r.detail()).isEqualTo("away until 2012-04-02");
            });
  }

  @Test
  void withoutThreadingTheSendersAddressThenItsDomainTellTheDelegation() throws Exception {
    Optional<ResponseRow> byAddress =
        triage(
            Message.of(
                "From: geneva@nzl-mission.example",
                "Subject: Our report",
                "Date: Fri, 23 Mar 2012 08:00:00 +0000",
                "Message-ID: <r2@nzl-mission.example>",
                "",
                "Attached."));
    Optional<ResponseRow> byDomain =
        triage(
            Message.of(
                "From: attache@nzl-mission.example",
                "Subject: RE: " + SUBJECT,
                "Date: Fri, 23 Mar 2012 08:00:00 +0000",
                "Message-ID: <r3@nzl-mission.example>",
                "",
                "On behalf of the ambassador."));

    assertThat(byAddress.map(r -> r.recipientId() + " " + r.matchedBy())).contains("NZL address");
    assertThat(byDomain.map(r -> r.recipientId() + " " + r.matchedBy())).contains("NZL domain");
  }

  @Test
  void anAnswerToTheLetterFromAPublicProviderIsUnmatchedNeverGuessed() throws Exception {
    Optional<ResponseRow> row =
        triage(
            Message.of(
                "From: someone@gmail.com",
                "Subject: Re: " + SUBJECT,
                "Date: Fri, 23 Mar 2012 08:00:00 +0000",
                "Message-ID: <r4@mail.gmail.com>",
                "",
                "Is this for us?"));

    assertThat(row)
        .hasValueSatisfying(
            r -> {
              assertThat(r.kind()).isEqualTo(Kind.UNMATCHED);
              assertThat(r.recipientId()).isEmpty();
              assertThat(r.matchedBy()).isEqualTo(MatchedBy.NONE);
            });
  }

  @Test
  void aDeliveryReportIsABounceOfTheDelegationItNamesWithWhatTheServerSaid() throws Exception {
    Optional<ResponseRow> row =
        triage(
            Message.of(
                "From: MAILER-DAEMON@mail.mission.example (Mail Delivery System)",
                "To: office@mission.example",
                "Subject: Undelivered Mail Returned to Sender",
                "Date: Thu, 22 Mar 2012 09:07:09 +0000",
                "Message-ID: <b1@mail.mission.example>",
                "Auto-Submitted: auto-replied",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"",
                "",
                "--b",
                "Content-Type: text/plain",
                "",
                "Your message could not be delivered.",
                "--b",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mail.mission.example",
                "",
                "Final-Recipient: rfc822; geneva@nzl-mission.example",
                "Action: failed",
                "Status: 5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 <geneva@nzl-mission.example>: User unknown",
                "--b--",
                ""));

    assertThat(row)
        .hasValueSatisfying(
            r -> {
              assertThat(r.kind()).isEqualTo(Kind.BOUNCE);
              assertThat(r.recipientId()).isEqualTo("NZL");
              assertThat(r.matchedBy()).isEqualTo(MatchedBy.ADDRESS);
              assertThat(r.detail()).isEqualTo("geneva@nzl-mission.example 5.1.1 user unknown");
            });
  }

  @Test
  void mailThatIsNoneOfTheCampaignsBusinessIsLeftOut() throws Exception {
    Message newsletter =
        Message.of(
            "From: news@unoda.example",
            "Subject: Disarmament newsletter",
            "Date: Fri, 23 Mar 2012 08:00:00 +0000",
            "Message-ID: <n1@unoda.example>",
            "",
            "This month...");
    Message otherConversation =
        Message.of(
            "From: geneva@aut-mission.example",
            "Subject: RE: Lunch on Friday",
            "Date: Fri, 23 Mar 2012 08:00:00 +0000",
            "Message-ID: <o1@aut-mission.example>",
            "In-Reply-To: <lunch@mission.example>",
            "",
            "Yes, gladly.");
    Message beforeTheCampaign =
        Message.of(
            "From: geneva@aut-mission.example",
            "Subject: Our report",
            "Date: Mon, 19 Mar 2012 08:00:00 +0000",
            "Message-ID: <old@aut-mission.example>",
            "",
            "As promised last year.");
    Message ourOwnLetter =
        Message.of(
            "From: office@mission.example",
            "To: geneva@aut-mission.example",
            "Subject: " + SUBJECT,
            "Date: Thu, 22 Mar 2012 09:00:00 +0000",
            "Message-ID: " + LETTER_ID,
            "",
            "Excellency,");

    assertThat(triage(newsletter)).isEmpty();
    assertThat(triage(otherConversation))
        .as("a delegation's mail in another conversation")
        .isEmpty();
    assertThat(triage(beforeTheCampaign)).isEmpty();
    assertThat(triage(ourOwnLetter)).isEmpty();
  }

  @Test
  void anAnswerToATestLetterIsTheOfficesOwnNotTheDelegationsItWasWrittenFor() throws Exception {
    Message assistantsAnswer =
        Message.of(
            "From: assistant@mission.example",
            "Subject: Re: [TEST AUT] Reminder: " + SUBJECT,
            "Date: Thu, 29 Mar 2012 09:30:00 +0000",
            "Message-ID: <a1@mission.example>",
            "In-Reply-To: " + TEST_REMINDER_ID,
            "References: " + LETTER_ID + " " + TEST_REMINDER_ID,
            "",
            "The test reminder reads well; send it.");
    Message colleagueAway =
        Message.of(
            "From: someone.else@mission.example",
            "Subject: Automatic reply: [TEST AUT] Reminder: " + SUBJECT,
            "Date: Thu, 29 Mar 2012 09:00:05 +0000",
            "Message-ID: <a2@mission.example>",
            "Auto-Submitted: auto-replied",
            "References: " + LETTER_ID + " " + TEST_REMINDER_ID,
            "",
            "I am out of the office.");

    assertThat(triage(assistantsAnswer)).as("a reply to the test").isEmpty();
    assertThat(triage(colleagueAway)).as("an out-of-office answering the test").isEmpty();
  }

  @Test
  void aTestLetterReturnedUndeliveredIsNoBounceOfTheDelegationItWasWrittenFor() throws Exception {
    Optional<ResponseRow> row =
        triage(
            Message.of(
                "From: MAILER-DAEMON@mail.mission.example (Mail Delivery System)",
                "To: office@mission.example",
                "Subject: Undelivered Mail Returned to Sender",
                "Date: Thu, 29 Mar 2012 09:00:09 +0000",
                "Message-ID: <b2@mail.mission.example>",
                "Auto-Submitted: auto-replied",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"",
                "",
                "--b",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mail.mission.example",
                "",
                "Final-Recipient: rfc822; assitant@mission.example",
                "Action: failed",
                "Status: 5.1.1",
                "--b",
                "Content-Type: text/rfc822-headers",
                "",
                "From: office@mission.example",
                "To: assitant@mission.example",
                "Subject: [TEST AUT] Reminder: " + SUBJECT,
                "Message-ID: " + TEST_REMINDER_ID,
                "In-Reply-To: " + LETTER_ID,
                "References: " + LETTER_ID + " " + TEST_REMINDER_ID,
                "--b--",
                ""));

    assertThat(row).isEmpty();
  }
}
