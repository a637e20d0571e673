package circular.letters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the body of the letter in one language comes from: the HTML template, and the plain-text
 * template if there is one (without it, the text is derived from the HTML). Immutable.
 *
 * @param files the files the body is written in, e.g. {@code letter_fr.md}, or {@code letter.html,
 *     letter.txt}
 * @param whole whether the body is a letter of this language's own ({@code letter_fr.md}) rather
 *     than the main one with the language's messages
 */
record BodySource(BodyTemplate html, Optional<BodyTemplate> text, List<Path> files, boolean whole) {
  BodySource {
    files = List.copyOf(files);
  }
}
