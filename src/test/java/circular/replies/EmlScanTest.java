package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import circular.campaign.Campaign;
import circular.mailbox.EmlFolderSource;
import circular.mailbox.Source;
import circular.recipients.RecipientReader;
import circular.replies.ResponseRow.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class EmlScanTest {
  @TempDir Path dir;

  private static List<Source> corpus() {
    return List.of(
        EmlFolderSource.of(Corpus.folder("contact/INBOX")),
        EmlFolderSource.of(Corpus.folder("contact/Archive")),
        EmlFolderSource.of(Corpus.folder("sender/INBOX")));
  }

  @Test
  void theCorpusGivesExactlyTheExpectedResponsesFile() throws Exception {
    Campaign campaign = Corpus.campaignIn(dir);

    ScanReport report = ReplyScan.scan(campaign, Corpus.index(campaign), corpus());

    assertThat(Files.readString(campaign.responses(), StandardCharsets.UTF_8))
        .isEqualTo(Corpus.expectedResponses());
    assertThat(report)
        .isEqualTo(
            new ScanReport(
                24,
                Map.of(Kind.REPLY, 6, Kind.AUTO_REPLY, 6, Kind.BOUNCE, 4, Kind.UNMATCHED, 1),
                6,
                1,
                List.of()));
    assertThat(report.summary())
        .isEqualTo(
            "24 messages: 6 replies, 6 auto-replies, 4 bounces and 1 unmatched added to responses.csv;"
                + " 1 already there; 6 not about the campaign.");
  }

  @Test
  void scanningAgainAddsNoRowAndSaysEveryMessageIsKnownOrNotOurs() throws Exception {
    Campaign campaign = Corpus.campaignIn(dir);
    ReplyScan.scan(campaign, Corpus.index(campaign), corpus());

    ScanReport again = ReplyScan.scan(campaign, Corpus.index(campaign), corpus());

    assertThat(again).isEqualTo(new ScanReport(24, Map.of(), 6, 18, List.of()));
    assertThat(Files.readString(campaign.responses(), StandardCharsets.UTF_8))
        .isEqualTo(Corpus.expectedResponses());
  }

  @Test
  void progressIsReportedForEveryMessageAgainstTheTotal() {
    Campaign campaign = Corpus.campaignIn(dir);
    List<String> calls = new ArrayList<>();

    ReplyScan.scan(
        campaign, Corpus.index(campaign), corpus(), (done, total) -> calls.add(done + "/" + total));

    assertThat(calls).hasSize(25).startsWith("0/24", "1/24").endsWith("24/24");
  }

  /** Each message of the corpus scanned alone: what it is, whose, and how we know. */
  @ParameterizedTest(name = "{0} -> {1} {2} {3}")
  @CsvSource({
    // the contact's mailbox
    "contact/INBOX/01-aut-outlook-reply.eml,         reply,      AUT, thread",
    "contact/INBOX/02-nor-gmail-reply.eml,           reply,      NOR, thread",
    "contact/INBOX/03-mex-no-threading.eml,          reply,      MEX, address",
    "contact/INBOX/04-fra-colleague.eml,             reply,      FRA, domain",
    "contact/INBOX/05-webmail-unmatched.eml,         unmatched,  '',  none",
    "contact/INBOX/06-chl-reply-to-reminder.eml,     reply,      CHL, thread",
    "contact/INBOX/07-newsletter.eml,                -,          -,   -",
    "contact/INBOX/08-unrelated-thread.eml,          -,          -,   -",
    "contact/INBOX/09-aut-other-thread.eml,          -,          -,   -",
    "contact/INBOX/10-deu-before-campaign.eml,       -,          -,   -",
    "contact/INBOX/11-sen-webmail-reply.eml,         reply,      SEN, address",
    // the sender's mailbox: out-of-office replies and delivery reports
    "sender/INBOX/20-aut-exchange-ooo-en.eml,        auto-reply, AUT, thread",
    "sender/INBOX/21-fra-ooo-fr.eml,                 auto-reply, FRA, address",
    "sender/INBOX/22-mex-ooo-es.eml,                 auto-reply, MEX, thread",
    "sender/INBOX/23-deu-ooo-de-no-message-id.eml,   auto-reply, DEU, address",
    "sender/INBOX/24-nor-ooo-via-responder.eml,      auto-reply, NOR, address",
    "sender/INBOX/25-nzl-postfix-dsn.eml,            bounce,     NZL, thread",
    "sender/INBOX/26-bel-exchange-ndr.eml,           bounce,     BEL, address",
    "sender/INBOX/27-swe-qmail-bounce.eml,           bounce,     SWE, thread",
    "sender/INBOX/28-ury-delayed-dsn.eml,            auto-reply, URY, thread",
    "sender/INBOX/29-aut-cc-plain-text-bounce.eml,   bounce,     AUT, address",
    "sender/INBOX/30-unrelated-bounce.eml,           -,          -,   -",
    "sender/INBOX/31-own-letter-copy.eml,            -,          -,   -",
  })
  void eachCaseIsClassifiedAndMatched(String file, String kind, String recipient, String matchedBy)
      throws Exception {
    Path folder = Files.createDirectories(dir.resolve("one"));
    Files.copy(Corpus.folder(file), folder.resolve("message.eml"));
    Campaign campaign = Corpus.campaignIn(dir.resolve("campaign"));

    ReplyScan.scan(campaign, Corpus.index(campaign), List.of(EmlFolderSource.of(folder)));

    List<String> rows =
        ResponseLog.read(campaign.responses()).stream()
            .map(r -> r.kind() + " " + r.recipientId() + " " + r.matchedBy())
            .toList();
    if (kind.equals("-")) {
      assertThat(rows).as("none of the campaign's business").isEmpty();
    } else {
      assertThat(rows).containsExactly(kind + " " + recipient + " " + matchedBy);
    }
  }

  @Test
  void aRowTornByAKilledScanIsCutOffAndWrittenWholeByTheNext() throws Exception {
    Campaign campaign = Corpus.campaignIn(dir);
    String expected = Corpus.expectedResponses();
    String firstRow = expected.substring(0, expected.indexOf('\n', expected.indexOf('\n') + 1) + 1);
    Files.writeString(
        campaign.responses(),
        firstRow
            + "2012-03-26T12:02:11Z,NOR,reply,geneva@nor-mission.example,x,<CAJ7x3pT@mail.gmail.example>,thre");

    ReplyScan.scan(campaign, Corpus.index(campaign), corpus());

    assertThat(Files.readString(campaign.responses(), StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void aSecondScanOfTheSameCampaignMeanwhileIsRefused() {
    Campaign campaign = Corpus.campaignIn(dir);

    try (var running = ScanLock.acquire(campaign.folder())) {
      assertThatThrownBy(() -> ReplyScan.scan(campaign, Corpus.index(campaign), corpus()))
          .isInstanceOf(InputException.class)
          .hasMessage(
              dir
                  + ": another circular is scanning this campaign's mailboxes; wait for it to finish, then run again");
    }
    assertThat(campaign.responses()).doesNotExist();
  }

  @Test
  void aCampaignThatHasSentNothingYetMatchesByTheListsAddressesAlone() {
    Campaign campaign = new Campaign(dir);
    CampaignIndex index =
        CampaignIndex.read(
            campaign,
            Optional.of(new RecipientReader().read(Corpus.root().resolve("recipients.csv"))),
            PublicProviders.standard().plus("webmail.example"));

    ScanReport report = ReplyScan.scan(campaign, index, corpus());

    assertThat(report.problems()).isEmpty();
    assertThat(ResponseLog.read(campaign.responses()))
        .extracting(r -> r.recipientId() + " " + r.matchedBy())
        .containsExactly(
            "MEX address",
            "FRA domain",
            "DEU address",
            "SEN address",
            "FRA address",
            "DEU address",
            "NOR address",
            "NZL address",
            "BEL address",
            "SWE address",
            "URY address",
            "AUT address");
  }

  @Test
  void theSameMessageInTwoFoldersIsOneRow() {
    Campaign campaign = Corpus.campaignIn(dir);

    ScanReport report =
        ReplyScan.scan(
            campaign,
            Corpus.index(campaign),
            List.of(
                EmlFolderSource.of(Corpus.folder("contact/Archive")),
                EmlFolderSource.of(Corpus.folder("contact/INBOX"))));

    List<ResponseRow> rows = ResponseLog.read(campaign.responses());
    assertThat(rows).filteredOn(r -> r.recipientId().equals("AUT")).hasSize(1);
    assertThat(report.alreadyKnown()).isEqualTo(1);
  }
}
