package circular.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/**
 * The {@code LETTER} argument of preview, send and remind: a letter folder, or just its name in
 * {@code letter-templates/}. Its help text is each command's, in {@code Help.properties}.
 */
final class LetterArgument {
  @Parameters(index = "0", paramLabel = "LETTER", descriptionKey = "letter")
  String name;

  Path folder() {
    return Locations.letter(name);
  }
}
