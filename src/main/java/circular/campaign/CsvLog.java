package circular.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;

/**
 * An append-only CSV file that opens in a spreadsheet: UTF-8, a header row, RFC 4180 quoting, and
 * no cell that a spreadsheet would run as a formula (a server reply or a stranger's subject line
 * starting with {@code =} gets a leading apostrophe). Appends are thread-safe; {@link #sync}
 * makes them durable, one {@code fsync} serving every thread that waits for it.
 */
final class CsvLog implements AutoCloseable {
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\u2028\u2029]");

  private final FileChannel channel;
  private final Object syncLock = new Object();
  private long written;
  private volatile long durable;

  private CsvLog(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Opens {@code file} for appending, writing {@code header} if it is new. A last row torn by a
   * killed process (no final line break) is cut off: it was never made durable, so nothing
   * depended on it.
   */
  static CsvLog open(Path file, List<String> header) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long size = channel.size();
      if (size > 0) {
        channel.truncate(endOfLastLine(channel, size));
      }
      channel.position(channel.size());
      CsvLog log = new CsvLog(channel);
      if (channel.size() == 0) {
        log.append(header);
        log.sync(log.written);
      }
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a row (to the operating system, so it survives the process) and returns its number. */
  synchronized long append(List<String> cells) {
    String line = format(cells);
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ++written;
  }

  /** Returns once row {@code row} and all before it are on disk. */
  void sync(long row) {
    if (durable >= row) {
      return;
    }
    synchronized (syncLock) {
      if (durable >= row) {
        return;
      }
      long upTo;
      synchronized (this) {
        upTo = written;
      }
      try {
        channel.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      durable = upTo;
    }
  }

  @Override
  public void close() {
    try {
      sync(written);
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String format(List<String> cells) {
    StringBuilder line = new StringBuilder();
    try {
      CSVFormat.RFC4180.printRecord(line, cells.stream().map(CsvLog::defused).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line.toString().replace("\r\n", "\n").replace("\r", " ");
  }

  /** A cell a spreadsheet would evaluate, made inert; control characters become spaces. */
  private static String defused(String cell) {
    String clean = cell == null ? "" : CONTROL.matcher(cell).replaceAll(" ");
    return !clean.isEmpty() && "=+-@".indexOf(clean.charAt(0)) >= 0 ? "'" + clean : clean;
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
