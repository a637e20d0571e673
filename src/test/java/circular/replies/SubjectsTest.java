package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectsTest {
  private static final String LETTER =
      "réunions intersessionnelles, genève : mesures nationales d'application (france)";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Réunions intersessionnelles, Genève : mesures nationales d'application (France)",
        "Re: Réunions intersessionnelles, Genève : mesures nationales d'application (France)",
        "RE: TR: Réunions intersessionnelles, Genève : mesures nationales d'application (France)",
        "Réf : Réunions intersessionnelles, Genève : mesures nationales d'application (France)",
        "AW: WG: Fwd: RV: SV: Antw: Réunions intersessionnelles, Genève : mesures nationales d'application (France)",
        "RE[2]: Réunions intersessionnelles, Genève : mesures nationales d'application (France)",
        "[EXTERNAL] Re: Réunions intersessionnelles, Genève : mesures nationales d'application (France)",
        "Réponse automatique\u00a0: Réunions intersessionnelles, Genève : mesures nationales d'application (France)",
        "Undeliverable: Réunions  intersessionnelles,\tGenève : mesures nationales d'application (France) ",
        "RÉUNIONS INTERSESSIONNELLES, GENÈVE : MESURES NATIONALES D'APPLICATION (FRANCE)",
        "Re\u0301unions intersessionnelles, Gene\u0300ve : mesures nationales d'application (France)",
      })
  void aReplyForwardOrAutoReplyPrefixDoesNotChangeWhatASubjectIsAbout(String subject) {
    assertThat(Subjects.key(subject)).isEqualTo(LETTER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Report: national implementation", "Revised agenda", "Tr\u00e8s urgent: agenda"})
  void wordsThatMerelyStartLikeAPrefixAreKept(String subject) {
    assertThat(Subjects.key(subject)).isEqualTo(subject.toLowerCase(Locale.ROOT));
  }
}
