package circular.letters;

import static org.assertj.core.api.Assertions.assertThat;

import circular.recipients.Recipient;
import circular.recipients.RecipientReader;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Letters printed as PDFs and read back with PDFBox. */
class LetterPdfTest {
  private static final Path SAMPLE = Path.of("letter-templates/2012-03-22-nim-invitation");
  private static final Path LIST = Path.of("recipients/ccm-states-parties-2012.csv");
  private static final String NAMES =
      "id,country,name,mission,language,email\n"
          + "RUS,Russia,Ольга Петровна Иванова,Постоянное представительство,en,a@rus.example\n"
          + "IRQ,Iraq,عبد الله الحسيني,البعثة الدائمة لجمهورية العراق,en,a@irq.example\n"
          + "ISR,Israel,דוד לוי,Μόνιμη αντιπροσωπεία της Ελλάδας,en,a@isr.example\n";
  private static final String TWO_LANGUAGES =
      "id,country,language,email\nIRQ,Iraq,ar,a@irq.example\nGBR,United Kingdom,en,a@gbr.example\n";

  @TempDir Path dir;

  private static Recipient sample(String id) {
    return new RecipientReader().read(LIST).only(Set.of(id)).recipients().get(0);
  }

  /**
   * The text without page numbers or white space: a page or a line may break anywhere, even inside
   * an address.
   */
  private static String squeezed(String text) {
    return PdfPages.normalized(text).replaceAll("– \\d+ –", "").replace(" ", "");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AUT | 22 March 2012 | H.E. Mr. Georg Lindner | Yours sincerely",
        "FRA | Le 22 mars 2012 | S.E. M. Laurent Berthier | Je vous prie d'agréer l'assurance de ma haute considération.",
        "MEX | 22 de marzo de 2012 | Excmo. Sr. Alejandro Durán Ortega | Aprovecho la oportunidad para reiterarle las seguridades de mi más alta consideración."
      })
  void theSampleLetterPrintsOnA4InTheDelegationsLanguageWithEveryParagraphInOrder(
      String id, String date, String addressee, String closing) {
    LetterTemplate template = LetterTemplate.load(SAMPLE);
    Letter letter = template.render(sample(id));

    PdfPages pdf = PdfPages.of(template.pdf(letter));

    assertThat(pdf.width()).isCloseTo(595.3f, Offset.offset(0.5f));
    assertThat(pdf.height()).isCloseTo(841.9f, Offset.offset(0.5f));
    assertThat(pdf.pages()).isEqualTo(2);
    assertThat(pdf.words()).contains(date, addressee, closing, "Dell Higgie");
    String printed = squeezed(pdf.words());
    int at = 0;
    for (Element block : Jsoup.parse(letter.html()).select("p, li")) {
      int found = printed.indexOf(squeezed(block.text()), at);
      assertThat(found).as("in order in the PDF: %s", block.text()).isGreaterThanOrEqualTo(at);
      at = found;
    }
    assertThat(pdf.fonts()).contains("DejaVuSerif", "DejaVuSerif-Bold");
  }

  @Test
  void cyrillicGreekArabicAndHebrewNamesSurvive() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p th:text=\"${name}\">x</p>\n<p th:text=\"${mission}\">x</p>")
            .properties("")
            .load();
    for (Recipient r : LetterFolder.list(dir, NAMES).recipients()) {
      PdfPages pdf = PdfPages.of(template.pdf(template.render(r)));

      String words = pdf.words();
      assertThat(words)
          .as(r.id())
          .contains(r.fields().get("name"))
          .contains(r.fields().get("mission"));
    }
  }

  @Test
  void arabicIsShapedAndSetInAFontThatHasIt() {
    LetterTemplate template =
        new LetterFolder(dir).html("<p th:text=\"${name}\">x</p>").properties("").load();
    Recipient iraq = LetterFolder.list(dir, NAMES).recipients().get(1);

    byte[] printed = template.pdf(template.render(iraq));

    // the glyphs drawn are the joined forms (U+FE70–U+FEFF): letters connected as Arabic is written
    assertThat(
            TextPositions.glyphs(printed)
                .codePoints()
                .filter(c -> c >= 0xFE70 && c <= 0xFEFF)
                .count())
        .isGreaterThan(10);
    assertThat(PdfPages.of(printed).fonts()).contains("DejaVuSerif", "DejaVuSans");
  }

  @Test
  void dejaVuSansIsNamedOnlyForCharactersSerifLacks() {
    assertThat(
            PdfFonts.serifCovers(
                "Excellence, l'État « parties » – 16–19 avril 2012 … 5 € Ελλάδα Україна ǅ"))
        .isTrue();
    assertThat(PdfFonts.serifCovers("عبد الله")).isFalse();
    assertThat(PdfFonts.serifCovers("דוד")).isFalse();
    assertThat(PdfFonts.serifCovers("Tel. ☎ 41 22")).isFalse();
  }

  @Test
  void aCharacterSerifLacksIsPrintedInSans() {
    LetterTemplate template =
        new LetterFolder(dir).html("<p>Telephone ☎ and ✈</p>").properties("").load();

    PdfPages pdf =
        PdfPages.of(
            template.pdf(template.render(LetterFolder.list(dir, NAMES).recipients().get(0))));

    assertThat(pdf.fonts()).contains("DejaVuSerif", "DejaVuSans");
    assertThat(pdf.words()).contains("☎").contains("✈");
  }

  @Test
  void pagesAreNumberedFromTheSecond() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html(
                "<p th:each=\"i : ${#numbers.sequence(1, 90)}\" th:text=\"|Paragraph ${i} of the letter.|\">x</p>")
            .properties("")
            .load();
    Recipient r = LetterFolder.list(dir, NAMES).recipients().get(0);

    PdfPages pdf = PdfPages.of(template.pdf(template.render(r)));

    assertThat(pdf.pages()).isGreaterThanOrEqualTo(3);
    assertThat(pdf.text().get(0)).doesNotContain("– 1 –");
    for (int page = 2; page <= pdf.pages(); page++) {
      assertThat(pdf.text().get(page - 1)).as("page %d", page).contains("– " + page + " –");
    }
  }

  @Test
  void theLetterheadImageIsPrintedOnTopOfTheFirstPageOnly() throws IOException {
    LetterFolder folder =
        new LetterFolder(dir)
            .html(
                "<p th:each=\"i : ${#numbers.sequence(1, 60)}\" th:text=\"|Paragraph ${i}.|\">x</p>")
            .properties("pdf.letterhead = letterhead.png\n");
    ImageIO.write(
        new BufferedImage(600, 80, BufferedImage.TYPE_INT_RGB),
        "png",
        folder.folder.resolve("letterhead.png").toFile());
    // as typed on the command line: relative to the working folder
    LetterTemplate template =
        LetterTemplate.load(Path.of("").toAbsolutePath().relativize(folder.folder));

    PdfPages pdf =
        PdfPages.of(
            template.pdf(template.render(LetterFolder.list(dir, NAMES).recipients().get(0))));

    assertThat(pdf.images().get(0)).isEqualTo(1);
    assertThat(pdf.images().subList(1, pdf.pages())).containsOnly(0);
  }

  @Test
  void aTemplateThatIsHtmlButNotXhtmlStillPrints() {
    LetterTemplate template =
        new LetterFolder(dir)
            .file(
                "letter.html",
                "<!DOCTYPE html>\n<html><head><title>x</title></head><body>\n"
                    + "<p>Dear&nbsp;Excellency,<br>with unclosed tags<p>and a second <b>paragraph\n<ul><li>one<li>two</ul>\n")
            .properties("")
            .load();

    PdfPages pdf =
        PdfPages.of(
            template.pdf(template.render(LetterFolder.list(dir, NAMES).recipients().get(0))));

    assertThat(pdf.words())
        .isEqualTo("Dear Excellency, with unclosed tags and a second paragraph one two");
  }

  @Test
  void printingReadsNothingFromTheNetworkNorOutsideTheLetterFolder() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    try {
      String remote = "http://127.0.0.1:" + server.getAddress().getPort();
      LetterFolder folder =
          new LetterFolder(dir)
              .file(
                  "letter.html",
                  "<!DOCTYPE html>\n<html><head><title>x</title>"
                      + "<link rel=\"stylesheet\" href=\""
                      + remote
                      + "/style.css\"/></head><body>\n"
                      + "<p><img src=\""
                      + remote
                      + "/seal.png\"/><img src=\"../outside.png\"/><img src=\"inside.png\"/></p>\n</body></html>\n")
              .properties("");
      ImageIO.write(
          new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB),
          "png",
          dir.resolve("outside.png").toFile());
      ImageIO.write(
          new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB),
          "png",
          folder.folder.resolve("inside.png").toFile());
      LetterTemplate template = folder.load();

      PdfPages pdf =
          PdfPages.of(
              template.pdf(template.render(LetterFolder.list(dir, NAMES).recipients().get(0))));

      assertThat(requests).hasValue(0);
      assertThat(pdf.images()).containsExactly(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aRightToLeftLetterIsSetRightToLeft() {
    LetterTemplate template =
        new LetterFolder(dir)
            .html("<p th:text=\"#{greeting}\">x</p>")
            .properties("greeting = Excellency,\n")
            .file("letter_ar.properties", "greeting = سعادة السفير،\n")
            .load();
    Recipient arabic = LetterFolder.list(dir, TWO_LANGUAGES).recipients().get(0);
    Recipient english = LetterFolder.list(dir, TWO_LANGUAGES).recipients().get(1);

    float arabicStart = TextPositions.leftmostX(template.pdf(template.render(arabic)));
    float englishStart = TextPositions.leftmostX(template.pdf(template.render(english)));

    assertThat(englishStart).isLessThan(100f); // the left margin, 24 mm = 68 pt
    assertThat(arabicStart).isGreaterThan(300f); // flush with the right margin
  }
}
