package circular.mailbox;

import circular.InputException;
import circular.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Where each IMAP folder's last scan stopped, kept in the campaign's {@code scan-state.csv}:
 * {@code server,user,folder,uidvalidity,last_uid}. A folder whose UIDVALIDITY changed has
 * renumbered its messages and is scanned whole again (rows are de-duplicated by Message-ID, so
 * that costs time, never a duplicate). Rewritten whole, atomically, after the scan's rows are on
 * disk. Used by one thread at a time.
 */
final class ScanState {
  private static final String[] HEADER = {"server", "user", "folder", "uidvalidity", "last_uid"};

  private final Path file;
  private final Map<Key, Mark> marks;

  private ScanState(Path file, Map<Key, Mark> marks) {
    this.file = file;
    this.marks = marks;
  }

  /** One folder of one account on one server. */
  record Key(String server, String user, String folder) {}

  record Mark(long uidValidity, long lastUid) {}

  static ScanState read(Path file) {
    Map<Key, Mark> marks = new LinkedHashMap<>();
    if (Files.exists(file)) {
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser parser = CSVParser.parse(reader, format)) {
        for (CSVRecord r : parser) {
          marks.put(
              new Key(r.get("server"), r.get("user"), r.get("folder")),
              new Mark(Long.parseLong(r.get("uidvalidity")), Long.parseLong(r.get("last_uid"))));
        }
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        throw new InputException(
            Problem.in(file, "cannot be read (" + e.getMessage() + "); delete it to scan every mailbox whole again"));
      }
    }
    return new ScanState(file, marks);
  }

  /** The last UID scanned in the folder, if it was scanned under this UIDVALIDITY. */
  OptionalLong lastUid(Key key, long uidValidity) {
    Mark mark = marks.get(key);
    return mark != null && mark.uidValidity() == uidValidity ? OptionalLong.of(mark.lastUid()) : OptionalLong.empty();
  }

  void mark(Key key, Mark mark) {
    marks.put(key, mark);
  }

  /** Writes the file whole: a new file, then renamed over the old, so a crash leaves one or the other. */
  void write() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
          CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
        printer.printRecord((Object[]) HEADER);
        for (var entry : marks.entrySet()) {
          Key k = entry.getKey();
          printer.printRecord(k.server(), k.user(), k.folder(), entry.getValue().uidValidity(), entry.getValue().lastUid());
        }
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
