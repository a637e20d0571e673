package circular.letters;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.EngineContext;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IEngineContext;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.engine.TemplateData;

/**
 * Engine contexts in which reading a variable that does not exist is an error. Thymeleaf renders
 * {@code ${contry}} as an empty string; a letter that says "Dear ," to an ambassador is worse than
 * a letter not sent, so the misspelt name stops the run instead.
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
    return new StrictEngineContext(
        configuration, templateData, templateResolutionAttributes, context.getLocale(), variables);
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
    StrictEngineContext(
        IEngineConfiguration configuration,
        TemplateData templateData,
        Map<String, Object> templateResolutionAttributes,
        Locale locale,
        Map<String, Object> variables) {
      super(configuration, templateData, templateResolutionAttributes, locale, variables);
    }

    @Override
    public Object getVariable(String name) {
      if (!containsVariable(name)) {
        throw new UnknownVariableException(name);
      }
      return super.getVariable(name);
    }
  }
}
