package circular.replies;

/**
 * Hears how far a scan has got, for a progress bar on a terminal. Called on the scanning thread
 * after each message, and once at the start with {@code done == 0}.
 */
@FunctionalInterface
public interface ScanProgress {
  ScanProgress NONE = (done, total) -> {};

  /**
   * @param done messages looked at so far
   * @param total messages listed in every source that could be opened
   */
  void update(int done, int total);
}
