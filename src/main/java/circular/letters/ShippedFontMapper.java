package circular.letters;

import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.util.BoundingBox;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Where PDFBox finds a font that a PDF names without embedding it: in circular's own jar, never
 * among the computer's fonts. openhtmltopdf declares the fourteen standard PDF fonts in every
 * document it prints, and PDFBox's own mapper answers each by searching the computer's font folders
 * (a scan of every font at the first run on an office computer, then a cache written to the user's
 * home folder) and reading the font it picks. A letter is set in the DejaVu fonts it embeds
 * (pdf.css), so those standard fonts are declared and never drawn: each is answered with the
 * Liberation Sans that PDFBox ships, read only if a glyph is ever asked of it. Thread-safe.
 */
final class ShippedFontMapper implements FontMapper {
  private static final String LIBERATION_SANS =
      "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private final LiberationSans font = new LiberationSans();

  @Override
  public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
    return new FontMapping<>(font.read(), true);
  }

  @Override
  public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
    // not marked as a fallback: PDFBox would read the font's name for a warning nobody sees
    return new FontMapping<>(font, false);
  }

  @Override
  public CIDFontMapping getCIDFont(
      String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo systemInfo) {
    return new CIDFontMapping(null, font.read(), true);
  }

  /** PDFBox's Liberation Sans, read from its jar the first time anything is asked of it. */
  private static final class LiberationSans implements FontBoxFont {
    private TrueTypeFont font;

    synchronized TrueTypeFont read() {
      if (font == null) {
        try (InputStream in = FontMapper.class.getResourceAsStream(LIBERATION_SANS)) {
          font = new TTFParser().parse(new RandomAccessReadBuffer(in));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return font;
    }

    @Override
    public String getName() throws IOException {
      return read().getName();
    }

    @Override
    public BoundingBox getFontBBox() throws IOException {
      return read().getFontBBox();
    }

    @Override
    public List<Number> getFontMatrix() throws IOException {
      return read().getFontMatrix();
    }

    @Override
    public GeneralPath getPath(String name) throws IOException {
      return read().getPath(name);
    }

    @Override
    public float getWidth(String name) throws IOException {
      return read().getWidth(name);
    }

    @Override
    public boolean hasGlyph(String name) throws IOException {
      return read().hasGlyph(name);
    }
  }
}
