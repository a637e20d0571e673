package circular.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {
  @Test
  void paragraphsAreSeparatedByABlankLineAndBreaksKept() {
    assertThat(PlainText.fromHtml("<p>Geneva,   22 March\n 2012</p><p>H.E. Mr. X<br/>Mission<br>Geneva</p>"))
        .isEqualTo("Geneva, 22 March 2012\n\nH.E. Mr. X\nMission\nGeneva\n");
  }

  @Test
  void linksAreWrittenAfterTheirTextUnlessTheyAreTheText() {
    assertThat(
            PlainText.fromHtml(
                "<p>See <a href=\"https://www.clusterconvention.example/nim\">the model law</a>, write to"
                    + " <a href=\"mailto:contact@mission.example\">contact@mission.example</a>.</p>"))
        .isEqualTo(
            "See the model law <https://www.clusterconvention.example/nim>, write to\ncontact@mission.example.\n");
  }

  @Test
  void listItemsAreMarkedAndWrappedUnderTheirText() {
    assertThat(
            PlainText.fromHtml(
                "<ul><li>Action 63 – States Parties that have not yet done so will take all appropriate legal measures.</li>"
                    + "<li>Action 64</li></ul><ol><li>one</li><li>two</li></ol>"))
        .isEqualTo(
            "- Action 63 – States Parties that have not yet done so will take all\n"
                + "  appropriate legal measures.\n"
                + "- Action 64\n\n"
                + "1. one\n"
                + "2. two\n");
  }

  @Test
  void headStyleAndScriptAreLeftOut() {
    assertThat(
            PlainText.fromHtml(
                "<html><head><title>T</title><style>p{color:red}</style></head><body><script>x()</script><h1>Title</h1><p>Body</p></body></html>"))
        .isEqualTo("Title\n\nBody\n");
  }

  @Test
  void longLinesWrapAtWordsAndLongWordsStayWhole() {
    String word = "x".repeat(80);
    assertThat(PlainText.fromHtml("<p>a " + word + " b</p>")).isEqualTo("a\n" + word + "\nb\n");
  }
}
