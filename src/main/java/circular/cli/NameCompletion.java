package circular.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Completes the names circular looks up in the working folder — a letter, a list, a campaign — in
 * bash, where picocli's generated completion offers nothing. Run by the build after picocli's
 * {@code AutoComplete}: it appends to that script a bash function (the resource {@code
 * name-completion.bash}) and the tables it works from, made here from the commands' own
 * definitions: which options take a value, and which argument or option takes which kind of name.
 * The names themselves are listed by bash when Tab is pressed, from the folder the user is in.
 *
 * <pre>{@code
 * java -cp circular.jar circular.cli.NameCompletion target/circular_completion
 * }</pre>
 */
public final class NameCompletion {
  /** The options whose value is a name, by kind of name. */
  private static final Map<String, String> OPTIONS =
      Map.of("--campaign", "campaign", "--from", "letter", "--recipients", "list");

  /** The commands whose {@code LETTER} names a new letter, not one that exists. */
  private static final List<String> CREATING = List.of("new");

  private NameCompletion() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: NameCompletion COMPLETION_SCRIPT");
    }
    Files.writeString(
        Path.of(args[0]), script(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** The bash to append to picocli's completion script. */
  static String script() {
    Map<String, CommandLine> commands =
        new CommandLine(new CircularCommand()).getCommandSpec().subcommands();
    String tables =
        table(
                "_circular_arguments",
                "the kind of name each argument of command $1 takes, in order (- for none)",
                commands,
                NameCompletion::positionalKinds)
            + table(
                "_circular_valued_options",
                "the options of command $1 that take a value",
                commands,
                (name, spec) -> valuedOptions(spec))
            + "_circular_option_kind() { # the kind of name option $1 takes, if any\n"
            + "  case $1 in\n"
            + OPTIONS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> "    " + e.getKey() + ") echo " + e.getValue() + " ;;\n")
                .collect(Collectors.joining())
            + "  esac\n}\n";
    return resource().replace("# @TABLES@\n", tables);
  }

  /** A bash function that echoes, for each command, what {@code row} says of it. */
  private static String table(
      String function,
      String what,
      Map<String, CommandLine> commands,
      BiFunction<String, CommandSpec, String> row) {
    StringBuilder bash = new StringBuilder(function + "() { # " + what + "\n  case $1 in\n");
    commands.forEach(
        (name, command) ->
            bash.append("    ")
                .append(name)
                .append(") echo '")
                .append(row.apply(name, command.getCommandSpec()))
                .append("' ;;\n"));
    return bash.append("  esac\n}\n").toString();
  }

  /** The kind of name each positional argument takes, in order; {@code -} for none. */
  private static String positionalKinds(String command, CommandSpec spec) {
    return spec.positionalParameters().stream()
        .map(p -> kind(command, p).orElse("-"))
        .collect(Collectors.joining(" "));
  }

  private static Optional<String> kind(String command, PositionalParamSpec positional) {
    return switch (positional.paramLabel()) {
      case "LETTER" -> CREATING.contains(command) ? Optional.empty() : Optional.of("letter");
      case "RECIPIENTS" -> Optional.of("list");
      default -> Optional.empty();
    };
  }

  /** Every name of every option that takes a value, space-separated. */
  private static String valuedOptions(CommandSpec spec) {
    return spec.options().stream()
        .filter(o -> o.arity().max() > 0)
        .map(OptionSpec::names)
        .flatMap(Arrays::stream)
        .sorted()
        .collect(Collectors.joining(" "));
  }

  private static String resource() {
    try (InputStream in = NameCompletion.class.getResourceAsStream("name-completion.bash")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
