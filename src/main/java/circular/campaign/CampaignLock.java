package circular.campaign;

import circular.InputException;
import circular.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a second {@code send} (or a second mailbox scan) off a campaign while one runs. An
 * operating-system file lock: it dies with its process, so a run started right after a crash (or
 * {@code kill -9}) is not blocked. The file holds the owner's pid and start time, for the message.
 */
public final class CampaignLock implements AutoCloseable {
  /**
   * When the holder started, on this computer's clock and to the second, as {@code status} shows
   * times: {@code 2012-03-23 11:00:07 CET}.
   */
  private static final DateTimeFormatter SINCE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH)
          .withZone(ZoneId.systemDefault());

  private final FileChannel channel;
  private final FileLock lock;

  private CampaignLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws InputException if another {@code send} holds the campaign
   */
  public static CampaignLock acquire(Path campaign) {
    return acquire(
        campaign,
        ".lock",
        "another circular is sending this campaign%s; wait for it to finish, or stop it, then run again");
  }

  /**
   * Takes the lock file {@code file} of the campaign for one kind of work.
   *
   * @param busy the message when another process holds it; a {@code %s} there is replaced by the
   *     holder's pid and start time
   * @throws InputException if another process holds it
   */
  public static CampaignLock acquire(Path campaign, String file, String busy) {
    Path lockFile = campaign.resolve(file);
    try {
      Files.createDirectories(campaign);
      FileChannel channel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String owner = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
        channel.close();
        throw new InputException(
            Problem.in(campaign, String.format(busy, owner.isEmpty() ? "" : " (" + owner + ")")));
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              ("pid " + ProcessHandle.current().pid() + ", since " + SINCE.format(Instant.now()))
                  .getBytes(StandardCharsets.UTF_8)),
          0);
      return new CampaignLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Who holds the campaign's sending lock now, if another process does ({@code pid 4242, since …}):
   * a {@code send} or {@code remind} under way. Looks by taking the lock for an instant; a run that
   * starts in that instant is told another one is sending, and may simply be run again.
   */
  public static Optional<String> holder(Path campaign) {
    Path lockFile = campaign.resolve(".lock");
    if (!Files.isRegularFile(lockFile)) {
      return Optional.empty();
    }
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this process holds it
      }
      if (lock != null) {
        lock.release();
        return Optional.empty();
      }
      String owner = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
      return Optional.of(owner.isEmpty() ? "another process" : owner);
    } catch (IOException e) {
      return Optional.empty(); // cannot be told: shown as if nothing ran
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
