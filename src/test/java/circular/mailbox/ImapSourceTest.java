package circular.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import circular.server.Login;
import circular.server.Login.Mechanism;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The session settings an IMAP scan connects with; the connections themselves are in ImapScanTest.
 */
class ImapSourceTest {
  private static Properties properties(String url, Mechanism mechanism) {
    return ImapSource.of(ImapUrl.parse(url), new Login("contact", "x", mechanism)).properties();
  }

  @Test
  void plainImapToAnotherMachineRequiresStarttls() {
    Properties p = properties("imap://contact@imap.mission.example/INBOX", Mechanism.PASSWORD);

    assertThat(p)
        .containsEntry("mail.imap.starttls.enable", "true")
        .containsEntry("mail.imap.starttls.required", "true");
  }

  @Test
  void onLoopbackStarttlsIsUsedWhenOfferedButNotRequired() {
    Properties p = properties("imap://contact@127.0.0.1:3143/INBOX", Mechanism.PASSWORD);

    assertThat(p)
        .containsEntry("mail.imap.starttls.enable", "true")
        .containsEntry("mail.imap.starttls.required", "false");
  }

  @Test
  void certificatesAreCheckedTimeoutsSetAndNothingIsMarkedSeen() {
    Properties p = properties("imaps://contact@imap.mission.example/INBOX", Mechanism.PASSWORD);

    assertThat(p)
        .containsEntry("mail.imaps.ssl.checkserveridentity", "true")
        .containsEntry("mail.imaps.peek", "true")
        .containsKeys(
            "mail.imaps.connectiontimeout", "mail.imaps.timeout", "mail.imaps.writetimeout")
        .doesNotContainKeys("mail.imaps.ssl.trust", "mail.imaps.auth.mechanisms");
  }

  @Test
  void anAccessTokenLogsInWithXoauth2() {
    Properties p = properties("imaps://contact@outlook.office365.example/INBOX", Mechanism.XOAUTH2);

    assertThat(p).containsEntry("mail.imaps.auth.mechanisms", "XOAUTH2");
  }

  @Test
  void theSourceIsNamedWithoutItsSecret() {
    ImapSource source =
        ImapSource.of(
            ImapUrl.parse("imaps://contact@imap.mission.example/INBOX"),
            new Login("contact", "hunter2", Mechanism.PASSWORD));

    assertThat(source).hasToString("imaps://contact@imap.mission.example:993/INBOX");
  }
}
