package circular.cli;

import circular.files.NearNames;
import circular.recipients.Text;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command, option or option value circular does not have, said in one line with the one the user
 * most likely meant: {@code unknown command 'previw'; did you mean 'preview'? (circular --help
 * lists the commands)}. Stateless.
 */
final class UnknownArgument {
  private UnknownArgument() {}

  /** The line for a misspelt command or option, or empty for another unmatched argument. */
  static Optional<String> explain(UnmatchedArgumentException e) {
    List<String> unmatched = e.getUnmatched();
    if (unmatched.isEmpty()) {
      return Optional.empty();
    }
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    String help = spec.qualifiedName() + " --help";
    String typed = unmatched.get(0);
    if (e.isUnknownOption()) {
      String option = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
      // picocli's own suggestions for options are the names sharing the first two letters, so
      // --fromat would get --from; the nearest by spelling is what a typo needs
      List<String> names =
          spec.options().stream()
              .filter(o -> !o.hidden())
              .map(OptionSpec::names)
              .flatMap(Arrays::stream)
              .toList();
      return Optional.of(
          "unknown option '"
              + option
              + "'"
              + NearNames.closest(option, names).map(n -> "; did you mean '" + n + "'?").orElse("")
              + " ("
              + help
              + " lists the options)");
    }
    if (spec.subcommands().isEmpty() || e.getCommandLine().getParent() != null) {
      return Optional.empty();
    }
    return Optional.of(
        "unknown command '"
            + typed
            + "'"
            + e.getSuggestions().stream()
                .findFirst()
                .map(n -> "; did you mean '" + n + "'?")
                .orElse("")
            + " ("
            + help
            + " lists the commands)");
  }

  /**
   * The line for a value that an option with a fixed set of values does not have, such as {@code
   * --format pfd}: {@code --format: 'pfd' is not a format; did you mean 'pdf'? (the formats are
   * text, html, eml, pdf)}; empty for another mistake.
   */
  static Optional<String> explainValue(ParameterException e) {
    if (!(e.getCause() instanceof TypeConversionException)
        || !(e.getArgSpec() instanceof OptionSpec option)
        || e.getValue() == null) {
      return Optional.empty();
    }
    Class<?> type = option.type();
    if (e.getCause() instanceof Port.OutOfRange) {
      return Optional.empty(); // a number, out of its range: the converter's own message says so
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return Optional.of(
          option.longestName() + ": '" + Text.visible(e.getValue()) + "' is not a whole number");
    }
    if (type == double.class || type == Double.class) {
      return Optional.of(
          option.longestName() + ": '" + Text.visible(e.getValue()) + "' is not a number");
    }
    if (!type.isEnum()) {
      return Optional.empty();
    }
    List<String> values =
        Arrays.stream(option.type().getEnumConstants()).map(String::valueOf).toList();
    String label = option.paramLabel().toLowerCase(Locale.ROOT);
    String noun = label.matches("[a-z]+") ? label : "value";
    String typed = e.getValue();
    return Optional.of(
        option.longestName()
            + ": '"
            + typed
            + "' is not a "
            + noun
            + NearNames.closest(typed, values).map(n -> "; did you mean '" + n + "'?").orElse("")
            + " (the "
            + noun
            + "s are "
            + String.join(", ", values)
            + ")");
  }
}
