package circular.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A delegation's own words, in the plain text each mail client writes. */
class ReplyTextTest {
  private static String lines(String... lines) {
    return String.join("\r\n", lines);
  }

  @Test
  void outlookEndsTheReplyAtItsHeaderBlock() {
    String text =
        lines(
            "Dear Ms Marsh,",
            "",
            "Austria will present its national implementation measures on 18 April.",
            "",
            "Kind regards,",
            "Anna Berger",
            "",
            "________________________________",
            "From: Helen Marsh <nim-contact@mission-coordinator.example>",
            "Sent: Thursday, March 22, 2012 10:00 AM",
            "To: geneva@aut-mission.example",
            "Subject: Intersessional Meetings, Geneva, 16–19 April 2012",
            "",
            "Excellency,",
            "I have the honour to write to you as Co-ordinator");

    assertThat(ReplyText.ownWords(text))
        .isEqualTo(
            "Dear Ms Marsh,\n\nAustria will present its national implementation measures on 18 April.\n\nKind regards,\nAnna Berger");
  }

  @Test
  void outlookHeaderBlocksInFrenchSpanishAndGermanEndTheReplyToo() {
    assertThat(
            ReplyText.ownWords(
                lines(
                    "Bien reçu.",
                    "",
                    "De : Helen Marsh [mailto:nim-contact@mission-coordinator.example]",
                    "Envoyé : jeudi 22 mars 2012 10:00",
                    "À : geneve@fra-mission.example",
                    "Objet : Réunions",
                    "",
                    "Excellence,")))
        .isEqualTo("Bien reçu.");
    assertThat(
            ReplyText.ownWords(
                lines(
                    "Recibido.",
                    "De: Helen Marsh",
                    "Enviado el: jueves, 22 de marzo de 2012 10:00",
                    "Para: ginebra@chl-mission.example",
                    "Asunto: Reuniones",
                    "Excelentísima Señora Embajadora:")))
        .isEqualTo("Recibido.");
    assertThat(
            ReplyText.ownWords(
                lines(
                    "Danke.",
                    "Von: Helen Marsh",
                    "Gesendet: Donnerstag, 22. März 2012 10:00",
                    "An: cd@deu-mission.example",
                    "Betreff: Intersessional Meetings",
                    "Excellency,")))
        .isEqualTo("Danke.");
  }

  @Test
  void anOriginalMessageLineEndsTheReply() {
    assertThat(
            ReplyText.ownWords(
                lines(
                    "Noted with thanks.",
                    "",
                    "-----Original Message-----",
                    "From: Helen Marsh",
                    "Excellency,")))
        .isEqualTo("Noted with thanks.");
    assertThat(
            ReplyText.ownWords(lines("Recibido.", "-----Mensaje original-----", "De: Helen Marsh")))
        .isEqualTo("Recibido.");
    assertThat(
            ReplyText.ownWords(
                lines("Merci.", "----- Message d'origine -----", "De : Helen Marsh")))
        .isEqualTo("Merci.");
    assertThat(
            ReplyText.ownWords(
                lines("Danke.", "-----Ursprüngliche Nachricht-----", "Von: Helen Marsh")))
        .isEqualTo("Danke.");
  }

  @Test
  void gmailAttributionAndQuotedLinesAreDropped() {
    String text =
        lines(
            "Thank you, we will attend.",
            "",
            "On Thu, Mar 22, 2012 at 10:00 AM Helen Marsh <nim-contact@mission-coordinator.example> wrote:",
            "",
            "> Excellency,",
            ">",
            "> I have the honour to write to you");

    assertThat(ReplyText.ownWords(text)).isEqualTo("Thank you, we will attend.");
  }

  @Test
  void anAttributionWrappedOverTwoLinesIsRecognised() {
    String text =
        lines(
            "Thank you.",
            "",
            "On Thu, 22 Mar 2012 at 10:00, Helen Marsh, Co-ordinator on National Implementation Measures <",
            "nim-contact@mission-coordinator.example> wrote:",
            "> Excellency,");

    assertThat(ReplyText.ownWords(text)).isEqualTo("Thank you.");
  }

