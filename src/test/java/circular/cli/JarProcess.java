package circular.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the packaged {@code circular.jar} as its own process, as a user does, with a plain "C"
 * locale so that nothing depends on the machine's settings.
 */
final class JarProcess {
  static final Path JAR = Path.of(System.getProperty("circular.jar", "target/circular.jar"));

  /** The launcher {@code mvn package} writes next to the jar, as the README runs it. */
  static final Path LAUNCHER = JAR.resolveSibling("circular");

  record Result(List<String> command, int status, String out, String err) {
    @Override
    public String toString() {
      return String.join(" ", command)
          + "\n-> exit "
          + status
          + "\n--- stdout\n"
          + out
          + "--- stderr\n"
          + err;
    }
  }

  static Process start(Path workingDir, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = command(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
    builder.environment().put("LANG", "C");
    builder.environment().remove("LC_ALL");
    builder.environment().putAll(env);
    return builder.start();
  }

  static Result run(Path workingDir, String... args) throws IOException, InterruptedException {
    return run(workingDir, Map.of(), Duration.ofSeconds(60), args);
  }

  /** Runs {@code target/circular}, the launcher, rather than {@code java -jar}. */
  static Result launch(Path workingDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return launch(workingDir, LAUNCHER, env, args);
  }

  /** Runs a launcher script (the packaged one, or a copy elsewhere) with the given environment. */
  static Result launch(Path workingDir, Path launcher, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(launcher.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Map<String, String> withJava =
        new HashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home")));
    withJava.putAll(env);
    return run(workingDir, withJava, Duration.ofSeconds(60), command);
  }

  /** Runs another jar than the packaged one, e.g. one with a library missing. */
  static Result run(Path workingDir, Path jar, String... args)
      throws IOException, InterruptedException {
    return run(workingDir, Map.of(), Duration.ofSeconds(60), command(jar, args));
  }

  static Result run(Path workingDir, Map<String, String> env, Duration timeout, String... args)
      throws IOException, InterruptedException {
    return run(workingDir, env, timeout, command(JAR, args));
  }

  private static Result run(
      Path workingDir, Map<String, String> env, Duration timeout, List<String> command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("circular-out", ".txt");
    Path err = Files.createTempFile("circular-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
      builder.environment().put("LANG", "C");
      builder.environment().remove("LC_ALL");
      builder.environment().putAll(env);
      builder
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout);
      }
      return new Result(
          command,
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** util-linux's {@code script}, which runs a command in a pseudo-terminal of its own. */
  static final Path SCRIPT = Path.of("/usr/bin/script");

  /**
   * Runs the jar in a pseudo-terminal, as at a user's terminal: {@code System.console()} is there
   * and progress bars are drawn. Needs {@link #SCRIPT}; stdout and stderr come back together, as
   * {@code out}, with the terminal's CR LF line ends.
   */
  static Result onTerminal(Path workingDir, String... args)
      throws IOException, InterruptedException {
    String inside =
        command(args).stream()
            .map(a -> "'" + a.replace("'", "'\\''") + "'")
            .collect(Collectors.joining(" "));
    return run(
        workingDir,
        Map.of(),
        Duration.ofSeconds(60),
        List.of(SCRIPT.toString(), "-q", "-e", "-c", inside, "/dev/null"));
  }

  private static List<String> command(String... args) {
    return command(JAR, args);
  }

  private static List<String> command(Path jar, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(List.of(args));
    return command;
  }

  private JarProcess() {}
}
