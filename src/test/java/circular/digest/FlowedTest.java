package circular.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowedTest {
  @Test
  void flowedLinesAreJoinedIntoTheParagraphsTheirWriterTyped() {
    String sent =
        "Wir nehmen an der Sitzung am 18. April teil und \nwerden \u00fcber Aktionspunkt 63 berichten.\n\n Space-stuffed line.\n-- \nMatthias";

    assertThat(Flowed.unflow(sent, false))
        .isEqualTo(
            "Wir nehmen an der Sitzung am 18. April teil und werden \u00fcber Aktionspunkt 63 berichten.\n\nSpace-stuffed line.\n-- \nMatthias");
  }

  @Test
  void delSpRemovesTheSpaceTheSenderAddedAndQuotedLinesStayApart() {
    assertThat(Flowed.unflow("Some\u00e9 \nthing\n> quoted \n> more", true))
        .isEqualTo("Some\u00e9thing\n> quoted \n> more");
  }
}
