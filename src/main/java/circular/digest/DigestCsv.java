package circular.digest;

import circular.files.SpreadsheetCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code digest.csv}: {@code id,country,received,from,subject,text,attachments}, one row per reply,
 * for a spreadsheet. UTF-8 with a byte-order mark (without it Excel reads the accents of a French
 * reply as Latin-1), RFC 4180 quoting, rows ended by CRLF and line breaks inside the text kept as
 * the spreadsheet's own line breaks; no cell runs as a formula ({@link SpreadsheetCells}). {@code
 * received} is ISO-8601 UTC as in {@code responses.csv}; {@code attachments} are the file names in
 * {@code <id>/}, {@code ;}-separated.
 */
final class DigestCsv {
  static final List<String> HEADER =
      List.of("id", "country", "received", "from", "subject", "text", "attachments");
  private static final String BOM = "\uFEFF";
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

  private DigestCsv() {}

  static String of(List<Answer> answers) {
    StringBuilder csv = new StringBuilder(BOM);
    try {
      FORMAT.printRecord(csv, HEADER.toArray());
      for (Answer a : answers) {
        FORMAT.printRecord(
            csv,
            SpreadsheetCells.line(a.id()),
            SpreadsheetCells.line(a.country()),
            SpreadsheetCells.line(a.received().toString()),
            SpreadsheetCells.line(a.from()),
            SpreadsheetCells.line(a.subject()),
            SpreadsheetCells.lines(a.text()),
            SpreadsheetCells.line(String.join(";", a.files())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return csv.toString();
  }

  /**
   * What tells one reply from another across compilations: the delegation, the time, the sender.
   */
  static String key(Answer a) {
    return key(
        SpreadsheetCells.line(a.id()),
        SpreadsheetCells.line(a.received().toString()),
        SpreadsheetCells.line(a.from()));
  }

  /**
   * The {@link #key}s of the replies in a {@code digest.csv} written before; none if there is none
   * or it cannot be read.
   */
  static Set<String> keys(Path file) {
    Set<String> keys = new HashSet<>();
    if (!Files.isRegularFile(file)) {
      return keys;
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      try (CSVParser parser =
          CSVParser.parse(text.startsWith(BOM) ? text.substring(1) : text, format)) {
        for (CSVRecord r : parser) {
          if (r.isSet("id") && r.isSet("received") && r.isSet("from")) {
            keys.add(key(r.get("id"), r.get("received"), r.get("from")));
          }
        }
      }
    } catch (IOException
        | UncheckedIOException
        | IllegalArgumentException
        | IllegalStateException e) {
      keys.clear(); // edited by hand into something else: every reply counts as new, nothing worse
    }
    return keys;
  }

  private static String key(String id, String received, String from) {
    return id + "\n" + received + "\n" + from;
  }
}
