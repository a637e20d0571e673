package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a process from the project folder the way the README says. */
class CircularJarIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void previewPrintsTheFrenchLetterInUtf8EvenUnderTheCLocale() throws Exception {
    JarProcess.Result run =
        JarProcess.run(
            PROJECT,
            "preview",
            "2012-03-22-nim-invitation",
            "ccm-states-parties-2012",
            "--only",
            "FRA");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo(
            Files.readString(
                Path.of("src/test/resources/expected/nim-invitation-FRA.txt"),
                StandardCharsets.UTF_8));
  }

  @Test
  void lettersPreviewedTogetherAreSetApartByABlankLine() throws Exception {
    JarProcess.Result run =
        JarProcess.run(
            PROJECT,
            "preview",
            "2012-03-22-nim-invitation",
            "ccm-states-parties-2012",
            "--only",
            "AUT,SEN");

    assertThat(run.status()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    int second = lines.indexOf("==> SEN <==");
    assertThat(lines.get(0)).isEqualTo("==> AUT <==");
    assertThat(second).as(run.out()).isGreaterThan(2);
    assertThat(lines.get(second - 1)).isEmpty();
    assertThat(lines.get(second - 2)).as("the last line of AUT's letter").isNotBlank();
  }

  @Test
  void aBrokenListExitsTwoWithOneLinePerProblemAndNoStackTrace() throws Exception {
    Path list = dir.resolve("x.csv");
    Files.writeString(list, "id,email\nAUT,a@x.example\nAUT,not-an-address\n");

    JarProcess.Result run =
        JarProcess.run(PROJECT, "preview", "2012-03-22-nim-invitation", list.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            list
                + ":3: column 'id': duplicate id 'AUT' (first on line 2)\n"
                + list
                + ":3: column 'email': 'not-an-address' is not an email address\n"
                // the row without a problem is rendered too: what the list lacks, in the same run
                + "letter-templates/2012-03-22-nim-invitation/letter.html:23:7: unknown variable"
                + " 'title'; the recipient list's columns are: id, email\n"
                + "letter-templates/2012-03-22-nim-invitation/letter.html:23:7: unknown variable"
                + " 'name'; the recipient list's columns are: id, email\n"
                + "letter-templates/2012-03-22-nim-invitation/letter.html:24:7: unknown variable"
                + " 'mission'; the recipient list's columns are: id, email\n"
                + "letter-templates/2012-03-22-nim-invitation/letter.html:27:23: unknown variable"
                + " 'salutation'; the recipient list's columns are: id, email\n"
                + "letter-templates/2012-03-22-nim-invitation/letter.properties:42: key 'subject':"
                + " unknown variable 'country'; the recipient list's columns are: id, email\n"
                + "7 problems; nothing was written.\n");
  }

  @Test
  void pdfsAreSetInTheFontsTheJarCarriesAndNothingIsLogged() throws Exception {
    JarProcess.Result run =
        JarProcess.run(
            PROJECT,
            "preview",
            "2012-03-22-nim-invitation",
            "ccm-states-parties-2012",
            "--only",
            "FRA",
            "--format",
            "pdf",
            "--out",
            dir.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("Wrote 1 letter to " + dir + "\n");
    assertThat(run.err()).isEmpty();
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("FRA.pdf").toFile())) {
      PDResources resources = pdf.getPage(0).getResources();
      List<String> fonts = new ArrayList<>();
      for (COSName name : resources.getFontNames()) {
        fonts.add(resources.getFont(name).getName().replaceFirst("^[A-Z]{6}\\+", ""));
      }
      assertThat(fonts).contains("DejaVuSerif");
      assertThat(new PDFTextStripper().getText(pdf)).contains("Le 22 mars 2012");
    }
  }

  @Test
  void printingLooksAtNoneOfTheComputersFontsAndWritesNothingInTheHomeFolder() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));

    JarProcess.Result run =
        JarProcess.launch(
            PROJECT,
            Map.of("CIRCULAR_JAVA_OPTIONS", "-Duser.home=" + home),
            "preview",
            "2012-03-22-nim-invitation",
            "ccm-states-parties-2012",
            "--only",
            "AUT,FRA,MEX",
            "--format",
            "pdf",
            "--out",
            dir.resolve("pdf").toString());

    assertThat(run.status()).as(run.toString()).isZero();
    try (var files = Files.list(home)) {
      assertThat(files).as("PDFBox's font cache, made by scanning the computer's fonts").isEmpty();
    }
  }

  @Test
  void aBugExitsSeventyAndSaysWhereToReportIt() throws Exception {
    // a jar that lost a library on the way: the kind of failure no user's file can cause
    Path broken = dir.resolve("broken.jar");
    try (ZipFile jar = new ZipFile(JarProcess.JAR.toFile());
        ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(broken))) {
      for (ZipEntry entry : Collections.list(jar.entries())) {
        if (!entry.getName().startsWith("org/apache/commons/csv/")) {
          copy.putNextEntry(new ZipEntry(entry.getName()));
          jar.getInputStream(entry).transferTo(copy);
        }
      }
    }

    JarProcess.Result run =
        JarProcess.run(
            PROJECT, broken, "preview", "2012-03-22-nim-invitation", "ccm-states-parties-2012");

    assertThat(run.status()).as(run.toString()).isEqualTo(70);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith(
            "circular: internal error: a bug in circular, not a mistake in your files (exit status 70).\n"
                + "Please report it in circular's issue tracker (README.md, 'Reporting a bug') with the command you ran,\n")
        .contains("NoClassDefFoundError: org/apache/commons/csv/");
  }

  @Test
  void versionAndHelpWork() throws Exception {
    JarProcess.Result version = JarProcess.run(PROJECT, "--version");
    JarProcess.Result help = JarProcess.run(PROJECT, "--help");

    assertThat(version.status()).isZero();
    assertThat(version.out()).startsWith("circular 0.1.0");
    assertThat(help.status()).isZero();
    assertThat(help.out())
        .contains("preview")
        .contains("Exit status:")
        .containsPattern("\\n +0 +all done\\n")
        .containsPattern("\\n +70 +an internal error");
  }
}
