package circular.cli;

import circular.InputException;
import circular.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code circular.properties} in the working folder: defaults for options an office sets once
 * ({@code smtp=}, {@code smtp-trust=}, {@code imap=}). Never a place for a password.
 */
final class Defaults {
  static final Path FILE = Path.of("circular.properties");

  private final Properties properties;

  private Defaults(Properties properties) {
    this.properties = properties;
  }

  static Defaults load() {
    Properties properties = new Properties();
    if (Files.isRegularFile(FILE)) {
      try (Reader reader = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        throw new InputException(Problem.in(FILE, "cannot be read: " + e.getMessage()));
      }
    }
    return new Defaults(properties);
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(properties.getProperty(key)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
