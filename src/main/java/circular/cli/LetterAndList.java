package circular.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The {@code LETTER RECIPIENTS} arguments of preview and send: a letter folder, then a recipient
 * list, each a path or just a name in {@code letter-templates/} or {@code recipients/}. Their help
 * texts are each command's, in {@code Help.properties}.
 */
final class LetterAndList {
  @Mixin LetterArgument letter;

  @Parameters(index = "1", paramLabel = "RECIPIENTS", descriptionKey = "recipients")
  String list;

  Path letterFolder() {
    return letter.folder();
  }

  Path listFile() {
    return Locations.recipients(list);
  }
}
