package circular;

import java.util.List;

/**
 * The user's files or options are wrong. Carries every problem found, so that one run shows them
 * all; the command line prints one line each and exits with status 2, having sent nothing.
 */
public final class InputException extends RuntimeException {
  private final List<Problem> problems;

  public InputException(List<Problem> problems) {
    super(problems.isEmpty() ? "no problems" : problems.get(0).toString());
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public InputException(Problem problem) {
    this(List.of(problem));
  }

  public static InputException of(String where, String what) {
    return new InputException(new Problem(where, what));
  }

  public List<Problem> problems() {
    return problems;
  }
}
