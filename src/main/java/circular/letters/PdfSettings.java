package circular.letters;

import circular.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * What a letter's properties say about its PDF, for one language: whether it goes with each email
 * ({@code pdf = attach}) and the image printed at the top of its first page ({@code pdf.letterhead
 * = letterhead.png}, a PNG or JPEG file in the letter folder).
 */
record PdfSettings(boolean attach, Optional<Path> letterhead) {
  static final String ATTACH = "pdf";
  static final String LETTERHEAD = "pdf.letterhead";

  static final PdfSettings NONE = new PdfSettings(false, Optional.empty());

  /**
   * Reads and checks the settings of {@code language}, adding what is wrong to {@code problems}.
   */
  static PdfSettings of(
      Path folder, Translations translations, String language, List<Problem> problems) {
    String attach = translations.get(language, ATTACH).orElse("").strip().toLowerCase(Locale.ROOT);
    if (!List.of("", "attach", "no").contains(attach)) {
      problems.add(
          translations.problem(
              language,
              ATTACH,
              "key 'pdf': '"
                  + attach
                  + "' is not a setting; write pdf = attach to send each letter's PDF with it, or pdf = no"));
    }
    String image = translations.get(language, LETTERHEAD).orElse("").strip();
    if (image.isEmpty()) {
      return new PdfSettings(attach.equals("attach"), Optional.empty());
    }
    Path file = folder.resolve(image).normalize();
    if (!file.startsWith(folder.normalize())
        || !Files.isRegularFile(file)
        || !Files.isReadable(file)) {
      problems.add(
          translations.problem(
              language,
              LETTERHEAD,
              "key 'pdf.letterhead': no readable file '" + image + "' in " + folder));
    } else if (!isImage(file)) {
      problems.add(
          translations.problem(
              language,
              LETTERHEAD,
              "key 'pdf.letterhead': '" + image + "' is not a PNG or JPEG image"));
    }
    return new PdfSettings(attach.equals("attach"), Optional.of(file));
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!(name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"))) {
      return false;
    }
    try {
      return ImageIO.read(file.toFile()) != null;
    } catch (IOException e) {
      return false;
    }
  }
}
