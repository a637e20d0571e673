package circular.campaign;

import circular.InputException;
import circular.Problem;
import circular.files.SpreadsheetCells;
import circular.files.WholeFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An append-only CSV file that opens in a spreadsheet: UTF-8, a header row, RFC 4180 quoting, and
 * no cell that a spreadsheet would run as a formula (a server reply or a stranger's subject line
 * starting with {@code =} gets a leading apostrophe). Appends are thread-safe; {@link #sync} makes
 * them durable, one {@code fsync} serving every thread that waits for it.
 *
 * <p>A row may also be made durable in the background ({@link #syncSoon}) while its writer goes on,
 * and waited for later ({@link #awaitDurable}): one syncing thread, started at the first such row,
 * runs one {@code fsync} after another for as long as rows are waiting, each covering every row
 * written before it began.
 */
public final class CsvLog implements AutoCloseable {
  /**
   * How rows reach the disk: an {@code fsync} of the file's data, unless a test slows it down or
   * fails it.
   */
  interface Force {
    void force(FileChannel channel) throws IOException;
  }

  static final Force FSYNC = channel -> channel.force(false);

  private final FileChannel channel;
  private final Force force;
  private final Object syncLock = new Object();
  private long written;
  private volatile long durable;

  /** The last row asked for by {@link #syncSoon}; guarded by {@code syncLock}, as the two below. */
  private long wanted;

  private IOException syncFailure;
  private Thread syncer;

  private CsvLog(FileChannel channel, Force force) {
    this.channel = channel;
    this.force = force;
  }

  /**
   * Opens {@code file} for appending, writing {@code header} if it is new. A last row torn by a
   * killed process (no final line break) is cut off: it was never made durable, so nothing depended
   * on it. A file written before the header's last columns existed is {@link #widen widened} first.
   */
  public static CsvLog open(Path file, List<String> header) {
    return open(file, header, FSYNC);
  }

  /** {@link #open(Path, List)}, the rows made durable by {@code force}. */
  static CsvLog open(Path file, List<String> header, Force force) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      widen(file, header);
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long size = channel.size();
      if (size > 0) {
        channel.truncate(endOfLastLine(channel, size));
      }
      channel.position(channel.size());
      CsvLog log = new CsvLog(channel, force);
      if (channel.size() == 0) {
        log.append(header);
        log.sync(log.written);
      }
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Gives a log whose header is the start of {@code header} — written by a version that did not
   * have the last columns yet — those columns, empty in every row. The file is written anew as a
   * {@link WholeFile}, so that a crash leaves the old or the new, whole. Any other file is left as
   * it is.
   */
  private static void widen(Path file, List<String> header) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
      for (CSVRecord record : parser) {
        rows.add(record.toList());
      }
    } catch (UncheckedIOException | MalformedInputException e) {
      return; // not a log this class can read: reading it says so
    }
    if (rows.isEmpty()) {
      return;
    }
    List<String> old = rows.get(0);
    if (old.size() >= header.size() || !header.subList(0, old.size()).equals(old)) {
      return;
    }
    if (!Files.readString(file, StandardCharsets.UTF_8).endsWith("\n")) {
      rows.remove(rows.size() - 1); // torn by a killed process: never durable, cut off as below
    }
    StringBuilder widened = new StringBuilder(format(header));
    for (List<String> row : rows.subList(1, rows.size())) {
      List<String> cells = new ArrayList<>(row);
      while (cells.size() < header.size()) {
        cells.add("");
      }
      widened.append(format(cells));
    }
    WholeFile.replace(file, widened.toString());
  }

  /** Writes a row (to the operating system, so it survives the process) and returns its number. */
  public long append(List<String> cells) {
    ByteBuffer bytes = ByteBuffer.wrap(format(cells).getBytes(StandardCharsets.UTF_8));
    synchronized (this) {
      try {
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return ++written;
    }
  }

  /**
   * Returns once row {@code row} and all before it are on disk; the calling thread runs the {@code
   * fsync}.
   */
  public void sync(long row) {
    if (durable >= row) {
      return;
    }
    synchronized (syncLock) {
      if (durable >= row) {
        return;
      }
      try {
        forceNow();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Has row {@code row} made durable in the background, with the rows before it; see {@link
   * #awaitDurable}.
   */
  void syncSoon(long row) {
    if (durable >= row) {
      return;
    }
    synchronized (syncLock) {
      if (row > wanted) {
        wanted = row;
        if (syncer == null) {
          syncer = new Thread(this::syncWhileWanted, "circular-log-sync");
          syncer.setDaemon(true); // it ends with the log; a daemon only so as never to hold the JVM
          syncer.start();
        }
        syncLock.notifyAll();
      }
    }
  }

  /**
   * Returns once row {@code row}, asked for with {@link #syncSoon}, is on disk.
   *
   * @throws IOException when the {@code fsync} that would have covered it failed; every later wait
   *     fails too, since the disk can no longer be trusted with the log
   */
  void awaitDurable(long row) throws IOException {
    if (durable >= row) {
      return;
    }
    synchronized (syncLock) {
      while (durable < row) {
        if (syncFailure != null) {
          throw new IOException(
              "the log could not be made durable: " + syncFailure.getMessage(), syncFailure);
        }
        if (wanted < row) {
          throw new IllegalStateException("row " + row + " was never asked to be made durable");
        }
        try {
          syncLock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for the log to be durable");
        }
      }
    }
  }

  /**
   * The syncing thread: an {@code fsync} whenever a row is wanted that is not durable yet. The lock
   * is not held during the {@code fsync}, so that rows go on being written and asked for meanwhile;
   * they are covered by the next one.
   */
  private void syncWhileWanted() {
    Thread self = Thread.currentThread();
    while (true) {
      synchronized (syncLock) {
        while (syncer == self && syncFailure == null && wanted <= durable) {
          try {
            syncLock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (syncer != self || syncFailure != null) {
          return;
        }
      }
      long upTo = writtenSoFar();
      IOException failed = null;
      try {
        force.force(channel);
      } catch (IOException e) {
        failed = e;
      }
      synchronized (syncLock) {
        if (failed != null) {
          syncFailure = failed;
        } else {
          durable = Math.max(durable, upTo);
        }
        syncLock.notifyAll();
      }
    }
  }

  /**
   * One {@code fsync} of every row written so far, by the calling thread, which holds {@code
   * syncLock}.
   */
  private void forceNow() throws IOException {
    long upTo = writtenSoFar();
    force.force(channel);
    durable = Math.max(durable, upTo);
    syncLock.notifyAll();
  }

  private synchronized long writtenSoFar() {
    return written;
  }

  @Override
  public void close() {
    Thread stopping;
    synchronized (syncLock) {
      stopping = syncer;
      syncer = null;
      syncLock.notifyAll();
    }
    try {
      if (stopping != null) {
        stopping.join();
      }
      sync(written);
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing the log", e);
    }
  }

  /** Turns one record of a log back into a value; {@code line} is for messages. */
  public interface RowReader<T> {
    T read(CSVRecord record, long line);
  }

  /**
   * Every complete row of a log written by this class, in order; none if the file does not exist. A
   * row torn by a killed process is passed over: it was never durable.
   *
   * @param what the log's name in messages, e.g. "campaign log"
   * @throws InputException if the file cannot be read as such a log
   */
  public static <T> List<T> readAll(Path file, String what, RowReader<T> rows) {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<T> all = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      // A last row without its line break was cut short, even when its cells are all there (the
      // last one may not be whole): passed over, as the next open for appending cuts it off.
      boolean torn = !endsWithLineBreak(file);
      Iterator<CSVRecord> records = parser.iterator();
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long line = parser.getCurrentLineNumber();
        if (record.isConsistent() && !(torn && !records.hasNext())) {
          all.add(rows.read(record, line));
        }
      }
    } catch (IOException
        | UncheckedIOException
        | DateTimeParseException
        | IllegalArgumentException e) {
      throw new InputException(
          Problem.in(file, "cannot be read as a " + what + ": " + e.getMessage()));
    }
    return all;
  }

  private static boolean endsWithLineBreak(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        return true;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.read(last, size - 1);
      return last.get(0) == '\n';
    }
  }

  static String format(List<String> cells) {
    StringBuilder line = new StringBuilder();
    try {
      CSVFormat.RFC4180.printRecord(line, cells.stream().map(SpreadsheetCells::line).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line.toString().replace("\r\n", "\n").replace("\r", " ");
  }

  private static long endOfLastLine(FileChannel channel, long size) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    for (long at = size - 1; at >= 0; at--) {
      one.clear();
      channel.read(one, at);
      if (one.get(0) == '\n') {
        return at + 1;
      }
    }
    return 0;
  }
}
