package circular.cli;

import circular.InputException;
import circular.Problem;
import circular.letters.LetterTemplate;
import circular.letters.NewLetter;
import circular.recipients.SampleList;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code circular new}: a letter folder to start from, and a small list to preview it with. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a new letter to start from.",
      "Writes letter-templates/LETTER/: a commented letter.md (the letter in Markdown), letter.properties with every header explained, and for each other language a whole letter (letter_fr.md) with its subject line (letter_fr.properties). With --from, a copy of an existing letter instead. Unless --recipients names a list, it also writes recipients/LETTER-sample.csv with two sample delegations (in the recipients folder beside letter-templates). Then it prints the preview command to run next. It never changes a folder that exists."
    })
final class NewCommand implements Callable<Integer> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "LETTER",
      description =
          "The new letter's name, e.g. 2027-06-invitation (its folder is letter-templates/LETTER), or a folder path.")
  String letter;

  @Option(
      names = "--from",
      paramLabel = "EXISTING",
      description =
          "Copy this letter folder (or its name under letter-templates/) instead of writing a sample letter.")
  String from;

  @Option(
      names = "--languages",
      split = ",",
      paramLabel = "LANG",
      description =
          "The letter's languages, the default first (default: en,fr,es; with --from, the copied letter's, plus any named here).")
  List<String> languages = new ArrayList<>();

  @Option(
      names = "--recipients",
      paramLabel = "LIST",
      description =
          "A recipient list to preview the letter with, instead of writing recipients/LETTER-sample.csv.")
  String recipients;

  @Override
  public Integer call() {
    Path folder = folder();
    Path list = recipients == null ? null : Locations.recipients(recipients);
    if (list != null && !Files.isRegularFile(list)) {
      throw InputException.of(
          recipients,
          "no such recipient list; name an existing one, or leave out --recipients for a sample");
    }
    NewLetter.Created created =
        from == null
            ? NewLetter.write(folder, languages.isEmpty() ? List.of("en", "fr", "es") : languages)
            : NewLetter.copy(LetterTemplate.load(Locations.letter(from)), folder, languages);
    LetterTemplate.load(
        folder); // what was written is a letter that loads, or the problem shows now
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Created %s: %s%n",
        folder,
        created.files().stream()
            .map(f -> folder.relativize(f).toString())
            .collect(Collectors.joining(", ")));
    String only = "";
    if (list == null) {
      Path letters = folder.getParent();
      Path lists = letters == null ? Path.of("recipients") : letters.resolveSibling("recipients");
      list = lists.resolve(folder.getFileName() + "-sample.csv");
      if (Files.exists(list)) {
        out.printf("Kept %s as it was.%n", list);
      } else {
        List<SampleList.Row> rows = SampleList.write(list, created.languages());
        out.printf(
            "Created %s: %s%n",
            list,
            rows.stream()
                .map(r -> r.id() + " (" + r.language() + ")")
                .collect(Collectors.joining(", ")));
        only = " --only " + rows.stream().map(SampleList.Row::id).collect(Collectors.joining(","));
      }
    }
    out.printf(
        "Next, edit %s and see the letters as they will leave:%n",
        folder.resolve(Files.exists(folder.resolve("letter.md")) ? "letter.md" : "letter.html"));
    out.printf("  circular preview %s %s%s%n", shortName(folder), shortList(list), only);
    return ExitCode.DONE;
  }

  private Path folder() {
    if (letter.contains("/") || letter.contains(File.separator)) {
      return Path.of(letter);
    }
    if (!NAME.matcher(letter).matches()) {
      throw new InputException(
          new Problem(
              letter,
              "is not a letter name; use letters, digits, '.', '_' and '-' (e.g. 2027-06-invitation)"));
    }
    return Path.of("letter-templates", letter);
  }

  /** The letter as preview finds it: its bare name when it is in letter-templates/. */
  private static String shortName(Path folder) {
    return folder.equals(Path.of("letter-templates").resolve(folder.getFileName()))
        ? folder.getFileName().toString()
        : folder.toString();
  }

  private static String shortList(Path list) {
    String name = list.getFileName().toString();
    boolean usual = list.equals(Path.of("recipients", name)) && name.endsWith(".csv");
    return usual ? name.substring(0, name.length() - ".csv".length()) : list.toString();
  }
}
