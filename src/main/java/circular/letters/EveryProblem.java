package circular.letters;

import circular.Problem;
import java.io.Writer;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.AbstractContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IContext;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * Every unknown variable and message of one template for one recipient, where a render stops at the
 * first. Thymeleaf tells a problem's line and column only by the exception that leaves the
 * template, so the template is rendered again after each problem, the unknown names found so far
 * passing with a stand-in value, until it renders to its end or stops at a problem of another kind.
 *
 * <p>A letter with a stand-in in it must never leave, so it never exists: only this class can make
 * a context with stand-ins ({@link WithStandIns}), what is rendered with one goes to a writer that
 * keeps nothing, and what this class gives back is problems. Letters are rendered as before, with
 * no stand-ins, and only a render that failed comes here. Stateless.
 */
final class EveryProblem {
  /** A bound on the renders for one template, so that none goes on without end. */
  private static final int MOST_RENDERS = 100;

  private EveryProblem() {}

  /**
   * The problems of {@code spec} rendered with {@code context}, in the order met, {@code first}'s
   * first.
   *
   * @param first what stopped the render of {@code spec} with {@code context}
   * @param placed a failure as the one-line problem it is to the user
   */
  static List<Problem> of(
      TemplateEngine engine,
      TemplateSpec spec,
      Context context,
      TemplateProcessingException first,
      Function<TemplateProcessingException, Problem> placed) {
    List<Problem> problems = new ArrayList<>();
    Set<String> standingIn = new HashSet<>();
    StandIns standIns = new StandIns();
    Optional<TemplateProcessingException> failure = Optional.of(first);
    for (int renders = 0; failure.isPresent() && renders < MOST_RENDERS; renders++) {
      Problem problem = placed.apply(failure.get());
      Optional<Unknown> unknown = Unknown.in(failure.get());
      if (unknown.isEmpty()) {
        // A problem of another kind, after which nothing can be told. Where a stand-in was read,
        // it may be the stand-in's own ("${delegation.name}" with a text for delegation): the
        // unknown name is told there already.
        if (!standingIn.contains(problem.where())) {
          problems.add(problem);
        }
        break;
      }
      problems.add(problem);
      standingIn.add(problem.where());
      standIns.passOneMore(unknown.get());
      failure = renderedToNothing(engine, spec, standIns.context(context));
    }
    return problems.stream().distinct().toList();
  }

  /** What stops the render, if something does; what it writes is thrown away as written. */
  private static Optional<TemplateProcessingException> renderedToNothing(
      TemplateEngine engine, TemplateSpec spec, IContext context) {
    try {
      engine.process(spec, context, Writer.nullWriter());
      return Optional.empty();
    } catch (TemplateProcessingException e) {
      return Optional.of(e);
    }
  }

  /** A variable or a message key that does not exist. */
  record Unknown(boolean message, String name) {
    static Unknown variable(String name) {
      return new Unknown(false, name);
    }

    static Unknown message(String key) {
      return new Unknown(true, key);
    }

    /** The unknown name that stopped a render, if that is what stopped it. */
    static Optional<Unknown> in(TemplateProcessingException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof StrictEngineContextFactory.UnknownVariableException v) {
          return Optional.of(variable(v.name));
        }
        if (t instanceof LetterMessages.UnknownMessageException m) {
          return Optional.of(message(m.key));
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The unknown names one check lets pass, each as many times, in one render, as it has stopped a
   * render: a name used in two places stops the render once at each. Used by one thread.
   */
  static final class StandIns {
    private final Map<Unknown, Integer> passing = new HashMap<>();
    private final Map<Unknown, Integer> passed = new HashMap<>();

    private StandIns() {}

    private void passOneMore(Unknown unknown) {
      passing.merge(unknown, 1, Integer::sum);
    }

    /** A new render's context: the recipient's, with these stand-ins; the counts start again. */
    private IContext context(Context recipients) {
      passed.clear();
      Map<String, Object> variables = new LinkedHashMap<>();
      recipients.getVariableNames().forEach(n -> variables.put(n, recipients.getVariable(n)));
      return new WithStandIns(recipients, variables, this);
    }

    /** What stands in for {@code unknown} where it is read now, or empty if it must stop. */
    Optional<Object> standIn(Unknown unknown) {
      int times = passed.merge(unknown, 1, Integer::sum);
      return times <= passing.getOrDefault(unknown, 0)
          ? Optional.of(
              unknown.message() ? "[" + unknown.name() + "]" : new StandIn(unknown.name()))
          : Optional.empty();
    }
  }

  /**
   * What stands in for an unknown variable: its name as text, and itself for any property asked of
   * it, so that {@code ${delegation.head.name}} fails only for {@code delegation}, and the search
   * goes on past it.
   */
  private static final class StandIn extends AbstractMap<String, Object> {
    private final String name;

    StandIn(String name) {
      this.name = name;
    }

    @Override
    public Object get(Object key) {
      return this;
    }

    @Override
    public boolean containsKey(Object key) {
      return true;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return Set.of();
    }

    @Override
    public String toString() {
      return "[" + name + "]";
    }
  }

  /** The context of a render with stand-ins; {@link StrictEngineContextFactory} looks for it. */
  static final class WithStandIns extends AbstractContext {
    final StandIns standIns;

    private WithStandIns(Context recipients, Map<String, Object> variables, StandIns standIns) {
      super(recipients.getLocale(), variables);
      this.standIns = standIns;
    }
  }
}
