package circular.campaign;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The letters of a run on their way to the connections: each planned letter is claimed once, by a
 * connection that prepares it for itself or by a helper that prepares it ahead into a short queue,
 * so that every core works and no letter waits for a thread hand-off it does not need. A single
 * connection only takes what its helpers prepared, in claim order, so that its letters leave in the
 * list's order. After {@link #stop}, nothing more is claimed, and what was prepared but not sent is
 * discarded. Thread-safe.
 *
 * @param <P> a planned letter
 * @param <R> a prepared one
 */
final class Preparation<P, R> {
  /** Letters prepared ahead, per helper: enough to cover a slow letter without holding many. */
  private static final int AHEAD_PER_HELPER = 4;

  private final List<P> planned;
  private final Function<P, R> prepare;
  private final Consumer<R> discard;
  private final AtomicInteger cursor = new AtomicInteger();

  /** Helpers that may have claimed a letter they have not queued yet. */
  private final AtomicInteger preparing = new AtomicInteger();

  private final BlockingQueue<R> ready;
  private final boolean inOrder;
  private volatile boolean stopped;

  /**
   * @param prepare prepares a letter; may throw, which the calling thread reports
   * @param discard undoes a letter prepared but not sent
   * @param helpers the threads that will call {@link #help}
   * @param inOrder whether letters must reach the connection in claim order: then there is one
   *     helper, and the connection does not prepare letters itself
   */
  Preparation(
      List<P> planned, Function<P, R> prepare, Consumer<R> discard, int helpers, boolean inOrder) {
    if (inOrder && helpers != 1) {
      throw new IllegalArgumentException(
          "letters in order need exactly one helper, not " + helpers);
    }
    this.planned = planned;
    this.prepare = prepare;
    this.discard = discard;
    this.inOrder = inOrder;
    this.ready = new ArrayBlockingQueue<>(Math.max(1, helpers * AHEAD_PER_HELPER));
  }

  /**
   * For a connection: a letter prepared ahead, else the next planned letter prepared now; empty
   * when every letter has been given out or the run stopped.
   */
  Optional<R> next() throws InterruptedException {
    while (!stopped) {
      R ahead = ready.poll();
      if (ahead != null) {
        return Optional.of(ahead);
      }
      Optional<P> claimed = inOrder ? Optional.empty() : claim();
      if (claimed.isPresent()) {
        return Optional.of(prepare.apply(claimed.get()));
      }
      if (preparing.get() == 0 && (!inOrder || cursor.get() >= planned.size())) {
        // a helper queues its letter before it stops counting as preparing
        return Optional.ofNullable(ready.poll());
      }
      ahead = ready.poll(2, TimeUnit.MILLISECONDS);
      if (ahead != null) {
        return Optional.of(ahead);
      }
    }
    return Optional.empty();
  }

  /**
   * For a helper thread: prepares letters ahead of the connections until none is left or the run
   * stops.
   */
  void help() throws InterruptedException {
    while (!stopped) {
      preparing.incrementAndGet();
      try {
        Optional<P> claimed = claim();
        if (claimed.isEmpty()) {
          return;
        }
        R letter = prepare.apply(claimed.get());
        while (!ready.offer(letter, 2, TimeUnit.MILLISECONDS)) {
          if (stopped) {
            discard.accept(letter);
            return;
          }
        }
      } finally {
        preparing.decrementAndGet();
      }
    }
  }

  /**
   * No letter is claimed after this; letters already prepared are left for {@link #discardReady}.
   */
  void stop() {
    stopped = true;
  }

  /** Discards what was prepared ahead and not taken; call once every thread has ended. */
  void discardReady() {
    for (R letter = ready.poll(); letter != null; letter = ready.poll()) {
      discard.accept(letter);
    }
  }

  private Optional<P> claim() {
    if (stopped) {
      return Optional.empty();
    }
    int index = cursor.getAndIncrement();
    return index < planned.size() ? Optional.of(planned.get(index)) : Optional.empty();
  }
}
