package circular.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import circular.letters.Letter;
import circular.recipients.Recipient;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The check before sending, over the sample letter, which goes with a PDF. */
class PreflightTest {
  private static final Path LETTER = Path.of("letter-templates/2012-03-22-nim-invitation");
  private static final Path LIST = Path.of("recipients/ccm-states-parties-2012.csv");

  @Test
  void aLetterPrintedForTheCheckLeavesAsItWasPrintedAndTheOthersArePrintedWhenTheyLeave() {
    Preflight.Prepared prepared = Preflight.check(LETTER, LIST, Set.of("AUT", "GBR", "FRA"));
    Recipient austria = prepared.recipients().recipients().get(0);
    Recipient britain = prepared.recipients().recipients().get(2);

    // one PDF a language: Austria's for English (the first English row), France's for French
    assertThat(prepared.printed().keySet()).containsExactlyInAnyOrder("AUT", "FRA");
    Letter checked = prepared.printed().get("AUT");
    assertThat(prepared.letterFor(austria)).isSameAs(checked);
    assertThat(checked.fileNames()).containsExactly("2012-03-22-nim-invitation-AUT.pdf");
    assertThat(prepared.letterFor(britain).fileNames())
        .containsExactly("2012-03-22-nim-invitation-GBR.pdf");
    assertThat(prepared.letterFor(britain).enclosures().get(0).content())
        .startsWith("%PDF-".getBytes());
  }
}
