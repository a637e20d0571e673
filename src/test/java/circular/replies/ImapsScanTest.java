package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import circular.campaign.Campaign;
import circular.mailbox.ImapSource;
import circular.mailbox.ImapUrl;
import circular.mailbox.Source;
import circular.server.Login;
import circular.server.Login.Mechanism;
import circular.server.TrustFile;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ImapsScanTest {
  private static final TestTls TLS = TestTls.install();

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.IMAPS.dynamicPort());

  @TempDir Path dir;
  private Campaign campaign;
  private CampaignIndex index;

  @BeforeEach
  void loadTheCorpus() throws Exception {
    new GreenMailboxes(greenMail).loadCorpus();
    campaign = Corpus.campaignIn(dir);
    index = Corpus.index(campaign);
  }

  private static List<Source> corpus(String host, Optional<TrustFile> trust) {
    String at = "@" + host + ":" + greenMail.getImaps().getPort() + "/";
    Login contact =
        new Login(
            GreenMailboxes.CONTACT_LOGIN, GreenMailboxes.CONTACT_PASSWORD, Mechanism.PASSWORD);
    return List.of(
        ImapSource.of(
            ImapUrl.parse("imaps://" + GreenMailboxes.CONTACT_LOGIN + at + "INBOX"),
            contact,
            trust),
        ImapSource.of(
            ImapUrl.parse("imaps://" + GreenMailboxes.CONTACT_LOGIN + at + "Archive"),
            contact,
            trust),
        ImapSource.of(
            ImapUrl.parse("imaps://" + GreenMailboxes.SENDER_LOGIN + at + "INBOX"),
            new Login(
                GreenMailboxes.SENDER_LOGIN, GreenMailboxes.SENDER_PASSWORD, Mechanism.PASSWORD),
            trust));
  }

  @Test
  void theCorpusIsReadOverImapsTrustingTheCertificateNamedInAPemFile() throws Exception {
    ScanReport report =
        ReplyScan.scan(campaign, index, corpus("localhost", Optional.of(TrustFile.of(TLS.pem()))));

    assertThat(report.problems()).isEmpty();
    assertThat(Files.readString(campaign.responses(), StandardCharsets.UTF_8))
        .isEqualTo(Corpus.expectedResponses());
  }

  @Test
  void aPkcs12TrustFileServesAsWell() {
    TrustFile trust = new TrustFile(TLS.pkcs12(), Optional.of(TestTls.TRUST_PASSWORD));

    ScanReport report = ReplyScan.scan(campaign, index, corpus("localhost", Optional.of(trust)));

    assertThat(report.problems()).isEmpty();
    assertThat(report.addedTotal()).isEqualTo(17);
  }

  @Test
  void withoutATrustFileASelfSignedServerIsRefused() {
    ScanReport report =
        ReplyScan.scan(campaign, index, corpus("localhost", Optional.empty()).subList(0, 1));

    assertThat(report.problems())
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith("imaps://nim-contact@localhost:" + greenMail.getImaps().getPort() + "/INBOX: ")
        .contains("the server's certificate is not trusted (")
        .endsWith("; to trust a test server, name its certificate with --imap-trust FILE");
    assertThat(report.messages()).isZero();
  }

  @Test
  void aCertificateWithTheSameNamesButAnotherKeyIsRefused() {
    ScanReport report =
        ReplyScan.scan(
            campaign,
            index,
            corpus("localhost", Optional.of(TrustFile.of(TLS.impostor()))).subList(0, 1));

    assertThat(report.problems())
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("the server's certificate is not trusted");
    assertThat(report.messages()).isZero();
  }
}
