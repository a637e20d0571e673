package circular.letters;

import java.util.List;
import java.util.Optional;

/**
 * Where the places of a generated template come from in the file the user wrote: a template made
 * from {@code letter.md} records, for each expression it inlines, the expression's place in the
 * template and in the file, so that an unknown variable is reported at the {@code .md} file's own
 * line and column. Immutable.
 */
final class SourceMap {
  /** A template read from the user's own file: every place is its own. */
  static final SourceMap IDENTITY = new SourceMap(List.of(), true);

  /** A line and a column, both counted from 1. */
  record Position(int line, int column) {}

  /**
   * One inlined expression: on template line {@code line}, columns {@code from} to {@code to}
   * (inclusive), written by the user at {@code source}.
   */
  record Span(int line, int from, int to, Position source) {}

  private final List<Span> spans;
  private final boolean identity;

  private SourceMap(List<Span> spans, boolean identity) {
    this.spans = List.copyOf(spans);
    this.identity = identity;
  }

  static SourceMap of(List<Span> spans) {
    return new SourceMap(spans, false);
  }

  /**
   * The user's place for a place in the template: the expression there, else the last one before it
   * on its line; empty when the place is in text the generator wrote (the user's file has no such
   * line to point at).
   */
  Optional<Position> source(int line, int column) {
    if (identity) {
      return Optional.of(new Position(line, column));
    }
    Span best = null;
    for (Span span : spans) {
      if (span.line() == line && span.from() <= column) {
        if (column <= span.to()) {
          return Optional.of(span.source());
        }
        if (best == null || span.from() > best.from()) {
          best = span;
        }
      }
    }
    return Optional.ofNullable(best).map(Span::source);
  }
}
