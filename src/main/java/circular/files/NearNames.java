package circular.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a message says when a name the user typed is not there: the names that are, the closest
 * first, and a "did you mean" when one is near enough to be a typo. Stateless.
 *
 * <pre>{@code
 * NearNames.in(Path.of("letter-templates"), Files::isDirectory)
 *     .hint("2012-03-22-nim-invitaton", "letters")
 * // "; did you mean '2012-03-22-nim-invitation'? (the letters in letter-templates/: …)"
 * }</pre>
 *
 * @param folder the folder the names are in, as the message shows it
 * @param names the names there, sorted
 */
public record NearNames(Path folder, List<String> names) {
  /** How many names a message lists before it only counts the rest. */
  private static final int SHOWN = 10;

  public NearNames {
    names = List.copyOf(names);
  }

  /** The entries of {@code folder} that pass {@code kept}, by name; none if it cannot be listed. */
  public static NearNames in(Path folder, Predicate<Path> kept) {
    if (!Files.isDirectory(folder)) {
      return new NearNames(folder, List.of());
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return new NearNames(
          folder, entries.filter(kept).map(p -> p.getFileName().toString()).sorted().toList());
    } catch (IOException e) {
      return new NearNames(folder, List.of());
    }
  }

  /**
   * The end of a message about {@code typed}: {@code "; did you mean 'x'? (the letters in
   * letter-templates/: x, y)"}, or {@code ""} when there are none.
   *
   * @param what the plural noun for the names, e.g. {@code "letters"}
   */
  public String hint(String typed, String what) {
    if (names.isEmpty()) {
      return "";
    }
    Optional<String> closest = closest(typed);
    List<String> ordered = new ArrayList<>(names);
    closest.ifPresent(
        c -> {
          ordered.remove(c);
          ordered.add(0, c);
        });
    String mean = closest.map(c -> "; did you mean '" + stem(c) + "'?").orElse("");
    return mean + " (the " + what + " in " + label(folder) + ": " + shown(ordered) + ")";
  }

  /** The names, the first few of a long list: {@code "a.csv, b.xlsx"}. */
  public String listing() {
    return shown(names);
  }

  private static String shown(List<String> names) {
    String shown = String.join(", ", names.subList(0, Math.min(SHOWN, names.size())));
    return names.size() > SHOWN ? shown + " and " + (names.size() - SHOWN) + " more" : shown;
  }

  /** The name nearest {@code typed}, if it is near enough to be what the user meant. */
  public Optional<String> closest(String typed) {
    return closest(typed, names);
  }

  /**
   * The one of {@code names} nearest {@code typed}, if it is near enough to be what the user meant;
   * a list's {@code .csv} or {@code .xlsx}, and case, do not count.
   */
  public static Optional<String> closest(String typed, Collection<String> names) {
    String wanted = stem(typed).toLowerCase(Locale.ROOT);
    return names.stream()
        .filter(n -> isNear(wanted, stem(n).toLowerCase(Locale.ROOT)))
        .min(Comparator.comparingInt(n -> distance(wanted, stem(n).toLowerCase(Locale.ROOT))));
  }

  /**
   * A slip of the keyboard, or a name cut short: at most a third of the shorter name's letters
   * changed, and at least two allowed; or one name starts with the other.
   */
  static boolean isNear(String typed, String name) {
    if (typed.isEmpty() || name.isEmpty()) {
      return false;
    }
    if (name.startsWith(typed) || typed.startsWith(name)) {
      return true;
    }
    int allowed = Math.max(2, Math.min(typed.length(), name.length()) / 3);
    return distance(typed, name) <= allowed;
  }

  /**
   * The fewest letters inserted, deleted, replaced or swapped with their neighbour to make one
   * string the other (optimal string alignment): {@code fromat} is one from {@code format}.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** A file's name without its {@code .csv} or {@code .xlsx}, as the user may type it. */
  private static String stem(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String extension : List.of(".csv", ".xlsx")) {
      if (lower.endsWith(extension)) {
        return name.substring(0, name.length() - extension.length());
      }
    }
    return name;
  }

  /** A folder as a message names it: {@code letter-templates/}, or {@code .} for this one. */
  private static String label(Path folder) {
    String name = folder.toString();
    return name.isEmpty() ? "." : name.endsWith("/") ? name : name + "/";
  }
}
