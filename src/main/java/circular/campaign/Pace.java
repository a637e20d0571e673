package circular.campaign;

import circular.Pause;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Spaces letters out to at most a given number a minute, across every connection. Thread-safe. */
final class Pace {

  private final long intervalNanos;
  private final Clock clock;
  private long next;

  /** The time, and waiting for it to pass: the system's, or a test's. */
  interface Clock {
    Clock SYSTEM =
        new Clock() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleep(long nanos, BooleanSupplier stopped) throws InterruptedException {
            Pause.of(Duration.ofNanos(nanos), stopped);
          }
        };

    long nanoTime();

    /** Waits {@code nanos}, or less once {@code stopped} says so. */
    void sleep(long nanos, BooleanSupplier stopped) throws InterruptedException;
  }

  /**
   * @param perMinute letters a minute; 0 or less for no limit
   */
  Pace(double perMinute) {
    this(perMinute, Clock.SYSTEM);
  }

  Pace(double perMinute, Clock clock) {
    this.intervalNanos = perMinute > 0 ? (long) (60_000_000_000L / perMinute) : 0;
    this.clock = clock;
    this.next = clock.nanoTime();
  }

  /** Returns when the next letter may go: at once, or one interval after the letter before it. */
  void await() throws InterruptedException {
    await(() -> false);
  }

  /**
   * As {@link #await()}, but returns early, within a tenth of a second, once {@code stopped} says
   * so: a run stopped by Ctrl-C does not wait out a long interval.
   */
  void await(BooleanSupplier stopped) throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = clock.nanoTime();
      long slot = Math.max(now, next);
      next = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      clock.sleep(wait, stopped);
    }
  }
}
