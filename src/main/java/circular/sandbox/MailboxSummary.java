package circular.sandbox;

/**
 * One folder of one user's mailbox and how many messages it holds: {@code
 * nim-contact@mission-coordinator.example INBOX 3}. Sub-folders are written with '/', as on disk.
 */
public record MailboxSummary(String user, String folder, int messages) {
  public MailboxSummary {
    if (user == null || user.isBlank() || folder == null || folder.isBlank() || messages < 0) {
      throw new IllegalArgumentException(
          "a mailbox needs a user, a folder and a count of 0 or more");
    }
  }
}
