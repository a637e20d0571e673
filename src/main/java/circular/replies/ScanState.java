package circular.replies;

import circular.InputException;
import circular.Problem;
import circular.files.WholeFile;
import circular.mailbox.Bookmarks;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The campaign's {@link Bookmarks}: where each IMAP folder's last scan stopped, kept in its {@code
 * scan-state.csv}: {@code server,user,folder,uidvalidity,last_uid}. A folder whose UIDVALIDITY
 * changed has renumbered its messages and is scanned whole again (rows are de-duplicated by
 * Message-ID, so that costs time, never a duplicate). Rewritten whole, atomically, after the scan's
 * rows are on disk. Used by one thread at a time.
 */
final class ScanState implements Bookmarks {
  private static final String[] HEADER = {"server", "user", "folder", "uidvalidity", "last_uid"};

  private final Path file;
  private final Map<Folder, Mark> marks;

  private ScanState(Path file, Map<Folder, Mark> marks) {
    this.file = file;
    this.marks = marks;
  }

  static ScanState read(Path file) {
    Map<Folder, Mark> marks = new LinkedHashMap<>();
    if (Files.exists(file)) {
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser parser = CSVParser.parse(reader, format)) {
        for (CSVRecord r : parser) {
          marks.put(
              new Folder(r.get("server"), r.get("user"), r.get("folder")),
              new Mark(Long.parseLong(r.get("uidvalidity")), Long.parseLong(r.get("last_uid"))));
        }
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        throw new InputException(
            Problem.in(
                file,
                "cannot be read ("
                    + e.getMessage()
                    + "); delete it to scan every mailbox whole again"));
      }
    }
    return new ScanState(file, marks);
  }

  @Override
  public OptionalLong lastUid(Folder folder, long uidValidity) {
    Mark mark = marks.get(folder);
    return mark != null && mark.uidValidity() == uidValidity
        ? OptionalLong.of(mark.lastUid())
        : OptionalLong.empty();
  }

  @Override
  public void mark(Folder folder, Mark mark) {
    marks.put(folder, mark);
  }

  /** Writes the file whole, a {@link WholeFile}: a crash leaves the old bookmarks or the new. */
  void write() {
    StringBuilder csv = new StringBuilder();
    try (CSVPrinter printer =
        new CSVPrinter(csv, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      printer.printRecord((Object[]) HEADER);
      for (Map.Entry<Folder, Mark> entry : marks.entrySet()) {
        Folder f = entry.getKey();
        printer.printRecord(
            f.server(),
            f.user(),
            f.folder(),
            entry.getValue().uidValidity(),
            entry.getValue().lastUid());
      }
      WholeFile.replace(file, csv.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
