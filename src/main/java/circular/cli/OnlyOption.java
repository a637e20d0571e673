package circular.cli;

import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** The {@code --only ID,...} option of preview, send and remind. */
final class OnlyOption {
  @Option(
      names = "--only",
      split = ",",
      paramLabel = "ID",
      description = "Only these recipients (ids, comma-separated).")
  Set<String> ids = new LinkedHashSet<>();
}
