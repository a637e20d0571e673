package circular.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the user's files are: a path as typed, or a bare name looked up in the usual folders, so
 * that {@code circular preview 2012-03-22-nim-invitation ccm-states-parties-2012} works.
 */
final class Locations {
  private Locations() {}

  static Path letter(String name) {
    Path typed = Path.of(name);
    Path usual = Path.of("letter-templates", name);
    return !Files.exists(typed) && Files.isDirectory(usual) ? usual : typed;
  }

  static Path recipients(String name) {
    Path typed = Path.of(name);
    if (Files.exists(typed)) {
      return typed;
    }
    for (Path usual : new Path[] {Path.of("recipients", name), Path.of("recipients", name + ".csv")}) {
      if (Files.isRegularFile(usual)) {
        return usual;
      }
    }
    return typed;
  }

  /** A campaign folder as typed, or a bare name in {@code campaigns/}. */
  static Path campaign(String name) {
    Path typed = Path.of(name);
    Path usual = Path.of("campaigns", name);
    return !Files.exists(typed) && Files.isDirectory(usual) ? usual : typed;
  }
}
