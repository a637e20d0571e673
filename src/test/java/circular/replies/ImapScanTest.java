package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import circular.campaign.Campaign;
import circular.mailbox.ImapSource;
import circular.mailbox.ImapUrl;
import circular.mailbox.Source;
import circular.replies.ResponseRow.Kind;
import circular.sandbox.TestMail;
import circular.server.Login;
import circular.server.Login.Mechanism;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ImapScanTest {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @TempDir Path dir;
  private GreenMailboxes mailboxes;
  private Campaign campaign;
  private CampaignIndex index;

  @BeforeEach
  void loadTheCorpus() throws Exception {
    mailboxes = new GreenMailboxes(greenMail).loadCorpus();
    campaign = Corpus.campaignIn(dir);
    index = Corpus.index(campaign);
  }

  private static ImapSource source(String user, String folder, String secret, Mechanism mechanism) {
    int port = greenMail.getImap().getPort();
    return ImapSource.of(
        ImapUrl.parse("imap://" + user + "@127.0.0.1:" + port + "/" + folder),
        new Login(user, secret, mechanism));
  }

  private static ImapSource source(String user, String folder, String password) {
    return source(user, folder, password, Mechanism.PASSWORD);
  }

  private static List<Source> corpus() {
    return List.of(
        source(GreenMailboxes.CONTACT_LOGIN, "INBOX", GreenMailboxes.CONTACT_PASSWORD),
        source(GreenMailboxes.CONTACT_LOGIN, "Archive", GreenMailboxes.CONTACT_PASSWORD),
        source(GreenMailboxes.SENDER_LOGIN, "INBOX", GreenMailboxes.SENDER_PASSWORD));
  }

  private String responses() throws Exception {
    return Files.readString(campaign.responses(), StandardCharsets.UTF_8);
  }

  @Test
  void aScanThatCouldReadNoMailboxLeavesNoResponsesLog() throws Exception {
    ImapSource nowhere =
        ImapSource.of(
            ImapUrl.parse("imap://contact@127.0.0.1:" + TestMail.freePort() + "/INBOX"),
            new Login("contact", "secret", Mechanism.PASSWORD));

    ScanReport report = ReplyScan.scan(campaign, index, List.of(nowhere));

    assertThat(report.problems()).singleElement().asString().contains("127.0.0.1");
    assertThat(campaign.responses())
        .as("remind takes responses.csv to mean that replies were read")
        .doesNotExist();

    ReplyScan.scan(campaign, index, corpus());

    assertThat(responses()).isNotEmpty();
  }

  @Test
  void theCorpusReadOverImapGivesExactlyTheRowsItGivesFromFiles() throws Exception {
    ScanReport report = ReplyScan.scan(campaign, index, corpus());

    assertThat(responses()).isEqualTo(Corpus.expectedResponses());
    assertThat(report)
        .isEqualTo(
            new ScanReport(
                24,
                Map.of(Kind.REPLY, 6, Kind.AUTO_REPLY, 6, Kind.BOUNCE, 4, Kind.UNMATCHED, 1),
                6,
                1,
                List.of()));
  }

  @Test
  void aSecondScanFetchesNothingAndAddsNothing() throws Exception {
    ReplyScan.scan(campaign, index, corpus());

    ScanReport again = ReplyScan.scan(campaign, index, corpus());

    assertThat(again).isEqualTo(new ScanReport(0, Map.of(), 0, 0, List.of()));
    assertThat(responses()).isEqualTo(Corpus.expectedResponses());
  }

  @Test
  void aMessageDeliveredAfterAScanIsFoundByTheNextOneAlone() throws Exception {
    ReplyScan.scan(campaign, index, corpus());
    Path late = dir.resolve("late");
    Files.createDirectories(late);
    Files.writeString(
        late.resolve("bel-reply.eml"),
        "From: Mission de Belgique <geneve@bel-mission.example>\r\n"
            + "To: nim-contact@mission-coordinator.example\r\n"
            + "Subject: RE: mesures nationales d'application\r\n"
            + "Date: Tue, 10 Apr 2012 09:15:00 +0200\r\n"
            + "Message-ID: <late-reply-1@bel-mission.example>\r\n"
            + "In-Reply-To: <m0yq3k2.4e153dcaba64b30a23c6cdcb@mission-coordinator.example>\r\n"
            + "\r\n"
            + "La Belgique interviendra le 17 avril.\r\n");
    mailboxes.append(mailboxes.contact, "INBOX", List.of(late.resolve("bel-reply.eml")));

    ScanReport next = ReplyScan.scan(campaign, index, corpus());

    assertThat(next).isEqualTo(new ScanReport(1, Map.of(Kind.REPLY, 1), 0, 0, List.of()));
    assertThat(responses())
        .endsWith(
            "2012-04-10T07:15:00Z,BEL,reply,geneve@bel-mission.example,RE: mesures nationales d'application,"
                + "<late-reply-1@bel-mission.example>,thread,\n");
  }

  @Test
  void aMessageWithoutADateIsDatedByTheServersInternalDate() throws Exception {
    MimeMessage undated =
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(
                ("From: geneve@bel-mission.example\r\n"
                        + "To: nim-contact@mission-coordinator.example\r\n"
                        + "Subject: Re: mesures nationales d'application\r\n"
                        + "Message-ID: <undated@bel-mission.example>\r\n"
                        + "\r\n"
                        + "Sans date.\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
    mailboxes
        .folder(mailboxes.contact, "INBOX")
        .appendMessage(undated, new Flags(), Date.from(Instant.parse("2012-04-11T08:30:00Z")));

    ReplyScan.scan(campaign, index, corpus());

    assertThat(responses())
        .contains(
            "\n2012-04-11T08:30:00Z,BEL,reply,geneve@bel-mission.example,Re: mesures nationales d'application,"
                + "<undated@bel-mission.example>,address,\n");
  }

  @Test
  void scanningLeavesEveryMessageUnseen() throws Exception {
    ReplyScan.scan(campaign, index, corpus());

    assertThat(mailboxes.all()).hasSize(24).noneMatch(m -> m.isSet(Flags.Flag.SEEN));
  }

  @Test
  void aFolderWhoseUidValidityChangedIsScannedWholeAgainWithoutDuplicates() throws Exception {
    ReplyScan.scan(campaign, index, corpus());
    Path state = campaign.scanState();
    List<String> lines = Files.readAllLines(state, StandardCharsets.UTF_8);
    // the contact's INBOX was renumbered (a restored mailbox, a migrated server): another
    // UIDVALIDITY
    lines.set(1, lines.get(1).replaceFirst(",INBOX,\\d+,", ",INBOX,1,"));
    Files.write(state, lines, StandardCharsets.UTF_8);

    ScanReport rescan = ReplyScan.scan(campaign, index, corpus());

    assertThat(rescan).isEqualTo(new ScanReport(11, Map.of(), 4, 7, List.of()));
    assertThat(responses()).isEqualTo(Corpus.expectedResponses());
  }

  @Test
  void anOAuth2AccessTokenLogsInWithXoauth2() throws Exception {
    // GreenMail accepts the user's password as the XOAUTH2 access token
    ImapSource inbox =
        source(
            GreenMailboxes.CONTACT_LOGIN,
            "INBOX",
            GreenMailboxes.CONTACT_PASSWORD,
            Mechanism.XOAUTH2);

    ScanReport report = ReplyScan.scan(campaign, index, List.of(inbox));

    assertThat(report.problems()).isEmpty();
    assertThat(report.messages()).isEqualTo(11);
  }

  @Test
  void aRefusedLoginIsReportedWithoutTheSecretAndTheOtherMailboxesAreStillScanned()
      throws Exception {
    ImapSource wrong = source(GreenMailboxes.CONTACT_LOGIN, "INBOX", "not-the-password");
    ImapSource sender =
        source(GreenMailboxes.SENDER_LOGIN, "INBOX", GreenMailboxes.SENDER_PASSWORD);

    ScanReport report = ReplyScan.scan(campaign, index, List.of(wrong, sender));

    assertThat(report.problems())
        .containsExactly(
            "imap://nim-contact@127.0.0.1:"
                + greenMail.getImap().getPort()
                + "/INBOX: the server refused the login for 'nim-contact' (LOGIN failed. Invalid login/password for user id nim-contact)");
    assertThat(report.messages()).isEqualTo(12);
    assertThat(report.added(Kind.BOUNCE)).isEqualTo(4);
  }

  @Test
  void aFolderThatDoesNotExistIsTheUsersMistakeAndNothingIsRecordedFromTheOtherMailboxes() {
    ImapSource sender =
        source(GreenMailboxes.SENDER_LOGIN, "INBOX", GreenMailboxes.SENDER_PASSWORD);
    ImapSource missing =
        source(GreenMailboxes.CONTACT_LOGIN, "Replies", GreenMailboxes.CONTACT_PASSWORD);

    assertThatThrownBy(() -> ReplyScan.scan(campaign, index, List.of(sender, missing)))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "imap://nim-contact@127.0.0.1:"
                + greenMail.getImap().getPort()
                + "/Replies: no folder 'Replies' on this server (folder names are case-sensitive, except INBOX)");
    assertThat(ResponseLog.read(campaign.responses())).isEmpty();
  }
}
