package circular.mail;

import java.time.Duration;
import java.util.List;

/**
 * How long to wait before each retry of a letter the server turned away for now (a 4xx reply, or a
 * connection lost before the letter's data was complete). Its length is the number of retries.
 * Immutable.
 *
 * <pre>{@code Backoff.standard()  // 3 retries: after 2 s, 6 s and 15 s}</pre>
 */
public record Backoff(List<Duration> delays) {
  public Backoff {
    delays = List.copyOf(delays);
    if (delays.stream().anyMatch(d -> d.isNegative())) {
      throw new IllegalArgumentException("a backoff delay cannot be negative: " + delays);
    }
  }

  /** Three retries, after 2, 6 and 15 seconds: well under a minute in all. */
  public static Backoff standard() {
    return of(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(15));
  }

  /** No retry at all. */
  public static Backoff none() {
    return new Backoff(List.of());
  }

  public static Backoff of(Duration... delays) {
    return new Backoff(List.of(delays));
  }

  public int retries() {
    return delays.size();
  }

  /** The wait before retry {@code n}, counted from 0. */
  public Duration before(int n) {
    return delays.get(n);
  }
}
