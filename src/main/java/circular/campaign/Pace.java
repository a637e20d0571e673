package circular.campaign;

/** Spaces letters out to at most a given number a minute, across every connection. Thread-safe. */
final class Pace {
  private final long intervalNanos;
  private long next = System.nanoTime();

  /** @param perMinute letters a minute; 0 or less for no limit */
  Pace(double perMinute) {
    this.intervalNanos = perMinute > 0 ? (long) (60_000_000_000L / perMinute) : 0;
  }

  void await() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, next);
      next = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
