package circular;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A wait that a stopped run cuts short: it sleeps in slices of a tenth of a second and looks at
 * {@code stopped} between them, so that a Ctrl-C never waits out a long interval or backoff.
 */
public final class Pause {
  private static final long SLICE_NANOS = 100_000_000;

  private Pause() {}

  /**
   * Waits {@code length}, or less once {@code stopped} says so.
   *
   * @return whether the whole length was waited without a stop
   */
  public static boolean of(Duration length, BooleanSupplier stopped) throws InterruptedException {
    long end = System.nanoTime() + length.toNanos();
    for (long left = length.toNanos(); left > 0; left = end - System.nanoTime()) {
      if (stopped.getAsBoolean()) {
        return false;
      }
      long slice = Math.min(left, SLICE_NANOS);
      Thread.sleep(slice / 1_000_000, (int) (slice % 1_000_000));
    }
    return !stopped.getAsBoolean();
  }
}
