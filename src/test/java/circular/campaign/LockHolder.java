package circular.campaign;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another process holding a campaign's lock, for {@link CampaignLockTest}: takes the lock, says
 * {@code locked}, and holds it until its standard input closes or it is killed.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws IOException {
    try (CampaignLock lock = CampaignLock.acquire(Path.of(args[0]))) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the lock
      }
    }
  }
}
