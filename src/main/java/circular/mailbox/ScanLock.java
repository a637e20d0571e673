package circular.mailbox;

import circular.InputException;
import circular.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second scan off a campaign while one runs: both would append the same new messages.
 * An operating-system lock on {@code <campaign>/.scan.lock}, so it dies with its process.
 */
final class ScanLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private ScanLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** @throws InputException if another scan holds the campaign */
  static ScanLock acquire(Path campaign) {
    try {
      Files.createDirectories(campaign);
      FileChannel channel =
          FileChannel.open(campaign.resolve(".scan.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new InputException(
            Problem.in(campaign, "another circular is scanning this campaign's mailboxes; wait for it to finish, then run again"));
      }
      return new ScanLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
