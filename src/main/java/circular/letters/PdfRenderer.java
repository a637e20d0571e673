package circular.letters;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Prints a letter's HTML as an A4 PDF: the HTML is parsed as a browser would (so a template need
 * not be XHTML), the optional letterhead image goes on top, the text is set in the DejaVu fonts
 * that ship with circular, right-to-left scripts run right to left, and pages from the second on
 * are numbered. Only files inside the letter folder may be read while printing; nothing is fetched
 * from the network. Thread-safe: one instance serves any number of letters at once.
 *
 * <pre>
 * {@code byte[] pdf = new PdfRenderer().render(letter.html(), folder, Optional.of(folder.resolve("letterhead.png")), "fr");}
 * </pre>
 */
final class PdfRenderer {
  private static final Set<String> RIGHT_TO_LEFT =
      Set.of("ar", "he", "fa", "ur", "yi", "ps", "dv", "ckb");
  private static final AtomicBoolean STANDARD_FONTS_READ = new AtomicBoolean();
  private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

  /** What {@link #warmUp} prints: a paragraph in the faces letters use most. */
  private static final String WARM_UP_LETTER =
      "<!DOCTYPE html><html><head><title>-</title></head><body><h1>Circular</h1>"
          + "<p>Excellency, <b>Geneva</b>, <i>16–19 April</i>.</p></body></html>";

  private static final String STYLE = style();

  /** The same style for a letter DejaVu Serif alone can print: DejaVu Sans is then never read. */
  private static final String SERIF_ONLY_STYLE =
      STYLE.replace("\"DejaVu Serif\", \"DejaVu Sans\"", "\"DejaVu Serif\"");

  static {
    // openhtmltopdf logs to the console through java.util.logging; the console is the user's.
    XRLog.setLoggingEnabled(false);
    // the standard PDF fonts it declares are never drawn: no need to look for them on the computer
    FontMappers.set(new ShippedFontMapper());
  }

  /**
   * Reads the metrics of the fourteen standard PDF fonts on a background thread, once:
   * openhtmltopdf declares them in every document, and PDFBox parses their metrics at the first,
   * which would otherwise hold up the first letter printed.
   */
  static void readStandardFontsAhead() {
    if (STANDARD_FONTS_READ.compareAndSet(false, true)) {
      Thread thread =
          new Thread(
              () -> {
                for (Standard14Fonts.FontName font : Standard14Fonts.FontName.values()) {
                  Standard14Fonts.getAFM(font.getName());
                }
              },
              "standard-font-metrics");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Prints a short letter, once, and throws it away: the first PDF of a process pays for loading
   * and initialising openhtmltopdf and PDFBox and reading the standard fonts' metrics and DejaVu
   * Serif's, and {@link PrintWarmUp} has that paid on another core.
   */
  static void warmUp() {
    if (WARMED_UP.compareAndSet(false, true)) {
      STANDARD_FONTS_READ.set(true); // the warm-up's letter reads them
      try {
        new PdfRenderer()
            .render(WARM_UP_LETTER, Path.of("").toAbsolutePath(), Optional.empty(), "en");
      } catch (RuntimeException e) {
        // only a head start: the letter's own print reports what is wrong
      }
    }
  }

  /**
   * @param folder the letter folder: relative links in the HTML resolve against it, and no file
   *     outside it is read
   * @param letterhead an image to print at the top of the first page
   * @param language the letter's language; Arabic, Hebrew and the like read right to left
   */
  byte[] render(String html, Path folder, Optional<Path> letterhead, String language) {
    Path root = folder.toAbsolutePath().normalize();
    String base = root.toUri().toString();
    Document document = Jsoup.parse(html, base);
    // every family a style names is loaded, used or not: name DejaVu Sans only when Serif lacks a
    // character
    String style = PdfFonts.serifCovers(document.text()) ? SERIF_ONLY_STYLE : STYLE;
    document.head().appendElement("style").appendChild(new DataNode(style));
    letterhead.ifPresent(
        image ->
            document
                .body()
                .prependChild(
                    new Element("div")
                        .addClass("circular-letterhead")
                        .appendChild(
                            new Element("img")
                                .attr("src", image.toAbsolutePath().normalize().toUri().toString())
                                .attr("alt", ""))));
    Element page = document.selectFirst("html");
    if (page != null && !page.hasAttr("dir") && RIGHT_TO_LEFT.contains(primary(language))) {
      page.attr("dir", "rtl");
    }
    if (page != null && !page.hasAttr("lang") && !language.isEmpty()) {
      page.attr("lang", language);
    }
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    PdfFonts.register(builder);
    builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
    builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
    builder.defaultTextDirection(TextDirection.LTR);
    builder.useExternalResourceAccessControl(
        (uri, type) -> insideFolder(uri, root),
        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    builder.withProducer("circular");
    builder.withW3cDocument(new W3CDom().fromJsoup(document), base);
    builder.toStream(pdf);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pdf.toByteArray();
  }

  private static boolean insideFolder(String uri, Path root) {
    try {
      URI parsed = URI.create(uri);
      return "file".equals(parsed.getScheme()) && Path.of(parsed).normalize().startsWith(root);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String primary(String language) {
    int dash = language.indexOf('-');
    return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
  }

  private static String style() {
    try (InputStream in = PdfRenderer.class.getResourceAsStream("pdf.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
