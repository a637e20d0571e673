package circular.letters;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A head start for {@code preview} and {@code send}: the first letter a process renders spends most
 * of its time starting Thymeleaf, and the first PDF (one per language is printed to check the
 * letter) loading the printing machinery. Called first thing, before the command line is parsed, it
 * looks at the arguments for a letter folder, and if there is one has Thymeleaf and, when the
 * letter's properties say {@code pdf = attach}, the printing warmed up on another core while the
 * main thread parses the command line and reads the letter and the list. A guess from the
 * arguments, never a decision: a wrong guess costs a missed head start or a little work on another
 * core, and the command runs as it would anyway.
 */
public final class PrintWarmUp {
  private static final List<String> PRINTING_COMMANDS = List.of("preview", "send");

  private PrintWarmUp() {}

  public static void startFor(String[] args) {
    if (args.length < 2 || !PRINTING_COMMANDS.contains(args[0])) {
      return;
    }
    for (int i = 1; i < args.length; i++) {
      Path folder = folder(args[i]);
      if (!args[i].startsWith("-") && isLetter(folder)) {
        if (attachesPdf(folder)) {
          start("print-warm-up", PdfRenderer::warmUp); // first: the longest
        }
        start("render-warm-up", LetterTemplate::warmUpEngine);
        return;
      }
    }
  }

  /**
   * Each on its own thread: the main thread needs Thymeleaf first and the printing after, and both
   * take long.
   */
  private static void start(String name, Runnable warmUp) {
    Thread thread =
        new Thread(
            () -> {
              try {
                warmUp.run();
              } catch (RuntimeException e) {
                // only a head start: the letter's own rendering and printing report what is wrong
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  private static boolean isLetter(Path folder) {
    return Files.isRegularFile(folder.resolve("letter.properties"));
  }

  /**
   * The folder an argument names, as the commands find a letter: as typed, else in {@code
   * letter-templates/}.
   */
  private static Path folder(String name) {
    try {
      return LetterTemplate.folderNamed(name);
    } catch (RuntimeException e) {
      return Path.of("");
    }
  }

  /** Whether a {@code letter*.properties} of the folder has a line {@code pdf = attach}. */
  private static boolean attachesPdf(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(
              f ->
                  f.getFileName().toString().startsWith("letter")
                      && f.getFileName().toString().endsWith(".properties"))
          .anyMatch(PrintWarmUp::saysAttach);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Read as the letter reads its properties, so that every way of writing the line counts. */
  private static boolean saysAttach(Path properties) {
    Properties read = new Properties();
    try (Reader in = Files.newBufferedReader(properties)) {
      read.load(in);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return read.getProperty(PdfSettings.ATTACH, "").strip().equalsIgnoreCase("attach");
  }
}
