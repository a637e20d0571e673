package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.Campaign;
import circular.mailbox.EmlFolderSource;
import circular.mailbox.ImapSource;
import circular.mailbox.ImapUrl;
import circular.mailbox.Source;
import circular.replies.ResponseRow.Kind;
import circular.server.Login;
import circular.server.Login.Mechanism;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan keeps every message it records as a reply or as unmatched (a person may assign it to a
 * delegation), whole, for the digest — from files and over IMAP alike — and no other message.
 */
@Timeout(120)
class KeptRepliesTest {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @TempDir Path dir;

  private static List<Source> files() {
    return List.of(
        EmlFolderSource.of(Corpus.folder("contact/INBOX")),
        EmlFolderSource.of(Corpus.folder("contact/Archive")),
        EmlFolderSource.of(Corpus.folder("sender/INBOX")));
  }

  private static List<ResponseRow> replies(Campaign campaign) {
    return ResponseLog.read(campaign.responses()).stream()
        .filter(r -> r.kind() == Kind.REPLY)
        .toList();
  }

  /** The rows whose messages are kept: the replies, and the unmatched messages. */
  private static List<ResponseRow> keptRows(Campaign campaign) {
    return ResponseLog.read(campaign.responses()).stream()
        .filter(r -> r.kind() == Kind.REPLY || r.kind() == Kind.UNMATCHED)
        .toList();
  }

  private static List<String> kept(Campaign campaign) throws Exception {
    try (Stream<Path> files = Files.list(ReplyCopies.of(campaign).folder())) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> expectedCopies(Campaign campaign) {
    return keptRows(campaign).stream()
        .map(r -> ReplyCopies.of(campaign).file(r.messageId()).getFileName().toString())
        .sorted()
        .toList();
  }

  /** The corpus file whose Message-ID is {@code id}. */
  private static Path source(String id) throws Exception {
    for (String folder : List.of("contact/INBOX", "contact/Archive")) {
      for (Path file : Corpus.messages(folder)) {
        if (id.equals(message(file).getMessageID())) {
          return file;
        }
      }
    }
    throw new AssertionError("no corpus file has " + id);
  }

  private static MimeMessage message(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  /** Every header line, and the body's bytes as sent. */
  private static List<Object> parts(Path file) throws Exception {
    MimeMessage m = message(file);
    try (InputStream raw = m.getRawInputStream()) {
      return List.of(Collections.list(m.getAllHeaderLines()), Arrays.toString(raw.readAllBytes()));
    }
  }

  @Test
  void everyReplyAndUnmatchedMessageReadFromFilesIsKeptByteForByteAndNoOtherMessageIs()
      throws Exception {
    Campaign campaign = Corpus.campaignIn(dir);

    ReplyScan.scan(campaign, Corpus.index(campaign), files());

    assertThat(replies(campaign)).hasSize(6);
    assertThat(keptRows(campaign)).hasSizeGreaterThan(6);
    assertThat(kept(campaign)).isEqualTo(expectedCopies(campaign));
    for (ResponseRow reply : keptRows(campaign)) {
      Path copy = ReplyCopies.of(campaign).file(reply.messageId());
      assertThat(copy).as(reply.recipientId()).hasSameBinaryContentAs(source(reply.messageId()));
    }
  }

  @Test
  void everyReplyReadOverImapIsKeptToo() throws Exception {
    new GreenMailboxes(greenMail).loadCorpus();
    Campaign campaign = Corpus.campaignIn(dir);
    int port = greenMail.getImap().getPort();
    ImapSource inbox =
        ImapSource.of(
            ImapUrl.parse(
                "imap://" + GreenMailboxes.CONTACT_LOGIN + "@127.0.0.1:" + port + "/INBOX"),
            new Login(
                GreenMailboxes.CONTACT_LOGIN, GreenMailboxes.CONTACT_PASSWORD, Mechanism.PASSWORD));

    ReplyScan.scan(campaign, Corpus.index(campaign), List.of(inbox));

    assertThat(replies(campaign))
        .extracting(ResponseRow::recipientId)
        .containsExactly("AUT", "NOR", "MEX", "FRA", "CHL", "SEN");
    assertThat(kept(campaign)).isEqualTo(expectedCopies(campaign));
    for (ResponseRow reply : keptRows(campaign)) {
      // as the server holds it: the headers and body the corpus file has, line ends made CRLF
      Path copy = ReplyCopies.of(campaign).file(reply.messageId());
      assertThat(parts(copy)).as(reply.recipientId()).isEqualTo(parts(source(reply.messageId())));
    }
  }

  @Test
  void aReplyRecordedWithoutItsCopyIsKeptWhenTheScanMeetsItAgainAndNoRowIsAdded() throws Exception {
    Campaign campaign = Corpus.campaignIn(dir);
    ReplyScan.scan(campaign, Corpus.index(campaign), files());
    String responses = Files.readString(campaign.responses());
    try (Stream<Path> copies = Files.list(ReplyCopies.of(campaign).folder())) {
      for (Path copy : copies.toList()) {
        Files.delete(copy); // as a version that kept no copies left the campaign
      }
    }

    ScanReport again = ReplyScan.scan(campaign, Corpus.index(campaign), files());

    assertThat(again).isEqualTo(new ScanReport(24, Map.of(), 6, 18, List.of()));
    assertThat(Files.readString(campaign.responses())).isEqualTo(responses);
    assertThat(kept(campaign))
        .isEqualTo(expectedCopies(campaign))
        .hasSize(keptRows(campaign).size());
  }
}
