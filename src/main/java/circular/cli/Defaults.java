package circular.cli;

import circular.InputException;
import circular.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.PropertiesDefaultProvider;

/**
 * {@code circular.properties} in the working folder: defaults for the options an office sets once,
 * {@code smtp=}, {@code smtp-trust=} and {@code imap=} (for {@code --smtp}, {@code --smtp-trust}
 * and {@code --imap}), applied by picocli's {@link PropertiesDefaultProvider}. Never a place for a
 * password. The file is read, as UTF-8, only by a command that has one of these options; a key with
 * an empty value counts as absent, and any other key is ignored. A file that cannot be read is
 * reported where its values are needed ({@link #check}): by a send, dry run included, not by a scan
 * of named mailboxes. A bad value read from it is reported as the file's ({@link #named}).
 */
final class Defaults extends PropertiesDefaultProvider {
  static final Path FILE = Path.of("circular.properties");
  private static final Set<String> KEYS = Set.of("smtp", "smtp-trust", "imap");

  private final Path file;
  private final Properties read;
  private boolean loaded;
  private InputException problem;

  Defaults() {
    this(FILE);
  }

  Defaults(Path file) {
    this(file, new Properties());
  }

  private Defaults(Path file, Properties read) {
    super(read);
    this.file = file;
    this.read = read;
  }

  /** The defaults in use for {@code command}, which it reads through picocli. */
  static Defaults of(CommandSpec command) {
    return (Defaults) command.commandLine().getDefaultValueProvider();
  }

  /**
   * @throws InputException if the file was needed and could not be read
   */
  void check() {
    if (problem != null) {
      throw problem;
    }
  }

  /**
   * Reads the value of option {@code --key} with {@code read}; a problem with a value that came
   * from this file, not from the command line, names the file and key: {@code circular.properties:
   * smtp: …} rather than {@code --smtp: …}.
   */
  <T> T named(CommandSpec command, String key, Supplier<T> read) {
    String option = "--" + key;
    try {
      return read.get();
    } catch (InputException e) {
      if (command.commandLine().getParseResult().hasMatchedOption(option)) {
        throw e;
      }
      throw new InputException(
          e.problems().stream()
              .map(p -> p.where().equals(option) ? new Problem(file + ": " + key, p.what()) : p)
              .toList());
    }
  }

  @Override
  public String defaultValue(ArgSpec argSpec) throws Exception {
    if (!(argSpec instanceof OptionSpec option)
        || !KEYS.contains(option.longestName().substring(2))) {
      return null;
    }
    load();
    return super.defaultValue(argSpec);
  }

  private synchronized void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    if (!Files.isRegularFile(file)) {
      return;
    }
    Properties values = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      values.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      problem = new InputException(Problem.in(file, "cannot be read: " + e.getMessage()));
      return;
    }
    for (String key : KEYS) {
      String value = values.getProperty(key, "").strip();
      if (!value.isEmpty()) {
        read.setProperty(key, value);
      }
    }
  }
}
