package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arabic and Hebrew letters printed by the packaged jar, whose ICU4J keeps only the data
 * right-to-left text needs: the text still runs right to left and Arabic is still shaped.
 */
class RightToLeftJarIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void arabicAndHebrewLettersAreSetRightToLeftAndArabicIsShaped() throws Exception {
    Path letter = Files.createDirectories(dir.resolve("letter"));
    Files.writeString(
        letter.resolve("letter.html"),
        "<html><body><p th:text=\"${name}\">x</p><p th:text=\"${mission}\">x</p><p th:text=\"#{closing}\">x</p></body></html>\n");
    Files.writeString(
        letter.resolve("letter.properties"),
        "subject = Letter\nfrom = Office <office@mission.example>\nclosing = Yours sincerely\n");
    Files.writeString(
        letter.resolve("letter_ar.properties"),
        "lang = ar\nclosing = وَتَفَضَّلُوا بِقَبُولِ فَائِقِ الاحْتِرَامِ (٢٠١٢) «ب»\n");
    Files.writeString(
        letter.resolve("letter_he.properties"), "lang = he\nclosing = בכבוד רב (2012) [א] «ב»\n");
    Path list = dir.resolve("list.csv");
    Files.writeString(
        list,
        "id,name,mission,language,email\n"
            + "IRQ,عبد الله الحسيني,البعثة الدائمة لجمهورية العراق,ar,a@irq.example\n"
            + "ISR,דוד לוי,המשלחת הקבועה של ישראל,he,a@isr.example\n");

    JarProcess.Result run =
        JarProcess.launch(
            PROJECT,
            Map.of(),
            "preview",
            letter.toString(),
            list.toString(),
            "--format",
            "pdf",
            "--out",
            dir.resolve("pdf").toString());

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    Glyphs arabic = Glyphs.of(dir.resolve("pdf/IRQ.pdf"));
    Glyphs hebrew = Glyphs.of(dir.resolve("pdf/ISR.pdf"));
    // joined forms (U+FE70–U+FEFF): the letters connected as Arabic is written
    assertThat(arabic.text.codePoints().filter(c -> c >= 0xFE70 && c <= 0xFEFF).count())
        .isGreaterThan(30);
    assertThat(hebrew.text.codePoints().filter(c -> c >= 0x05D0 && c <= 0x05EA).count())
        .isGreaterThan(20);
    // flush with the right margin, far from the left one (24 mm = 68 pt)
    assertThat(arabic.leftmost).isGreaterThan(250f);
    assertThat(hebrew.leftmost).isGreaterThan(250f);
  }

  /** The glyphs of a PDF's first page, as drawn, and where the leftmost one stands. */
  private static final class Glyphs extends PDFTextStripper {
    final StringBuilder text = new StringBuilder();
    float leftmost = Float.MAX_VALUE;

    static Glyphs of(Path pdf) throws IOException {
      try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
        Glyphs glyphs = new Glyphs();
        glyphs.getText(document);
        return glyphs;
      }
    }

    @Override
    protected void writeString(String string, List<TextPosition> positions) {
      for (TextPosition glyph : positions) {
        leftmost = Math.min(leftmost, glyph.getXDirAdj());
        text.append(glyph.getUnicode());
      }
    }
  }
}
