package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's slips — a letter, list, command or option spelt wrong, a folder for a list — each
 * answered by the packaged jar with one line saying what there is, and exit status 2.
 */
class MisspeltNamesJarIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void aMisspeltLetterNamesLetterTemplatesAndSuggestsTheLetterMeant() throws Exception {
    JarProcess.Result run =
        JarProcess.run(PROJECT, "preview", "2012-03-22-nim-invitaton", "ccm-states-parties-2012");

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "letter-templates/2012-03-22-nim-invitaton: no such letter folder;"
                + " did you mean '2012-03-22-nim-invitation'? (the letters in letter-templates/:"
                + " 2012-03-22-nim-invitation, 2012-03-22-nim-invitation-reminder)\n"
                + "1 problem; nothing was written.\n");
  }

  @Test
  void aLetterNamedOutsideAProjectSaysWhereToRunCircular() throws Exception {
    JarProcess.Result run =
        JarProcess.run(dir, "preview", "2012-03-22-nim-invitation", "states.csv");

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "letter-templates/2012-03-22-nim-invitation: no such letter folder;"
                + " there is no folder letter-templates/ in "
                + dir.toRealPath()
                + ": run circular from the folder that holds it, or give the letter folder's path\n"
                + "recipients/states.csv: no such file\n"
                + "2 problems; nothing was written.\n");
  }

  @Test
  void aMisspeltListNamesWhereItLookedAndSuggestsTheListMeant() throws Exception {
    JarProcess.Result run =
        JarProcess.run(PROJECT, "preview", "2012-03-22-nim-invitation", "ccm-states-parties");

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "recipients/ccm-states-parties: no such list (neither .csv nor .xlsx);"
                + " did you mean 'ccm-states-parties-2012'? (the lists in recipients/:"
                + " ccm-states-parties-2012.csv)\n"
                + "1 problem; nothing was written.\n");
  }

  @Test
  void aFolderGivenAsTheListListsTheListsInIt() throws Exception {
    JarProcess.Result run =
        JarProcess.run(PROJECT, "preview", "2012-03-22-nim-invitation", "recipients");

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "recipients: is a folder, not a list; name a .csv or .xlsx file in it"
                + " (ccm-states-parties-2012.csv)\n"
                + "1 problem; nothing was written.\n");
  }

  @Test
  void aMisspeltCommandIsOneLineWithTheCommandMeant() throws Exception {
    JarProcess.Result run =
        JarProcess.run(PROJECT, "previw", "2012-03-22-nim-invitation", "ccm-states-parties-2012");

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "circular: unknown command 'previw'; did you mean 'preview'?"
                + " (circular --help lists the commands)\n");
  }

  @Test
  void aMisspeltOptionIsOneLineWithTheOptionMeant() throws Exception {
    JarProcess.Result run =
        JarProcess.run(
            PROJECT,
            "preview",
            "2012-03-22-nim-invitation",
            "ccm-states-parties-2012",
            "--fromat",
            "eml");

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "circular: unknown option '--fromat'; did you mean '--format'?"
                + " (circular preview --help lists the options)\n");
  }
}
