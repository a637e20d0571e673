package circular.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PaceTest {
  /** A clock that moves only when told, or when a letter waits on it. */
  private static final class TestClock implements Pace.Clock {
    long now = 1_000_000_000L;
    final List<Duration> waits = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(long nanos, BooleanSupplier stopped) {
      waits.add(Duration.ofNanos(nanos));
      now += nanos;
    }

    void pass(Duration d) {
      now += d.toNanos();
    }
  }

  @Test
  void thirtyAMinuteSendsTheFirstAtOnceThenOneEveryTwoSeconds() throws InterruptedException {
    TestClock clock = new TestClock();
    Pace pace = new Pace(30, clock);

    for (int i = 0; i < 3; i++) {
      pace.await();
    }

    assertThat(clock.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void timeSpentSendingCountsTowardsTheInterval() throws InterruptedException {
    TestClock clock = new TestClock();
    Pace pace = new Pace(30, clock);

    pace.await();
    clock.pass(Duration.ofMillis(1500)); // the server took its time over the first letter
    pace.await();
    clock.pass(Duration.ofSeconds(5)); // and longer over the second
    pace.await();

    assertThat(clock.waits).containsExactly(Duration.ofMillis(500));
  }

  @Test
  @Timeout(10)
  void aStoppedRunDoesNotWaitOutItsInterval() throws InterruptedException {
    Pace pace = new Pace(1, Pace.Clock.SYSTEM); // the next letter in a minute

    pace.await(() -> false);
    pace.await(() -> true); // stopped (a Ctrl-C): returns at once, not a minute later
  }

  @Test
  void noRateMeansNoWait() throws InterruptedException {
    TestClock clock = new TestClock();
    Pace pace = new Pace(0, clock);

    for (int i = 0; i < 100; i++) {
      pace.await();
    }

    assertThat(clock.waits).isEmpty();
  }

  @Test
  void connectionsShareOnePace() throws InterruptedException {
    List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    Pace.Clock stopped =
        new Pace.Clock() {
          @Override
          public long nanoTime() {
            return 0;
          }

          @Override
          public void sleep(long nanos, BooleanSupplier stopped) {
            waits.add(Duration.ofNanos(nanos));
          }
        };
    Pace pace = new Pace(60, stopped);
    List<Thread> connections = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      connections.add(
          new Thread(
              () -> {
                try {
                  pace.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }));
    }
    connections.forEach(Thread::start);
    for (Thread t : connections) {
      t.join();
    }

    // whichever came first went at once; each of the others was given a second of its own
    assertThat(waits)
        .containsExactlyInAnyOrder(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
  }
}
