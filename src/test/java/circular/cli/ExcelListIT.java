package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import circular.recipients.Sheets;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Excel workbook in place of the CSV list, through {@code target/circular}. */
class ExcelListIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Path SAMPLE = Path.of("recipients/ccm-states-parties-2012.csv");
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"([^\"]+)\"");

  @TempDir Path dir;

  /** The sample list as a workbook whose second sheet, "Geneva", holds it, every cell as text. */
  private Path sampleWorkbook() throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser csv = CSVParser.parse(SAMPLE, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
      for (CSVRecord record : csv) {
        rows.add(record.toList());
      }
    }
    return new Sheets()
        .sheet("Notes", new Object[] {"Delegations of the States Parties, March 2012"})
        .sheet("Geneva", rows)
        .writeTo(dir.resolve("states.xlsx"));
  }

  @Test
  void lettersFromTheWorkbookAreTheLettersFromTheCsvByteForByte() throws Exception {
    Path workbook = sampleWorkbook();

    JarProcess.Result fromCsv =
        JarProcess.launch(
            PROJECT,
            Map.of(),
            "preview",
            "2012-03-22-nim-invitation",
            SAMPLE.toString(),
            "--format",
            "eml",
            "--out",
            dir.resolve("csv").toString());
    JarProcess.Result fromWorkbook =
        JarProcess.launch(
            PROJECT,
            Map.of(),
            "preview",
            "2012-03-22-nim-invitation",
            workbook + "#Geneva",
            "--format",
            "eml",
            "--out",
            dir.resolve("xlsx").toString());

    assertThat(fromCsv.status()).as(fromCsv.toString()).isZero();
    assertThat(fromWorkbook.status()).as(fromWorkbook.toString()).isZero();
    assertThat(fromWorkbook.out()).isEqualTo("Wrote 70 letters to " + dir.resolve("xlsx") + "\n");
    List<String> names;
    try (Stream<Path> files = Files.list(dir.resolve("csv"))) {
      names = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertThat(names).hasSize(70);
    for (String name : names) {
      assertThat(comparable(dir.resolve("xlsx").resolve(name)))
          .as(name)
          .isEqualTo(comparable(dir.resolve("csv").resolve(name)));
    }
  }

  @Test
  void aWorkbookIsSentLikeTheListItHolds() throws Exception {
    Path workbook = sampleWorkbook();

    JarProcess.Result send =
        JarProcess.launch(
            PROJECT,
            Map.of(),
            "send",
            "2012-03-22-nim-invitation",
            workbook + "#Geneva",
            "--only",
            "BEL,MEX",
            "--campaign",
            dir.resolve("campaign").toString());
    JarProcess.Result status =
        JarProcess.launch(
            PROJECT,
            Map.of(),
            "status",
            "--campaign",
            dir.resolve("campaign").toString(),
            "--awaiting");

    assertThat(send.status()).as(send.toString()).isZero();
    assertThat(send.out())
        .startsWith("Sent 2, deferred 0, failed 0, in doubt 0 (through the sandbox).");
    assertThat(status.status()).as(status.toString()).isZero();
    assertThat(status.out())
        .containsPattern("BEL +Belgium +sent")
        .containsPattern("MEX +Mexico +sent");
  }

  @Test
  void aBareNameFindsTheWorkbookInRecipientsAndASheetAfterAHash() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("office"));
    Path recipients = Files.createDirectories(folder.resolve("recipients"));
    Files.move(sampleWorkbook(), recipients.resolve("states.xlsx"));
    JarProcess.Result bySheet =
        JarProcess.launch(
            folder,
            Map.of(),
            "preview",
            PROJECT.resolve("letter-templates/2012-03-22-nim-invitation").toString(),
            "states#Geneva",
            "--only",
            "BEL");
    Files.copy(SAMPLE, recipients.resolve("states.csv"));
    JarProcess.Result both =
        JarProcess.launch(
            folder,
            Map.of(),
            "preview",
            PROJECT.resolve("letter-templates/2012-03-22-nim-invitation").toString(),
            "states");
    Files.writeString(recipients.resolve("old.xls"), "not read");
    JarProcess.Result old =
        JarProcess.launch(
            folder,
            Map.of(),
            "preview",
            PROJECT.resolve("letter-templates/2012-03-22-nim-invitation").toString(),
            "old.xls");

    assertThat(bySheet.status()).as(bySheet.toString()).isZero();
    assertThat(bySheet.out()).contains("(Belgique)");
    assertThat(both.status()).isEqualTo(2);
    assertThat(both.err())
        .isEqualTo(
            "states: both recipients/states.csv and recipients/states.xlsx exist;"
                + " name the one to use, e.g. recipients/states.xlsx\n1 problem; nothing was written.\n");
    assertThat(old.err())
        .isEqualTo(
            "recipients/old.xls: an Excel 97-2003 workbook, which circular does not read;"
                + " save it as \"Excel Workbook (.xlsx)\" or as CSV UTF-8\n1 problem; nothing was written.\n");
  }

  @Test
  void aProblemInTheWorkbookNamesItsSheetAndCell() throws Exception {
    Path workbook =
        new Sheets()
            .sheet(
                "Geneva",
                new Object[] {
                  "id", "country", "title", "name", "email", "language", "mission", "salutation"
                },
                new Object[] {
                  "AUT",
                  "Austria",
                  "H.E. Mr.",
                  "Georg Lindner",
                  "geneva@aut-mission.example",
                  "en",
                  "Permanent Mission of Austria",
                  "Excellency,"
                },
                new Object[] {
                  "FRA",
                  "France",
                  "S.E. M.",
                  "Laurent Berthier",
                  "x",
                  "fr",
                  "Mission",
                  "Excellence,"
                })
            .writeTo(dir.resolve("states.xlsx"));

    JarProcess.Result run =
        JarProcess.launch(
            PROJECT, Map.of(), "preview", "2012-03-22-nim-invitation", workbook + "#Geneva");

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            workbook
                + "#Geneva!E3: 'x' is not an email address\n1 problem; nothing was written.\n");
  }

  @Test
  void numbersAndDatesInCellsReachTheLetterAsAPersonReadsThem() throws Exception {
    Path letter = Files.createDirectories(dir.resolve("letter"));
    Files.writeString(
        letter.resolve("letter.html"),
        "<html><body><p th:text=\"|Telephone ${phone}, meeting of ${meeting}|\">x</p></body></html>\n");
    Files.writeString(
        letter.resolve("letter.properties"),
        "subject = Meeting\nfrom = Office <office@mission.example>\n");
    Path workbook =
        new Sheets()
            .sheet(
                "Sheet1",
                new Object[] {"id", "email", "phone", "meeting"},
                new Object[] {
                  "AUT", "a@aut-mission.example", 41220000000L, LocalDate.of(2012, 4, 18)
                })
            .writeTo(dir.resolve("numbers.xlsx"));

    JarProcess.Result run =
        JarProcess.launch(PROJECT, Map.of(), "preview", letter.toString(), workbook.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).endsWith("\nTelephone 41220000000, meeting of 2012-04-18\n");
  }

  /**
   * A letter's .eml, part by part, without what differs from one run to the next: its Date and
   * Message-ID (and the References that repeat it), the MIME boundaries (and so where a header
   * folds), and inside its PDF the time it was printed and the file identifier made from that time.
   * Every other header and every part's bytes, as encoded in the file, are kept.
   */
  private static String comparable(Path eml) throws Exception {
    MimeMessage message;
    try (InputStream in = Files.newInputStream(eml)) {
      message = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    StringBuilder out = new StringBuilder();
    for (Header header : Collections.list(message.getAllHeaders())) {
      if (!List.of("Date", "Message-ID", "References").contains(header.getName())) {
        out.append(header.getName())
            .append(": ")
            .append(boundaryless(header.getValue()))
            .append('\n');
      }
    }
    part(message.getContent(), out);
    return out.toString();
  }

  /**
   * A header's value unfolded, its boundary left out: where a line folds depends on the boundary's
   * length.
   */
  private static String boundaryless(String value) {
    // where a header is folded depends on the random boundary's length: folding is not content
    String unfolded = MimeUtility.unfold(value).replaceAll("\\s+", " ");
    return BOUNDARY.matcher(unfolded).replaceAll("boundary=\"…\"");
  }

  private static void part(Object content, StringBuilder out) throws Exception {
    if (!(content instanceof Multipart multipart)) {
      return;
    }
    for (int i = 0; i < multipart.getCount(); i++) {
      MimeBodyPart part = (MimeBodyPart) multipart.getBodyPart(i);
      out.append("--\n");
      for (Header header : Collections.list(part.getAllHeaders())) {
        out.append(header.getName())
            .append(": ")
            .append(boundaryless(header.getValue()))
            .append('\n');
      }
      if (part.isMimeType("multipart/*")) {
        part(part.getContent(), out);
      } else if (part.isMimeType("application/pdf")) {
        byte[] pdf = part.getInputStream().readAllBytes();
        out.append(
                HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(withoutPrintTime(pdf))))
            .append('\n');
      } else {
        out.append(new String(part.getRawInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
            .append('\n');
      }
    }
  }

  private static byte[] withoutPrintTime(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      document.getDocumentInformation().setCreationDate(null);
      COSArray id = new COSArray();
      id.add(new COSString("id"));
      id.add(new COSString("id"));
      document.getDocument().getTrailer().setItem(COSName.ID, id);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }
}
