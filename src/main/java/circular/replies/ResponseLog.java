package circular.replies;

import circular.InputException;
import circular.Problem;
import circular.campaign.CsvLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The campaign's {@code responses.csv}: append-only, one row per message that concerns the
 * campaign, never two rows for one Message-ID (the scanner checks {@link #read} before it appends).
 * A file written before the {@code detail} column existed is read as it is, and given the column
 * (empty in its old rows) when it is next opened for appending. Used by one thread at a time.
 */
public final class ResponseLog implements AutoCloseable {
  private final CsvLog log;

  private ResponseLog(CsvLog log) {
    this.log = log;
  }

  public static ResponseLog open(Path file) {
    return new ResponseLog(CsvLog.open(file, ResponseRow.HEADER));
  }

  /** Appends the row; it survives the process at once, and the disk once the log is closed. */
  public void append(ResponseRow row) {
    log.append(row.cells());
  }

  /** Returns once every row appended so far is on disk. */
  public void sync() {
    log.sync(Long.MAX_VALUE);
  }

  /** Closes the log, every row on disk. */
  @Override
  public void close() {
    log.close();
  }

  /** Every row of the file, in order; none if it does not exist yet. */
  public static List<ResponseRow> read(Path file) {
    return CsvLog.readAll(
        file,
        "responses log",
        (record, line) ->
            new ResponseRow(
                Instant.parse(record.get("received")),
                record.get("recipient_id"),
                ResponseRow.Kind.of(record.get("kind"))
                    .orElseThrow(() -> unknown(file, line, "kind", record.get("kind"))),
                record.get("from"),
                record.get("subject"),
                record.get("message_id"),
                ResponseRow.MatchedBy.of(record.get("matched_by"))
                    .orElseThrow(() -> unknown(file, line, "matched_by", record.get("matched_by"))),
                record.isMapped("detail") ? record.get("detail") : ""));
  }

  private static InputException unknown(Path file, long line, String column, String value) {
    return new InputException(
        Problem.atColumn(file, line, column, "unknown value '" + value + "'"));
  }
}
