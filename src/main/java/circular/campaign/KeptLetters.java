package circular.campaign;

import circular.letters.Letter;
import circular.recipients.Recipient;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The letters the preflight rendered, kept for sending so that each is rendered once, when the
 * whole list's letters fit in a share of the heap; a list too long for it keeps none, and its
 * letters are rendered again when their turn comes, so memory stays flat however long the list
 * (keeping part of a long list would hold the heap for little). A letter is given out once and then
 * forgotten. Thread-safe.
 */
final class KeptLetters {
  /** The share of the heap kept letters may take. */
  private static final int HEAP_SHARE = 8;

  private final long[] lines;
  private final AtomicReferenceArray<Letter> letters;
  private final AtomicLong room;
  private volatile boolean decided;

  /**
   * @param recipients the list, in its order (lines increasing)
   */
  KeptLetters(List<Recipient> recipients, long budgetBytes) {
    this.lines = recipients.stream().mapToLong(Recipient::line).toArray();
    this.letters = new AtomicReferenceArray<>(lines.length);
    boolean ordered = true;
    for (int i = 1; i < lines.length && ordered; i++) {
      ordered = lines[i - 1] < lines[i];
    }
    this.room =
        new AtomicLong(ordered ? budgetBytes : 0); // found by line: without order, keep none
  }

  static KeptLetters forHeap(List<Recipient> recipients) {
    return new KeptLetters(recipients, Runtime.getRuntime().maxMemory() / HEAP_SHARE);
  }

  /** Whether there is room left for letters at all. */
  boolean hasRoom() {
    return room.get() > 0;
  }

  /** A list that keeps nothing: nothing is rendered for it beyond what the check needs. */
  static KeptLetters none(List<Recipient> recipients) {
    return new KeptLetters(recipients, 0);
  }

  /**
   * Whether a letter about {@code estimate} bytes large may still be kept, and if so takes its
   * room. The first letter decides for the list: if the list's letters would not all fit, the room
   * goes and none is kept.
   */
  boolean reserve(long estimate) {
    if (!decided) {
      synchronized (this) {
        if (!decided && estimate * lines.length > room.get()) {
          room.set(0);
        }
        decided = true;
      }
    }
    long left = room.addAndGet(-estimate);
    if (left >= 0) {
      return true;
    }
    room.addAndGet(estimate);
    return false;
  }

  /**
   * The room a letter takes: two bytes a character of its bodies and subject, and its other fields.
   */
  static long estimate(Letter letter) {
    return 2L * (letter.html().length() + letter.text().length() + letter.subject().length()) + 512;
  }

  void keep(int index, Letter letter) {
    letters.set(index, letter);
  }

  /** The letter kept for {@code recipient}, if there is one; it is not kept any longer. */
  Optional<Letter> take(Recipient recipient) {
    int index = Arrays.binarySearch(lines, recipient.line());
    if (index < 0) {
      return Optional.empty();
    }
    Letter letter = letters.getAndSet(index, null);
    if (letter != null && letter.recipient() != recipient) {
      letters.set(index, letter); // another row on the same line (not a list of this preflight)
      return Optional.empty();
    }
    return Optional.ofNullable(letter);
  }
}
