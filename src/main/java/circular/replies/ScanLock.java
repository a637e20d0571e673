package circular.replies;

import circular.campaign.CampaignLock;
import java.nio.file.Path;

/**
 * Keeps a second scan off a campaign while one runs: both would append the same new messages. A
 * {@link CampaignLock} of its own, {@code <campaign>/.scan.lock}, so a scan and a send may run
 * together.
 */
final class ScanLock {
  private ScanLock() {}

  /**
   * @throws circular.InputException if another scan holds the campaign
   */
  static CampaignLock acquire(Path campaign) {
    return CampaignLock.acquire(
        campaign,
        ".scan.lock",
        "another circular is scanning this campaign's mailboxes; wait for it to finish, then run again");
  }
}