  @Test
  void appleMailAttributionsInFrenchSpanishAndGermanAreDropped() {
    assertThat(
            ReplyText.ownWords(
                lines(
                    "Nous serons présents.",
                    "",
                    "Le 22 mars 2012 à 10:00, Helen Marsh <nim-contact@mission-coordinator.example> a écrit\u00a0:",
                    "",
                    "> Excellence,")))
        .isEqualTo("Nous serons présents.");
    assertThat(
            ReplyText.ownWords(
                lines(
                    "Estaremos presentes.",
                    "",
                    "El jue, 22 mar 2012 a las 10:00, Helen Marsh (<nim-contact@mission-coordinator.example>) escribió:",
                    "> Excelentísima")))
        .isEqualTo("Estaremos presentes.");
    assertThat(
            ReplyText.ownWords(
                lines(
                    "Wir nehmen teil.",
                    "",
                    "Am 22.03.2012 um 10:00 schrieb Helen Marsh <nim-contact@mission-coordinator.example>:",
                    "",
                    "> Excellency,")))
        .isEqualTo("Wir nehmen teil.");
    assertThat(
            ReplyText.ownWords(
                lines(
                    "Wir nehmen teil.",
                    "Am Do., 22. März 2012 um 10:00 Uhr schrieb Helen Marsh <nim-contact@mission-coordinator.example>:",
                    "> Excellency,")))
        .isEqualTo("Wir nehmen teil.");
  }

  @Test
  void anAnswerWrittenBetweenQuotedParagraphsKeepsEveryWordOfItsOwn() {
    String text =
        lines(
            "On 22 Mar 2012, at 10:00, Helen Marsh <nim-contact@mission-coordinator.example> wrote:",
            "> Will your delegation report at the session on 18 April?",
            "",
            "Yes, our Ambassador will speak.",
            "",
            "> Which action points will you cover?",
            "",
            "Action points 63 and 64.",
            "",
            "-- ",
            "Ireland, Permanent Mission, Geneva");

    assertThat(ReplyText.ownWords(text))
        .isEqualTo("Yes, our Ambassador will speak.\n\nAction points 63 and 64.");
  }

  @Test
  void anAttributionFollowedByUnmarkedQuoteEndsTheReply() {
    String text =
        lines(
            "Confirmed.",
            "",
            "On 22/03/2012 10:00, Helen Marsh wrote:",
            "Excellency,",
            "I have the honour");

    assertThat(ReplyText.ownWords(text)).isEqualTo("Confirmed.");
  }

  @Test
  void theSignatureAfterTheStandardDelimiterIsDropped() {
    assertThat(
            ReplyText.ownWords(
                lines("We will attend.", "", "-- ", "Anna Berger", "Permanent Mission of Austria")))
        .isEqualTo("We will attend.");
    assertThat(ReplyText.ownWords(lines("We will attend.", "--", "Anna Berger")))
        .isEqualTo("We will attend.");
  }

  @Test
  void aSentenceThatHappensToStartWithOnOrFromStays() {
    String text =
        lines(
            "On 18 April our minister wrote:",
            "the report will follow in May.",
            "From: the Ministry of Foreign Affairs, our focal point is Ms Berger.",
            "Date: to be confirmed.",
            "> quoted");

    assertThat(ReplyText.ownWords(text))
        .isEqualTo(
            "On 18 April our minister wrote:\nthe report will follow in May.\nFrom: the Ministry of Foreign Affairs, our focal point is Ms Berger.\nDate: to be confirmed.");
  }

  @Test
  void aClosingSentFromMyPhoneAndBlankLinesAreTrimmed() {
    assertThat(
            ReplyText.ownWords(
                lines(
                    "",
                    "\u00a0",
                    "Received, thank you.",
                    "",
                    "",
                    "",
                    "Will confirm.",
                    "",
                    "Sent from my iPhone",
                    "")))
        .isEqualTo("Received, thank you.\n\nWill confirm.");
  }

  @Test
  void aReplyThatIsAllQuoteHasNoWordsOfItsOwn() {
    assertThat(ReplyText.ownWords(lines("> Excellency,", "> I have the honour"))).isEmpty();
  }
}
