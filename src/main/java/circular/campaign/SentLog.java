package circular.campaign;

import circular.InputException;
import circular.Problem;
import circular.mail.Gate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The campaign's {@code sent.csv}: append-only, one row per event, read back to know where each
 * letter stands. A recipient's state for a letter is its last row other than {@code test}.
 */
public final class SentLog implements AutoCloseable {
  private final CsvLog log;

  private SentLog(CsvLog log) {
    this.log = log;
  }

  public static SentLog open(Path file) {
    return open(file, CsvLog.FSYNC);
  }

  /**
   * A log whose rows are made durable by {@code force}: for tests that slow the disk down or fail
   * it.
   */
  static SentLog open(Path file, CsvLog.Force force) {
    return new SentLog(CsvLog.open(file, SentRow.HEADER, force));
  }

  /** Appends the row and waits until it is on disk. */
  public void appendDurably(SentRow row) {
    log.sync(log.append(row.cells()));
  }

  /**
   * Appends a letter's {@code sending} row before its transaction: written at once, so that it
   * survives the process, and made durable in the background while the transaction begins. The gate
   * returned lets the letter be handed over once the row is on disk; it fails if the row cannot be
   * made durable.
   */
  public Gate appendBeforeHandover(SentRow row) {
    long written = log.append(row.cells());
    log.syncSoon(written);
    return () -> log.awaitDurable(written);
  }

  /** Appends the row; it survives the process at once, and the disk with the next durable row. */
  public void append(SentRow row) {
    log.append(row.cells());
  }

  @Override
  public void close() {
    log.close();
  }

  /** Every row of the file, in order; none if it does not exist yet. */
  public static List<SentRow> read(Path file) {
    return CsvLog.readAll(
        file,
        "campaign log",
        (record, line) ->
            new SentRow(
                Instant.parse(record.get("time")),
                record.get("letter"),
                record.get("recipient_id"),
                record.get("email"),
                record.get("message_id"),
                Status.of(record.get("status"))
                    .orElseThrow(
                        () ->
                            new InputException(
                                Problem.at(
                                    file, line, "unknown status '" + record.get("status") + "'"))),
                record.get("detail")));
  }

  /** Each recipient's last row for {@code letter}, ignoring test rows; keys are lower-case ids. */
  public static Map<String, SentRow> latest(List<SentRow> rows, String letter) {
    Map<String, SentRow> latest = new LinkedHashMap<>();
    for (SentRow row : rows) {
      if (row.letter().equals(letter) && row.status() != Status.TEST) {
        latest.put(row.recipientId().toLowerCase(Locale.ROOT), row);
      }
    }
    return latest;
  }
}
