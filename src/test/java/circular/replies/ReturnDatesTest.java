package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturnDatesTest {
  private static final Instant WRITTEN = Instant.parse("2012-03-22T09:00:00Z");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "I am out of the office until 2 April with limited access to e-mail.  | away until 2012-04-02",
        "I will be back in the office on Monday, April 16th.                   | back on 2012-04-16",
        "I am currently away, returning to the office on May 5th.               | back on 2012-05-05",
        "Je suis absente du bureau jusqu'au 30 mars.                            | away until 2012-03-30",
        "Je serai de retour au bureau le lundi 2 avril 2012.                   | back on 2012-04-02",
        "Me encuentro fuera de la oficina hasta el 2 de abril.                 | away until 2012-04-02",
        "Estaré de vuelta el 10 de abril de 2012.                              | back on 2012-04-10",
        "Ich bin bis zum 26. März nicht im Büro.                               | away until 2012-03-26",
        "Ich bin ab dem 16.04.2012 wieder im Büro erreichbar.                  | back on 2012-04-16",
        "Out of the office from 20/03/2012 to 03/04/2012.                      | away until 2012-04-03",
        "I am back on 3 January.                                               | back on 2013-01-03",
        // a date that is no return date, or none at all
        "The Permanent Mission of Norway is closed on 22 and 23 March.          | ''",
        "Thank you for your message of 21 March 2012.                          | ''",
        "I am travelling and will answer on my return.                         | ''",
      })
  void theReturnDateIsTheOneTheNoticeGivesAsTheDayBackOrTheLastDayAway(String text, String detail) {
    assertThat(ReturnDates.in(text, WRITTEN).map(ReturnDates.Found::detail).orElse(""))
        .isEqualTo(detail);
  }
}
