package circular.letters;

import java.nio.file.Path;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * One Thymeleaf template of a letter's body, as the engine gets it, and the file it was written in:
 * either that file itself ({@code letter.html}, {@code letter.txt}), or a template generated from
 * it ({@code letter.md}), whose {@link SourceMap} leads an error back to the file's own line.
 *
 * @param template the file's path, for the file resolver; or, when {@code generated}, the template
 *     itself
 * @param file the file the user edits, named in problems
 */
record BodyTemplate(
    String template, TemplateMode mode, boolean generated, Path file, SourceMap lines) {

  /** The user's file, read by the engine as it is. */
  static BodyTemplate file(Path file, TemplateMode mode) {
    return new BodyTemplate(file.toString(), mode, false, file, SourceMap.IDENTITY);
  }

  /** A template made from {@code file}. */
  static BodyTemplate generated(String template, TemplateMode mode, Path file, SourceMap lines) {
    return new BodyTemplate(template, mode, true, file, lines);
  }
}
