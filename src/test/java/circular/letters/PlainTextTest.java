package circular.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PlainTextTest {
  @Test
  void paragraphsAreSeparatedByABlankLineAndBreaksKept() {
    assertThat(
            PlainText.fromHtml(
                "<p>Geneva,   22 March\n 2012</p><p>H.E. Mr. X<br/>Mission<br>Geneva</p>"))
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

  /** The wrapping as it was first written, with a regular expression and splits: the reference. */
  private static String wrapAsFirstWritten(String text) {
    Pattern listItem = Pattern.compile("(- |\\d+\\. )");
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      Matcher item = listItem.matcher(line);
      String indent = item.lookingAt() ? " ".repeat(item.end()) : "";
      int column = 0;
      for (String word : line.split(" ")) {
        if (word.isEmpty()) {
          continue;
        }
        if (column > indent.length() && column + 1 + word.length() > PlainText.WIDTH) {
          out.append('\n').append(indent);
          column = indent.length();
        } else if (column > 0) {
          out.append(' ');
          column++;
        }
        out.append(word);
        column += word.length();
      }
      out.append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  @Test
  void wrappingIsWhatItWasWhenWrittenWithARegularExpression() {
    Random random = new Random(3);
    String[] pieces = {
      " ", "  ", "\n", "- ", "12. ", "3.", "-", "word", "é", "x".repeat(30), "\t", "1", ". "
    };
    for (int n = 0; n < 5000; n++) {
      StringBuilder text = new StringBuilder();
      int count = random.nextInt(60);
      for (int i = 0; i < count; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      assertThat(PlainText.wrap(text.toString()))
          .as("'%s'", text)
          .isEqualTo(wrapAsFirstWritten(text.toString()));
    }
  }

  @Test
  void longLinesWrapAtWordsAndLongWordsStayWhole() {
    String word = "x".repeat(80);
    assertThat(PlainText.fromHtml("<p>a " + word + " b</p>")).isEqualTo("a\n" + word + "\nb\n");
  }
}
