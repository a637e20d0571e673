package circular.cli;

import circular.InputException;
import circular.letters.LetterTemplate;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the user's files are: a path as typed, or a bare name looked up in the usual folders, so
 * that {@code circular preview 2012-03-22-nim-invitation ccm-states-parties-2012} works.
 */
final class Locations {
  private Locations() {}

  static Path letter(String name) {
    return LetterTemplate.folderNamed(name);
  }

  /**
   * A recipient list as typed, or a bare name in {@code recipients/}, as {@code .csv} or {@code
   * .xlsx}; a workbook's sheet may follow a {@code #}: {@code states#Geneva} is {@code
   * recipients/states.xlsx#Geneva}.
   */
  static Path recipients(String name) {
    Path typed = Path.of(name);
    if (Files.exists(typed)) {
      return typed;
    }
    int hash = name.lastIndexOf('#');
    String file = hash < 0 ? name : name.substring(0, hash);
    String sheet = hash < 0 ? "" : name.substring(hash);
    if (Files.isRegularFile(Path.of(file))) {
      return typed; // a workbook as typed, with its sheet
    }
    if (Files.isRegularFile(Path.of("recipients", file))) {
      return Path.of("recipients", file + sheet);
    }
    Path csv = Path.of("recipients", file + ".csv");
    Path workbook = Path.of("recipients", file + ".xlsx");
    boolean isCsv = hash < 0 && Files.isRegularFile(csv); // a sheet names a workbook
    boolean isWorkbook = Files.isRegularFile(workbook);
    if (isCsv && isWorkbook) {
      throw InputException.of(
          name,
          "both " + csv + " and " + workbook + " exist; name the one to use, e.g. " + workbook);
    }
    if (isCsv) {
      return csv;
    }
    if (isWorkbook) {
      return Path.of("recipients", file + ".xlsx" + sheet);
    }
    // a bare name found nowhere: the message about it names recipients/ and lists what is there
    boolean bare = !file.isBlank() && !file.contains("/") && !file.contains(File.separator);
    return bare ? Path.of("recipients", name) : typed;
  }

  /** A campaign folder as typed, or a bare name in {@code campaigns/}. */
  static Path campaign(String name) {
    Path typed = Path.of(name);
    Path usual = Path.of("campaigns", name);
    return !Files.exists(typed) && Files.isDirectory(usual) ? usual : typed;
  }

  /** What marks the campaigns a command can work on, and how messages name them. */
  record Kind(String marker, String have) {}

  static final Kind WITH_SANDBOX = new Kind("sandbox", "a sandbox");
  static final Kind SENT = new Kind("sent.csv", "been sent");

  /** The one folder under {@code campaigns} holding {@code kind.marker()}, or an input error. */
  static Path onlyCampaign(Path campaigns, Kind kind) {
    List<Path> found;
    if (!Files.isDirectory(campaigns)) {
      found = List.of();
    } else {
      try (Stream<Path> folders = Files.list(campaigns)) {
        found = folders.filter(f -> Files.exists(f.resolve(kind.marker()))).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.isEmpty()) {
      throw InputException.of(
          campaigns.toString(),
          "no campaign has "
              + kind.have()
              + " yet; run 'circular send LETTER RECIPIENTS' first, or pass --campaign DIR");
    }
    String names =
        found.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "));
    throw InputException.of(
        campaigns.toString(),
        found.size()
            + " campaigns have "
            + kind.have()
            + " ("
            + names
            + "); choose one with --campaign NAME");
  }

  /** The campaign folder named by the user, which must exist. */
  static Path existingCampaign(String name) {
    Path folder = campaign(name);
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw InputException.of(name, "is a file, not a campaign folder");
    }
    if (!Files.isDirectory(folder)) {
      throw InputException.of(name, "no such campaign folder (campaigns are in campaigns/)");
    }
    return folder;
  }
}
