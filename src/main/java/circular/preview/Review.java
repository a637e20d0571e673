package circular.preview;

import circular.InputException;
import circular.Problem;
import circular.campaign.Preflight;
import circular.letters.LetterTemplate;
import circular.recipients.Recipient;
import circular.recipients.RecipientList;
import circular.recipients.RecipientReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The letter folder and the recipient list as they are on disk right now, each row rendered or its
 * problems named: what one page of the preview shows. Unlike {@link Preflight}, a row that cannot
 * be written to does not hide the others. Immutable once read.
 *
 * @param problems what stops the letter or the list as a whole, then every row's problems, in the
 *     order and words of the command line
 */
record Review(
    Path letterFolder,
    Path listFile,
    Optional<LetterTemplate> template,
    List<Preflight.Checked> rows,
    List<Problem> problems) {

  /** Reads the letter and the list afresh and renders every selected row (without PDFs). */
  static Review read(Path letterFolder, Path listFile, Set<String> only) {
    List<Problem> problems = new ArrayList<>();
    LetterTemplate template = null;
    RecipientList list = null;
    try {
      template = LetterTemplate.load(letterFolder);
    } catch (InputException e) {
      problems.addAll(e.problems());
    }
    try {
      list = new RecipientReader().read(listFile);
      list = only.isEmpty() ? list : list.only(only);
    } catch (InputException e) {
      problems.addAll(e.problems());
    }
    if (template == null || list == null) {
      return new Review(letterFolder, listFile, Optional.ofNullable(template), List.of(), problems);
    }
    List<Preflight.Checked> rows = new ArrayList<>();
    for (Recipient recipient : list.recipients()) {
      Preflight.Checked row = Preflight.checkOne(template, list, recipient, false);
      rows.add(row);
      row.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
    }
    return new Review(letterFolder, listFile, Optional.of(template), rows, problems);
  }

  /** The row of {@code id}, compared without case as ids are. */
  Optional<Preflight.Checked> row(String id) {
    return rows.stream()
        .filter(r -> r.id().toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
