package circular.letters;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.EngineContext;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IEngineContext;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.TemplateData;

/**
 * Engine contexts in which reading a variable that does not exist is an error. Thymeleaf renders
 * {@code ${contry}} as an empty string; a letter that says "Dear ," to an ambassador is worse than
 * a letter not sent, so the misspelt name stops the run instead. A check for every problem of a
 * template ({@link EveryProblem}) renders with stand-ins for the unknown names it has found, into
 * nothing.
 */
final class StrictEngineContextFactory implements IEngineContextFactory {

  @Override
  public IEngineContext createEngineContext(
      IEngineConfiguration configuration,
      TemplateData templateData,
      Map<String, Object> templateResolutionAttributes,
      IContext context) {
    if (context instanceof IEngineContext engineContext) {
      engineContext.setTemplateData(templateData);
      return engineContext;
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String name : context.getVariableNames()) {
      variables.put(name, context.getVariable(name));
    }
    EveryProblem.StandIns standIns =
        context instanceof EveryProblem.WithStandIns checking ? checking.standIns : null;
    return new StrictEngineContext(
        configuration,
        templateData,
        templateResolutionAttributes,
        context.getLocale(),
        variables,
        standIns);
  }

  /**
   * What stands in for an unknown name read now in {@code context}: only in a check for every
   * problem, and only for a name it has let pass.
   */
  static Optional<Object> standIn(ITemplateContext context, EveryProblem.Unknown unknown) {
    return context instanceof StrictEngineContext strict && strict.standIns != null
        ? strict.standIns.standIn(unknown)
        : Optional.empty();
  }

  /** Thrown, inside Thymeleaf, for a variable the recipient list has no column for. */
  static final class UnknownVariableException extends RuntimeException {
    final String name;

    UnknownVariableException(String name) {
      super("unknown variable '" + name + "'");
      this.name = name;
    }
  }

  private static final class StrictEngineContext extends EngineContext {
    /** Null, except in a check for every problem. */
    private final EveryProblem.StandIns standIns;

    StrictEngineContext(
        IEngineConfiguration configuration,
        TemplateData templateData,
        Map<String, Object> templateResolutionAttributes,
        Locale locale,
        Map<String, Object> variables,
        EveryProblem.StandIns standIns) {
      super(configuration, templateData, templateResolutionAttributes, locale, variables);
      this.standIns = standIns;
    }

    @Override
    public Object getVariable(String name) {
      if (!containsVariable(name)) {
        return standIn(this, EveryProblem.Unknown.variable(name))
            .orElseThrow(() -> new UnknownVariableException(name));
      }
      return super.getVariable(name);
    }
  }
}
