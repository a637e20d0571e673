package circular.cli;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, run as a process: a page's DOM after it loaded, or a screenshot of
 * it. Every run starts with a fresh profile and none of the calls home a browser makes, so it works
 * without a network.
 */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 90;

  private final Path profiles;

  /**
   * @param profiles a folder for the throw-away profiles
   */
  Chromium(Path profiles) {
    this.profiles = profiles;
  }

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** The page's DOM, serialised, once it has loaded. */
  String dumpDom(URI url) throws IOException, InterruptedException {
    return run("--dump-dom", url.toString());
  }

  /** A 1280×900 screenshot of the page, written as a PNG to {@code png}. */
  void screenshot(URI url, Path png) throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    // virtual time lets the page, its frame and their paint settle before the shot is taken
    run(
        "--screenshot=" + png.toAbsolutePath(),
        "--window-size=1280,900",
        "--virtual-time-budget=5000",
        "--run-all-compositor-stages-before-draw",
        url.toString());
    if (!Files.isRegularFile(png) || Files.size(png) == 0) {
      throw new AssertionError("Chromium wrote no screenshot to " + png);
    }
  }

  private String run(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(profiles, "profile")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(profiles, "stdout", ".html");
    Path err = Files.createTempFile(profiles, "stderr", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          "Chromium did not finish in " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "Chromium exited "
              + process.exitValue()
              + ":\n"
              + Files.readString(err, StandardCharsets.UTF_8));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
