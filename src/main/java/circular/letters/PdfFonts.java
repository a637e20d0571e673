package circular.letters;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The fonts of PDF letters: DejaVu Serif for the text, DejaVu Sans for the scripts Serif lacks
 * (Arabic, Hebrew), DejaVu Sans Mono for code. The TTFs come from the {@code jasperreports-fonts}
 * jar on the class path and are read once per JVM; their metrics are measured once and shared by
 * every render. Thread-safe.
 */
final class PdfFonts {
  static final String SERIF = "DejaVu Serif";
  static final String SANS = "DejaVu Sans";
  static final String MONO = "DejaVu Sans Mono";
  private static final String FOLDER = "/net/sf/jasperreports/fonts/dejavu/";

  private record Face(String family, int weight, FontStyle style, String file) {}

  private static final List<Face> FACES =
      List.of(
          new Face(SERIF, 400, FontStyle.NORMAL, "DejaVuSerif.ttf"),
          new Face(SERIF, 700, FontStyle.NORMAL, "DejaVuSerif-Bold.ttf"),
          new Face(SERIF, 400, FontStyle.ITALIC, "DejaVuSerif-Italic.ttf"),
          new Face(SERIF, 700, FontStyle.ITALIC, "DejaVuSerif-BoldItalic.ttf"),
          new Face(SANS, 400, FontStyle.NORMAL, "DejaVuSans.ttf"),
          new Face(SANS, 700, FontStyle.NORMAL, "DejaVuSans-Bold.ttf"),
          new Face(SANS, 400, FontStyle.ITALIC, "DejaVuSans-Oblique.ttf"),
          new Face(SANS, 700, FontStyle.ITALIC, "DejaVuSans-BoldOblique.ttf"),
          new Face(MONO, 400, FontStyle.NORMAL, "DejaVuSansMono.ttf"),
          new Face(MONO, 700, FontStyle.NORMAL, "DejaVuSansMono-Bold.ttf"));

  private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();
  private static final MetricsCache METRICS = new MetricsCache();

  private PdfFonts() {}

  /**
   * Whether DejaVu Serif has a glyph for every character of {@code text}. Latin (with every
   * accent), the usual punctuation and the euro are known to be there; anything else is looked up
   * in the font's own character map, read once.
   */
  static boolean serifCovers(String text) {
    return text.codePoints()
        .allMatch(
            c ->
                isCommon(c)
                    || !Character.isDefined(c)
                    || Character.isWhitespace(c)
                    || SerifCharacters.MAP.covers(c));
  }

  /**
   * Basic Latin to Latin Extended-B, dashes, quotes, bullets and ellipsis, the per mille sign,
   * guillemets, the euro.
   */
  private static boolean isCommon(int c) {
    return c < 0x250 || (c >= 0x2000 && c <= 0x2026) || (c >= 0x2030 && c <= 0x203A) || c == 0x20AC;
  }

  /**
   * DejaVu Serif's character map, read the first time a character outside the common ones is met.
   */
  private static final class SerifCharacters {
    static final SerifCharacters MAP = new SerifCharacters();
    private final CmapLookup lookup;

    private SerifCharacters() {
      try (TrueTypeFont font =
          new TTFParser()
              .parse(
                  new RandomAccessReadBuffer(
                      FILES.computeIfAbsent("DejaVuSerif.ttf", PdfFonts::read)))) {
        lookup = font.getUnicodeCmapLookup();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    boolean covers(int codePoint) {
      return lookup.getGlyphId(codePoint) != 0;
    }
  }

  /** Offers every face to one render; a face is only parsed if the letter uses it. */
  static void register(PdfRendererBuilder builder) {
    for (Face face : FACES) {
      builder.useFont(() -> open(face.file()), face.family(), face.weight(), face.style(), true);
    }
    builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, METRICS);
  }

  private static InputStream open(String file) {
    return new ByteArrayInputStream(FILES.computeIfAbsent(file, PdfFonts::read));
  }

  private static byte[] read(String file) {
    try (InputStream in = PdfFonts.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "font " + FOLDER + file + " is not on the class path (jasperreports-fonts)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** openhtmltopdf's font-metrics store, shared across renders and threads. */
  private static final class MetricsCache implements FSCacheEx<String, FSCacheValue> {
    private final Map<String, FSCacheValue> values = new ConcurrentHashMap<>();

    @Override
    public void put(String key, FSCacheValue value) {
      values.put(key, value);
    }

    @Override
    public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
      return values.computeIfAbsent(
          key,
          k -> {
            try {
              return loader.call();
            } catch (Exception e) {
              throw new IllegalStateException("cannot measure font " + k, e);
            }
          });
    }

    @Override
    public FSCacheValue get(String key) {
      return values.get(key);
    }
  }
}
