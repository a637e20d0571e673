package circular.replies;

import circular.InputException;
import circular.Problem;
import circular.campaign.CsvLog;
import circular.replies.ResponseRow.Kind;
import circular.replies.ResponseRow.MatchedBy;
import circular.server.MessageId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign's {@code responses.csv}: append-only, one row per message that concerns the
 * campaign, never two rows for one Message-ID (the scanner checks {@link #read} before it appends)
 * but one: a message first recorded {@code unmatched} gets another row each time a person says
 * whose reply it is ({@link MatchedBy#HAND}), and {@link #read} gives the last of them in the first
 * one's place. A file written before the {@code detail} column existed is read as it is, and given
 * the column (empty in its old rows) when it is next opened for appending. Used by one thread at a
 * time.
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

  /**
   * What the file says of each message, in its order; none if it does not exist yet. That is every
   * row as written, except that an {@code unmatched} message a person assigned is its {@code hand}
   * row (the last, if a person assigned it again), in the unmatched row's place. Only that: a hand
   * row for a message recorded as anything else (a delegation's own reply, an automatic reply, a
   * bounce), or not recorded before it, changes nothing.
   */
  public static List<ResponseRow> read(Path file) {
    return current(asWritten(file));
  }

  /** Every complete row of the file, as written and in order; none if it does not exist yet. */
  public static List<ResponseRow> asWritten(Path file) {
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

  /**
   * The rows with each unmatched row a later hand row supersedes replaced by it; a later hand row
   * for the same message (a person correcting an assignment) replaces the earlier one.
   */
  static List<ResponseRow> current(List<ResponseRow> rows) {
    List<ResponseRow> current = new ArrayList<>(rows.size());
    Map<String, Integer> unmatched = new HashMap<>(); // Message-ID key -> place in current
    for (ResponseRow row : rows) {
      String key = new MessageId(row.messageId()).key();
      if (row.matchedBy() == MatchedBy.HAND) {
        Integer place = unmatched.get(key);
        if (place != null) {
          current.set(place, row);
        }
      } else {
        if (row.kind() == Kind.UNMATCHED) {
          unmatched.putIfAbsent(key, current.size());
        }
        current.add(row);
      }
    }
    return current;
  }

  private static InputException unknown(Path file, long line, String column, String value) {
    return new InputException(
        Problem.atColumn(file, line, column, "unknown value '" + value + "'"));
  }
}
