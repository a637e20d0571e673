package circular.campaign;

import circular.InputException;
import circular.Problem;
import circular.letters.Letter;
import circular.letters.LetterTemplate;
import circular.recipients.Recipient;
import circular.recipients.RecipientList;
import circular.recipients.RecipientReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The check before anything leaves: every row of the list read and validated, every selected
 * letter rendered. Any problem stops the run with all problems listed; nothing is sent.
 */
public final class Preflight {
  private Preflight() {}

  /**
   * @param only the ids to keep, or empty for the whole list
   * @throws InputException with every problem found in the letter folder and the list
   */
  public static Prepared check(Path letterFolder, Path listFile, Set<String> only) {
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
      if (!only.isEmpty()) {
        list = list.only(only);
      }
    } catch (InputException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    LetterTemplate letter = template;
    // Both cores render: a 100,000-row list is checked in seconds, and problems keep the list's order.
    Set<Problem> found =
        list.recipients().parallelStream()
            .flatMap(recipient -> problems(letter, listFile, recipient).stream())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (!found.isEmpty()) {
      throw new InputException(List.copyOf(found));
    }
    return new Prepared(template, list);
  }

  private static List<Problem> problems(LetterTemplate template, Path listFile, Recipient recipient) {
    var language = template.languageProblem(recipient.language());
    if (language.isPresent()) {
      return List.of(Problem.atColumn(listFile, recipient.line(), "language", language.get()));
    }
    try {
      template.check(recipient);
      return List.of();
    } catch (InputException e) {
      return e.problems();
    }
  }

  /** A letter and a list that passed the check: every letter of the list renders. */
  public record Prepared(LetterTemplate template, RecipientList recipients) {
    public Letter letterFor(Recipient recipient) {
      return template.render(recipient);
    }
  }
}
