package circular.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNamesTest {
  @Test
  void aNameKeepsItsLettersAndLosesItsPath() {
    assertThat(FileNames.safe("Rapport d'étape 2012.pdf", "x"))
        .isEqualTo("Rapport d'étape 2012.pdf");
    assertThat(FileNames.safe("../../etc/passwd", "x")).isEqualTo("passwd");
    assertThat(FileNames.safe("C:\\Users\\anna\\report.pdf", "x")).isEqualTo("report.pdf");
    assertThat(FileNames.safe("a<b>c:d\"e|f?g*h\u0007.txt", "x")).isEqualTo("a_b_c_d_e_f_g_h_.txt");
  }

  @Test
  void hiddenParentAndDeviceNamesAreDefused() {
    assertThat(FileNames.safe("..", "attachment")).isEqualTo("attachment");
    assertThat(FileNames.safe(".bashrc", "attachment")).isEqualTo("bashrc");
    assertThat(FileNames.safe("report. . ", "attachment")).isEqualTo("report");
    assertThat(FileNames.safe("CON.txt", "attachment")).isEqualTo("_CON.txt");
    assertThat(FileNames.safe("", "attachment")).isEqualTo("attachment");
    assertThat(FileNames.safe(null, "attachment")).isEqualTo("attachment");
  }

  @Test
  void aLongNameIsShortenedToFitAnyFileSystemAndKeepsItsExtension() {
    String name = FileNames.safe("é".repeat(300) + ".pdf", "x");

    assertThat(name).endsWith(".pdf").startsWith("éé");
    assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
  }

  @Test
  void anAsciiNameKeepsItsLettersWithoutTheirAccents() {
    assertThat(FileNames.ascii("Budget état 2012 – Genève.xlsx"))
        .isEqualTo("Budget etat 2012 _ Geneve.xlsx");
  }

  @Test
  void theNthFileOfANameIsNumberedBeforeItsExtension() {
    assertThat(FileNames.numbered("report.pdf", 1)).isEqualTo("report.pdf");
    assertThat(FileNames.numbered("report.pdf", 2)).isEqualTo("report-2.pdf");
    assertThat(FileNames.numbered("archive.tar.gz", 3)).isEqualTo("archive.tar-3.gz");
    assertThat(FileNames.numbered("README", 2)).isEqualTo("README-2");
  }
}
