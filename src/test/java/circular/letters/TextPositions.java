package circular.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The glyphs of a PDF's first page: where they stand and what each one shows, before PDFBox
 * normalises text.
 */
final class TextPositions extends PDFTextStripper {
  private float leftmost = Float.MAX_VALUE;
  private final StringBuilder glyphs = new StringBuilder();

  private TextPositions() {
    setStartPage(1);
    setEndPage(1);
  }

  /** The x of the leftmost glyph of page 1, in points from the page's left edge. */
  static float leftmostX(byte[] pdf) {
    return read(pdf).leftmost;
  }

  /** The characters of page 1's glyphs, in drawing order, as the PDF maps them to Unicode. */
  static String glyphs(byte[] pdf) {
    return read(pdf).glyphs.toString();
  }

  private static TextPositions read(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      TextPositions positions = new TextPositions();
      positions.getText(document);
      return positions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) {
    for (TextPosition glyph : positions) {
      leftmost = Math.min(leftmost, glyph.getXDirAdj());
      glyphs.append(glyph.getUnicode());
    }
  }
}
