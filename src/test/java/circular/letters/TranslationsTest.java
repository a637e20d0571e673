package circular.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TranslationsTest {

  @Test
  void argumentsFillTheirPlacesAndEverythingElseStaysAsTyped() {
    assertThat(
            Translations.format(
                "l'article {0} d'avancement, {1} et {2} '{0}'", new Object[] {"9", null}))
        .isEqualTo("l'article 9 d'avancement,  et {2} '9'");
    assertThat(Translations.format("{0}{0}{ 0}{x}{", new Object[] {"a"})).isEqualTo("aa{ 0}{x}{");
    assertThat(Translations.format("no arguments {0}", new Object[0]))
        .isEqualTo("no arguments {0}");
  }

  /** The formatting as first written, with a regular expression: the reference. */
  private static String formatAsFirstWritten(String text, Object[] arguments) {
    Matcher m = Pattern.compile("\\{(\\d+)}").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      String value =
          i < arguments.length
              ? String.valueOf(arguments[i] == null ? "" : arguments[i])
              : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Test
  void formattingIsWhatItWasWithARegularExpression() {
    Random random = new Random(11);
    String[] pieces = {"{", "}", "0", "1", "12", "{0}", "{1}", "{3}", "a", "'", "$", "\\", " "};
    Object[] arguments = {"x$1", "y\\z"};
    for (int n = 0; n < 5000; n++) {
      StringBuilder text = new StringBuilder();
      int count = random.nextInt(20);
      for (int i = 0; i < count; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      assertThat(Translations.format(text.toString(), arguments))
          .as(text.toString())
          .isEqualTo(formatAsFirstWritten(text.toString(), arguments));
    }
  }
}
