package circular.cli;

import circular.sandbox.MailboxSummary;
import circular.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code circular sandbox} prints when it is ready: where to connect, what is there, how to
 * answer.
 */
final class SandboxBanner {
  private SandboxBanner() {}

  static String text(Path campaign, Sandbox sandbox, Duration saveInterval) {
    Path mailboxDir = campaign.resolve("sandbox");
    StringBuilder text = new StringBuilder();
    text.append("Sandbox mail server for ").append(campaign).append(", on this computer only:\n");
    text.append("  SMTP  ")
        .append(sandbox.host())
        .append(':')
        .append(sandbox.smtpPort())
        .append('\n');
    text.append("  IMAP  ")
        .append(sandbox.host())
        .append(':')
        .append(sandbox.imapPort())
        .append('\n');
    text.append("  Any user name and password are accepted; no encryption (no SSL/TLS).\n");
    text.append('\n');
    List<MailboxSummary> mailboxes = withEmptyInboxes(sandbox.mailboxes(), mailboxDir);
    if (mailboxes.isEmpty()) {
      text.append("Mailboxes in ").append(mailboxDir).append(": none yet.\n");
    } else {
      text.append("Mailboxes in ").append(mailboxDir).append(":\n");
      int userWidth = mailboxes.stream().mapToInt(m -> m.user().length()).max().orElse(0);
      int folderWidth = mailboxes.stream().mapToInt(m -> m.folder().length()).max().orElse(0);
      for (MailboxSummary mailbox : mailboxes) {
        text.append(
            String.format(
                "  %-" + userWidth + "s  %-" + folderWidth + "s  %d\n",
                mailbox.user(),
                mailbox.folder(),
                mailbox.messages()));
      }
    }
    text.append('\n');
    text.append("To answer a letter as a delegation, set up a mail client with the delegation's\n");
    text.append(
        "address as user name, any password and the servers above, and reply; or stop the\n");
    text.append("sandbox and drop .eml files into ")
        .append(mailboxDir.resolve("<address>").resolve("INBOX"))
        .append("/.\n");
    text.append("Mail is saved every ")
        .append(saveInterval.toSeconds())
        .append(" seconds and on exit. Press Ctrl-C to stop.\n");
    return text.toString();
  }

  /**
   * The mailboxes that hold mail, and the INBOX folders made ready on disk while still empty:
   * {@code send} makes the letter's contact's, where replies dropped as files are looked for.
   */
  private static List<MailboxSummary> withEmptyInboxes(
      List<MailboxSummary> withMail, Path mailboxDir) {
    List<MailboxSummary> all = new ArrayList<>(withMail);
    try (Stream<Path> users = Files.list(mailboxDir)) {
      for (Path user : users.toList()) {
        String name = user.getFileName().toString();
        if (Files.isDirectory(user.resolve("INBOX"))
            && all.stream().noneMatch(m -> m.user().equals(name) && m.folder().equals("INBOX"))) {
          all.add(new MailboxSummary(name, "INBOX", 0));
        }
      }
    } catch (IOException e) {
      return withMail; // no folder yet, or unreadable: the mailboxes with mail alone
    }
    all.sort(Comparator.comparing(MailboxSummary::user).thenComparing(MailboxSummary::folder));
    return all;
  }
}
