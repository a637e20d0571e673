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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The check before anything leaves: every row of the list read and validated, every selected letter
 * rendered. Any problem stops the run with all problems listed; nothing is sent.
 */
public final class Preflight {
  private Preflight() {}

  /**
   * @param only the ids to keep, or empty for the whole list
   * @throws InputException with every problem found in the letter folder and the list
   */
  public static Prepared check(Path letterFolder, Path listFile, Set<String> only) {
    return check(letterFolder, listFile, only, true);
  }

  /**
   * @param keep whether the letters rendered are kept for what comes next (see {@link
   *     KeptLetters}); a dry run has no use for them
   * @throws InputException with every problem found in the letter folder and the list
   */
  public static Prepared check(Path letterFolder, Path listFile, Set<String> only, boolean keep) {
    List<Problem> problems = new ArrayList<>();
    LetterTemplate template = null;
    RecipientList list = null;
    try {
      // A folder whose problems still let its letters render is rendered too, so that every
      // problem is listed at once; it is never sent.
      LetterTemplate.Checked checked = LetterTemplate.check(letterFolder);
      problems.addAll(checked.problems());
      template = checked.template().orElse(null);
    } catch (InputException e) {
      problems.addAll(e.problems());
    }
    // The rows without a problem are rendered even when others have one, so that their letters'
    // problems are listed in the same run; never with --only, whose ids may be on a row that has.
    RecipientReader.Checked read = new RecipientReader().check(listFile);
    problems.addAll(read.problems());
    if (read.problems().isEmpty() || only.isEmpty()) {
      list = read.rows().orElse(null);
    }
    try {
      if (list != null && !only.isEmpty()) {
        list = list.only(only);
      }
    } catch (InputException e) {
      problems.addAll(e.problems());
      list = null;
    }
    if (template == null || list == null) {
      throw new InputException(problems);
    }
    // One PDF per language is enough to check the letterhead and the printing; the list's own
    // text reaches the PDF through the HTML, which every row renders.
    Set<String> printing = new HashSet<>();
    Set<String> languages = new HashSet<>();
    for (Recipient recipient : list.recipients()) {
      if (languages.add(recipient.language())) {
        printing.add(recipient.id());
      }
    }
    LetterTemplate letter = template;
    List<Recipient> recipients = list.recipients();
    RecipientList rows = list;
    KeptLetters kept = keep ? KeptLetters.forHeap(recipients) : KeptLetters.none(recipients);
    // the letters printed for the check go out as they are, not printed a second time
    Map<String, Letter> printed = new ConcurrentHashMap<>();
    // Every core renders: a 100,000-row list is checked in seconds, and problems keep the list's
    // order. The letters rendered are kept for sending, as many as the heap allows.
    Set<Problem> found =
        IntStream.range(0, recipients.size())
            .parallel()
            .mapToObj(
                i -> {
                  Recipient r = recipients.get(i);
                  if (!printing.contains(r.id())) {
                    return problems(letter, rows, r, i, kept);
                  }
                  Checked checked = checkOne(letter, rows, r, true);
                  checked.letter().ifPresent(l -> printed.put(r.id(), l));
                  return checked.problems();
                })
            .flatMap(List::stream)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    problems.addAll(found);
    if (!problems.isEmpty()) {
      throw new InputException(problems.stream().distinct().toList());
    }
    return new Prepared(template, list, kept, Map.copyOf(printed));
  }

  /**
   * One recipient checked: its letter rendered, or what stops it — a language the letter lacks, a
   * variable or message that does not exist, and, when {@code printPdf}, a PDF that cannot be
   * printed (the letter then comes with its PDF, if it goes with one).
   */
  public static Checked checkOne(
      LetterTemplate template, RecipientList list, Recipient recipient, boolean printPdf) {
    var language = template.languageProblem(recipient.language());
    if (language.isPresent()) {
      return new Checked(
          recipient,
          Optional.empty(),
          List.of(list.problem(recipient, "language", language.get())));
    }
    try {
      Letter letter = template.render(recipient);
      if (printPdf) {
        letter = template.enclosePdf(letter);
      }
      return new Checked(recipient, Optional.of(letter), List.of());
    } catch (InputException e) {
      return new Checked(recipient, Optional.empty(), e.problems());
    }
  }

  /**
   * What stops one recipient's letter. Its letter is rendered and kept while {@code kept} has room;
   * beyond that, only what can fail is rendered ({@link LetterTemplate#check}), and sending renders
   * the letter again.
   */
  private static List<Problem> problems(
      LetterTemplate template,
      RecipientList list,
      Recipient recipient,
      int index,
      KeptLetters kept) {
    var language = template.languageProblem(recipient.language());
    if (language.isPresent()) {
      return List.of(list.problem(recipient, "language", language.get()));
    }
    try {
      if (kept.hasRoom()) {
        keep(kept, index, template.render(recipient));
      } else {
        template.check(recipient);
      }
      return List.of();
    } catch (InputException e) {
      return e.problems();
    }
  }

  private static void keep(KeptLetters kept, int index, Letter letter) {
    if (kept.reserve(KeptLetters.estimate(letter))) {
      kept.keep(index, letter);
    }
  }

  /**
   * A recipient's letter (with its PDF only if it was printed), or the problems that stop it; never
   * both.
   */
  public record Checked(Recipient recipient, Optional<Letter> letter, List<Problem> problems) {
    public Checked {
      problems = List.copyOf(problems);
    }

    public String id() {
      return recipient.id();
    }
  }

  /**
   * A letter and a list that passed the check: every letter of the list renders. It holds the
   * letters the check rendered (see {@link KeptLetters}), each given out once, and the letters it
   * printed, one per language, which leave as printed.
   */
  public static final class Prepared {
    private final LetterTemplate template;
    private final RecipientList recipients;
    private final KeptLetters kept;
    private final Map<String, Letter> printed;

    Prepared(
        LetterTemplate template,
        RecipientList recipients,
        KeptLetters kept,
        Map<String, Letter> printed) {
      this.template = template;
      this.recipients = recipients;
      this.kept = kept;
      this.printed = printed;
    }

    public LetterTemplate template() {
      return template;
    }

    public RecipientList recipients() {
      return recipients;
    }

    /** The letters the check printed with their PDF, one per language, by recipient id. */
    public Map<String, Letter> printed() {
      return printed;
    }

    /** The recipient's letter without its PDF: the one the check rendered, or rendered now. */
    public Letter rendered(Recipient recipient) {
      return kept.take(recipient).orElseGet(() -> template.render(recipient));
    }

    /** The letter as it leaves, its PDF enclosed if the letter says so. */
    public Letter letterFor(Recipient recipient) {
      Letter checked = printed.get(recipient.id());
      return checked != null ? checked : template.enclosePdf(rendered(recipient));
    }
  }
}
