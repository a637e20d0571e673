package circular.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignLockTest {
  @TempDir Path campaign;

  @Test
  void aSecondSendOnTheCampaignIsRefusedUntilTheFirstLetsGo() {
    try (CampaignLock first = CampaignLock.acquire(campaign)) {
      assertThatThrownBy(() -> CampaignLock.acquire(campaign))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(
              campaign
                  + ": another circular is sending this campaign (pid "
                  + ProcessHandle.current().pid()
                  + ", since ")
          .hasMessageEndingWith("); wait for it to finish, or stop it, then run again");
    }

    CampaignLock.acquire(campaign).close();
  }

  @Test
  void theHoldersStartIsShownToTheSecondInLocalTimeWithItsZone() {
    try (CampaignLock first = CampaignLock.acquire(campaign)) {
      assertThatThrownBy(() -> CampaignLock.acquire(campaign))
          .hasMessageMatching(
              ".*\\(pid \\d+, since \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [^ ]+\\); wait .*");
    }

    CampaignLock.acquire(campaign).close();
  }

  @Test
  void aScanAndASendHoldLocksOfTheirOwn() {
    try (CampaignLock send = CampaignLock.acquire(campaign);
        CampaignLock scan = CampaignLock.acquire(campaign, ".scan.lock", "scanning%s")) {
      assertThatThrownBy(() -> CampaignLock.acquire(campaign, ".scan.lock", "scanning%s"))
          .hasMessageStartingWith(campaign + ": scanning (pid ");
    }
  }

  @Test
  void theLockOfAnotherProcessHoldsAndDiesWithItsProcess() throws Exception {
    Process holder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                campaign.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS))
          .isEqualTo("locked");

      assertThatThrownBy(() -> CampaignLock.acquire(campaign))
          .isInstanceOf(InputException.class)
          .hasMessageContaining(
              "another circular is sending this campaign (pid " + holder.pid() + ", since ");
      assertThat(CampaignLock.holder(campaign))
          .hasValueSatisfying(h -> assertThat(h).startsWith("pid " + holder.pid() + ", since "));

      holder.destroyForcibly(); // kill -9: no chance to let go of anything
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(CampaignLock.holder(campaign)).isEmpty();
      CampaignLock.acquire(campaign).close();
    } finally {
      holder.destroyForcibly();
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
