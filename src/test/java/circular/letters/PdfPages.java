package circular.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF read back with PDFBox, as a reader's viewer would: each page's text as extracted, its
 * images, and the fonts embedded.
 */
record PdfPages(
    List<String> text, List<Integer> images, List<String> fonts, float width, float height) {

  static PdfPages of(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> text = new ArrayList<>();
      List<Integer> images = new ArrayList<>();
      TreeSet<String> fonts = new TreeSet<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int i = 1; i <= document.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        text.add(stripper.getText(document));
        PDPage page = document.getPage(i - 1);
        int count = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject) {
            count++;
          }
        }
        images.add(count);
        for (COSName name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name).getName().replaceFirst("^[A-Z]{6}\\+", ""));
        }
      }
      PDPage first = document.getPage(0);
      return new PdfPages(
          text,
          images,
          List.copyOf(fonts),
          first.getMediaBox().getWidth(),
          first.getMediaBox().getHeight());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int pages() {
    return text.size();
  }

  /**
   * All the text, NFKC-normalised (the ligature "ﬀ" reads "ff", Arabic presentation forms read as
   * plain letters, a no-break space as a space) and its white space collapsed to single spaces.
   */
  String words() {
    return normalized(String.join(" ", text));
  }

  static String normalized(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
  }

  /** The last line of a page: where its number is printed. */
  String lastLine(int page) {
    List<String> lines = text.get(page - 1).strip().lines().toList();
    return lines.get(lines.size() - 1).strip();
  }
}
