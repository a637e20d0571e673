package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A letter with several misspelt columns and messages, run through the packaged jar: one run lists
 * every one of them at its place, once however many rows meet it, exits 2 and sends nothing.
 */
@Timeout(300)
class EveryLetterProblemJarIT {
  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;

  /** The lines every run prints before its count, in the order of the letter's parts. */
  private static final String PROBLEMS =
      "letter/letter.html:6:4: unknown variable 'cuntry'; did you mean 'country'?\n"
          + "letter/letter.html:7:4: unknown message key 'para.x': add it to letter.properties\n"
          + "letter/letter.html:8:4: unknown variable 'missoin'; did you mean 'mission'?\n"
          + "letter/letter.properties:1: key 'subject': unknown variable 'contry'; did you mean 'country'?\n";

  @BeforeEach
  void writeTheLetterAndTheList() throws Exception {
    Path letter = Files.createDirectories(dir.resolve("letter"));
    Files.writeString(
        letter.resolve("letter.html"),
        "<!DOCTYPE html>\n<html>\n<body>\n<p>Geneva, 22 March 2012</p>\n"
            + "<p th:text=\"${name}\">Name</p>\n"
            + "<p th:text=\"${cuntry}\">Country</p>\n"
            + "<p th:text=\"#{para.x}\">Paragraph</p>\n"
            + "<p th:text=\"${missoin}\">Mission</p>\n"
            + "</body>\n</html>\n");
    Files.writeString(
        letter.resolve("letter.properties"),
        "subject = Invitation ([(${contry})])\nfrom = Office <office@mission.example>\n");
    Files.writeString(
        dir.resolve("list.csv"),
        "id,email,country,name,mission\n"
            + "AUT,a@aut.example,Austria,A. Delegate,Permanent Mission of Austria\n"
            + "BEL,b@bel.example,Belgium,B. Delegate,Permanent Mission of Belgium\n"
            + "CHL,c@chl.example,Chile,C. Delegate,Permanent Mission of Chile\n");
  }

  @Test
  void sendListsEveryUnknownNameOnceExitsTwoAndSendsNothing() throws Exception {
    JarProcess.Result run =
        JarProcess.run(
            dir,
            "send",
            "letter",
            "list.csv",
            "--campaign",
            "campaign",
            "--smtp",
            "smtp://127.0.0.1:" + greenMail.getSmtp().getPort(),
            "--yes");

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).as(run.toString()).isEmpty();
    assertThat(run.err()).isEqualTo(PROBLEMS + "4 problems; nothing was sent.\n");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(dir.resolve("campaign")).doesNotExist();
  }

  @Test
  void previewListsTheSameProblemsAndWritesNothing() throws Exception {
    JarProcess.Result run =
        JarProcess.run(dir, "preview", "letter", "list.csv", "--format", "eml", "--out", "out");

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).as(run.toString()).isEmpty();
    assertThat(run.err()).isEqualTo(PROBLEMS + "4 problems; nothing was written.\n");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
