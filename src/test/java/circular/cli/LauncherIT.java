package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/circular}, the launcher {@code mvn package} makes: it does what {@code java -jar}
 * does, maps the class-data sharing archive made during the build, runs just as well without it or
 * with one that does not fit, and comes with a bash completion.
 */
class LauncherIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Path TARGET = JarProcess.JAR.toAbsolutePath().getParent();
  private static final String[] PREVIEW = {
    "preview", "2012-03-22-nim-invitation", "ccm-states-parties-2012", "--only", "FRA"
  };

  @TempDir Path dir;

  private static String expectedFrance() throws IOException {
    return Files.readString(
        Path.of("src/test/resources/expected/nim-invitation-FRA.txt"), StandardCharsets.UTF_8);
  }

  @Test
  void theLauncherDoesWhatJavaJarDoes() throws Exception {
    JarProcess.Result launched = JarProcess.launch(PROJECT, Map.of(), PREVIEW);
    JarProcess.Result jar = JarProcess.run(PROJECT, PREVIEW);
    JarProcess.Result broken =
        JarProcess.launch(PROJECT, Map.of(), "preview", "2012-03-22-nim-invitation", "nowhere.csv");

    assertThat(launched.status()).as(launched.toString()).isZero();
    assertThat(launched.out()).isEqualTo(jar.out()).isEqualTo(expectedFrance());
    assertThat(launched.err()).isEmpty();
    assertThat(broken.status()).isEqualTo(2);
    assertThat(broken.err())
        .isEqualTo(
            "recipients/nowhere.csv: no such file (the lists in recipients/: ccm-states-parties-2012.csv)\n"
                + "1 problem; nothing was written.\n");
  }

  @Test
  void theArchiveMadeDuringTheBuildIsMapped() throws Exception {
    Path log = dir.resolve("classes.log");
    // -Xshare:on fails rather than run without the archive
    JarProcess.Result run =
        JarProcess.launch(
            PROJECT,
            Map.of("CIRCULAR_JAVA_OPTIONS", "-Xshare:on -Xlog:class+load=info:file=" + log),
            PREVIEW);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(Files.readAllLines(log))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("circular.cli.PreviewCommand source: shared objects file"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("org.thymeleaf.TemplateEngine source: shared objects file"))
        // compiled for Java 5: only a static archive holds it
        .anySatisfy(
            line -> assertThat(line).contains("picocli.CommandLine source: shared objects file"));
  }

  @Test
  void withoutTheArchiveOrWithOneThatDoesNotFitItRunsTheSameAndSaysNothing() throws Exception {
    Path missing = copyOfLauncher("missing", Optional.empty());
    Path garbage = copyOfLauncher("garbage", Optional.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    // the build's archive belongs to the build's jar: here it is next to another copy
    Path otherJar =
        copyOfLauncher(
            "other-jar", Optional.of(Files.readAllBytes(TARGET.resolve("circular.jsa"))));

    for (Path launcher : List.of(missing, garbage, otherJar)) {
      JarProcess.Result run = JarProcess.launch(PROJECT, launcher, Map.of(), PREVIEW);

      assertThat(run.status()).as(run.toString()).isZero();
      assertThat(run.out()).as(launcher.toString()).isEqualTo(expectedFrance());
      assertThat(run.err()).as(launcher.toString()).isEmpty();
    }
  }

  @Test
  void anotherJdkThanTheBuildsPassesTheArchiveOver() throws Exception {
    Optional<Path> other = otherJdk();
    Assumptions.assumeTrue(other.isPresent(), "no second JDK on this machine");

    JarProcess.Result run =
        JarProcess.launch(PROJECT, Map.of("JAVA_HOME", other.get().toString()), PREVIEW);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(expectedFrance());
    assertThat(run.err()).isEmpty();
  }

  @Test
  void bashCompletesCommandsOptionsAndTheirValues() throws Exception {
    List<String> answers =
        complete(
            PROJECT,
            "complete -p circular",
            "ask target/circular pr",
            "ask target/circular s",
            "ask target/circular preview --fo",
            "ask target/circular preview a b --format ''");

    assertThat(answers)
        .containsExactly(
            "complete -o default -F _circular_complete_names circular",
            "preview",
            "send status sandbox",
            "--format",
            "text html eml pdf");
  }

  @Test
  void bashCompletesTheNamesOfLettersListsAndCampaignsOfTheWorkingFolder() throws Exception {
    Files.createDirectories(dir.resolve("letter-templates/2027-06-invitation"));
    Files.writeString(dir.resolve("letter-templates/2027-06-invitation/letter.properties"), "");
    Files.createDirectories(dir.resolve("letter-templates/notes")); // no letter.properties
    Files.createDirectories(dir.resolve("recipients"));
    Files.writeString(dir.resolve("recipients/states.csv"), "");
    Files.writeString(dir.resolve("recipients/observers.xlsx"), "");
    Files.createDirectories(dir.resolve("campaigns/2027-06-invitation"));

    List<String> answers =
        complete(
            dir,
            "ask circular preview ''",
            "ask circular send --smtp sandbox 2027 ''",
            "ask circular send --only AUT,FRA 2027-06-invitation o",
            "ask circular send 2027-06-invitation states ''",
            "ask circular remind --yes 2027",
            "ask circular status --campaign ''",
            "ask circular digest --campaign = 2",
            "ask circular new --from ''",
            "ask circular new --recipients s",
            "ask circular new ''",
            "ask circular preview letter-templates/2",
            "ask circular preview --for");

    assertThat(answers)
        .containsExactly(
            "2027-06-invitation", // not notes: no letter.properties
            "states observers",
            "observers",
            "", // no third argument
            "2027-06-invitation",
            "2027-06-invitation",
            "2027-06-invitation",
            "2027-06-invitation",
            "states",
            "", // a new letter's name
            "letter-templates/2027-06-invitation", // a path as typed
            "--format");
  }

  @Test
  void aNameIsOfferedQuotedAndNeverRunAsShellCode() throws Exception {
    for (String letter : List.of("june invitation", "$(touch ran)", "`touch ran`")) {
      Files.createDirectories(dir.resolve("letter-templates").resolve(letter));
      Files.writeString(dir.resolve("letter-templates").resolve(letter + "/letter.properties"), "");
    }

    List<String> answers =
        complete(dir, "ask circular preview ''", "ask circular preview ju", "ask circular new '$'");

    assertThat(dir.resolve("ran")).doesNotExist();
    assertThat(answers).hasSize(3);
    assertThat(answers.get(0))
        .contains("\\$\\(touch\\ ran\\)", "\\`touch\\ ran\\`", "june\\ invitation");
    assertThat(answers.subList(1, 3)).containsExactly("june\\ invitation", "");
  }

  @Test
  void completionWorksForAShellThatTreatsUnsetVariablesAsErrors() throws Exception {
    Files.createDirectories(dir.resolve("campaigns/2027-06-invitation"));

    List<String> answers =
        complete(
            dir,
            "set -u",
            "ask circular status ''",
            "ask circular preview a b c ''",
            "ask circular status --campaign 2");

    assertThat(answers).containsExactly("", "", "2027-06-invitation");
  }

  @Test
  void zshCompletesNamesThroughBashcompinitToo() throws Exception {
    Assumptions.assumeTrue(
        Stream.of(System.getenv("PATH").split(":"))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "zsh"))),
        "zsh is not installed");
    Files.createDirectories(dir.resolve("letter-templates/june invitation"));
    Files.writeString(dir.resolve("letter-templates/june invitation/letter.properties"), "");
    Files.createDirectories(dir.resolve("campaigns/2027-06-invitation"));
    String script =
        String.join(
            "\n",
            "autoload -U +X compinit && compinit -u",
            "source '" + TARGET.resolve("circular_completion") + "'",
            // as bashcompinit calls it: COMP_WORDS numbered from 1, COMP_CWORD as bash counts
            "ask() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMPREPLY=();"
                + " _circular_complete_names; echo \"${COMPREPLY[*]}\"; }",
            "ask circular preview ''",
            "ask circular digest --campaign 2",
            "");
    Process zsh =
        new ProcessBuilder("zsh", "-f", "-c", script)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(zsh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(zsh.waitFor()).as(out).isZero();
    assertThat(out.lines().toList()).containsExactly("june\\ invitation", "2027-06-invitation");
  }

  /**
   * What bash's completion offers for each {@code ask WORD...} line, run in {@code folder} with the
   * completion the build made; other lines' output as it is.
   */
  private static List<String> complete(Path folder, String... lines) throws Exception {
    Path completion = TARGET.resolve("circular_completion");
    String script =
        String.join(
            "\n",
            "source '" + completion + "'",
            "compopt() { :; }", // the builtin only works inside a completion bash runs itself
            "ask() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; COMPREPLY=();"
                + " _circular_complete_names; echo \"${COMPREPLY[*]}\"; }",
            String.join("\n", lines),
            "");
    Process bash =
        new ProcessBuilder("bash", "--norc", "-c", script)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor()).as(out).isZero();
    return out.lines().toList();
  }

  /**
   * A copy of the launcher and the jar in a folder of their own, with the given archive, if any.
   */
  private Path copyOfLauncher(String name, Optional<byte[]> archive) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.copy(
        TARGET.resolve("circular"), folder.resolve("circular"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(TARGET.resolve("circular.jar"), folder.resolve("circular.jar"));
    if (archive.isPresent()) {
      Files.write(folder.resolve("circular.jsa"), archive.get());
    }
    return folder.resolve("circular");
  }

  /** A JDK installed beside the one running the build, if there is one. */
  private static Optional<Path> otherJdk() throws IOException {
    Path home = Path.of(System.getProperty("java.home")).toRealPath();
    Path jvms = home.getParent();
    if (jvms == null || !Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(
              h ->
                  Files.isExecutable(h.resolve("bin/java"))
                      && Files.isRegularFile(h.resolve("release")))
          .filter(h -> !sameJdk(h, home))
          .findFirst();
    }
  }

  private static boolean sameJdk(Path a, Path b) {
    try {
      return a.toRealPath().equals(b)
          || Files.readString(a.resolve("release")).equals(Files.readString(b.resolve("release")));
    } catch (IOException e) {
      return true;
    }
  }
}
