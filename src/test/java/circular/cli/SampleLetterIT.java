package circular.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample letter is the letter of 22 March 2012 (shared/seed/2012-03-22-letter.txt): each
 * language carries every fact of the original, personalised for its delegation, and none it does
 * not give. Previewed as the README does, with {@code target/circular}.
 */
class SampleLetterIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  /** The facts of the original letter, as each language writes them. */
  private static final Map<String, List<String>> FACTS =
      Map.of(
          "en",
              List.of(
                  "22 March 2012",
                  "in my capacity as the Convention on Cluster Munitions Co-ordinator on National Implementation Measures",
                  "New Zealand was honoured to be confirmed in this role at the Second Meeting of States Parties in Beirut last year",
                  "during the First Meeting of States Parties in Laos, the Vientiane Action Plan was adopted",
                  "three action points on national implementation measures (action points 63, 64 and 65)",
                  "the Beirut Progress Report",
                  "the Third Meeting of States Parties in Oslo this September",
                  "the Oslo progress report which will be presented at the Meeting of States Parties in September",
                  "intersessional meeting in Geneva, 16–19 April 2012",
                  "particularly as outlined in Article 9",
                  "both the prohibitions and positive obligations of the Convention",
                  "New Zealand will have the honour of chairing a session on this matter, tentatively scheduled for the afternoon of Wednesday 18 April",
                  "contact my colleague Raylene Liufalani at raylene.liufalani@nz-mission-geneva.example",
                  "Yours sincerely",
                  "Dell Higgie",
                  "Ambassador for Disarmament",
                  "Permanent Representative to the United Nations Office in Geneva"),
          "fr",
              List.of(
                  "Le 22 mars 2012",
                  "en ma qualité de Coordonnatrice de la Convention sur les armes à sous-munitions pour les mesures nationales d'application",
                  "La Nouvelle-Zélande a eu l'honneur d'être confirmée dans cette fonction lors de la deuxième Assemblée des États parties, tenue l'an dernier à Beyrouth",
                  "la première Assemblée des États parties, tenue au Laos, a adopté le Plan d'action de Vientiane",
                  "(points d'action 63, 64 et 65)",
                  "Rapport d'étape de Beyrouth",
                  "troisième Assemblée des États parties, qui se tiendra à Oslo en septembre",
                  "rapport d'étape d'Oslo, qui sera présenté à l'Assemblée des États parties en septembre",
                  "réunion intersessions, qui se tiendra à Genève du 16 au 19 avril 2012",
                  "au regard de son article 9",
                  "tant aux interdictions qu'aux obligations positives de la Convention",
                  "La Nouvelle-Zélande aura l'honneur de présider une séance consacrée à cette question, prévue à titre provisoire l'après-midi du mercredi 18 avril",
                  "ma collègue Raylene Liufalani, à l'adresse raylene.liufalani@nz-mission-geneva.example",
                  "Dell Higgie",
                  "Ambassadrice pour le désarmement",
                  "Représentante permanente auprès de l'Office des Nations Unies à Genève"),
          "es",
              List.of(
                  "22 de marzo de 2012",
                  "en mi calidad de Coordinadora sobre Medidas Nacionales de Aplicación de la Convención sobre Municiones en Racimo",
                  "Nueva Zelandia tuvo el honor de ser confirmada en esta función en la Segunda Reunión de los Estados Partes, celebrada el año pasado en Beirut",
                  "en la Primera Reunión de los Estados Partes, celebrada en Laos, se aprobó el Plan de Acción de Vientián",
                  "(puntos de acción 63, 64 y 65)",
                  "El Informe de Progreso de Beirut",
                  "Tercera Reunión de los Estados Partes, que se celebrará en Oslo el próximo mes de septiembre",
                  "informe de progreso de Oslo, que se presentará en la Reunión de los Estados Partes en septiembre",
                  "reunión entre períodos de sesiones, que tendrá lugar en Ginebra del 16 al 19 de abril de 2012",
                  "su artículo 9",
                  "tanto a las prohibiciones como a las obligaciones positivas de la Convención",
                  "Nueva Zelandia tendrá el honor de presidir una sesión sobre esta cuestión, prevista provisionalmente para la tarde del miércoles 18 de abril",
                  "mi colega Raylene Liufalani, en la dirección raylene.liufalani@nz-mission-geneva.example",
                  "Dell Higgie",
                  "Embajadora para el Desarme",
                  "Representante Permanente ante la Oficina de las Naciones Unidas en Ginebra"));

  /** What earlier samples invented, in any language: none of it is in the letter. */
  private static final List<String> INVENTED =
      List.of(
          "6 April",
          "6 avril",
          "6 de abril",
          "3 April",
          "3 avril",
          "3 de abril",
          "model legislation",
          "législation type",
          "legislación modelo",
          "Article 7",
          "article 7",
          "artículo 7",
          "transparency report",
          "Red Cross",
          "Croix-Rouge",
          "Cruz Roja",
          "+41",
          "telephone",
          "téléphone",
          "teléfono",
          "Helen Marsh",
          "Elena Marwick",
          "mfat.govt.nz");

  private static String text(String letter, String id) throws Exception {
    JarProcess.Result run =
        JarProcess.launch(
            PROJECT, Map.of(), "preview", letter, "ccm-states-parties-2012", "--only", id);
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).isEmpty();
    return run.out().replaceAll("\\s+", " ");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AUT | en | Austria  | H.E. Mr. Georg Lindner Permanent Mission of Austria to the United Nations Office at Geneva Excellency,",
        "BEL | fr | Belgique | S.E. M. Philippe Vandermeulen Mission permanente de la Belgique auprès de l'Office des Nations Unies à Genève Excellence,",
        "MEX | es | México   | Excmo. Sr. Alejandro Durán Ortega Misión Permanente de México ante la Oficina de las Naciones Unidas en Ginebra Excelentísimo Señor Embajador:"
      })
  void eachLanguageCarriesEveryFactOfTheOriginalPersonalisedAndNoOther(
      String id, String language, String country, String addressee) throws Exception {
    String letter = text("2012-03-22-nim-invitation", id);

    assertThat(letter)
        .contains("From: Dell Higgie <dell.higgie@nz-mission-geneva.example>")
        .contains("Reply-To: Raylene Liufalani <raylene.liufalani@nz-mission-geneva.example>")
        .containsPattern("Subject: [^:]+: .+ \\(" + country + "\\) Language: " + language)
        .contains(addressee);
    assertThat(letter).contains(FACTS.get(language));
    INVENTED.forEach(invented -> assertThat(letter).doesNotContain(invented));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AUT | Austria  | Reminder – Convention on Cluster Munitions | I would be grateful to hear from your delegation before the intersessional meeting.",
        "BEL | Belgique | Rappel – Convention sur les armes à sous-munitions | avant la réunion intersessions.",
        "MEX | México   | Recordatorio – Convención sobre Municiones en Racimo | antes de la reunión entre períodos de sesiones."
      })
  void theReminderAsksForAReplyBeforeTheMeetingWithoutInventingADate(
      String id, String country, String subject, String request) throws Exception {
    String reminder = text("2012-03-22-nim-invitation-reminder", id);

    assertThat(reminder)
        .contains("Subject: " + subject)
        .contains("(" + country + ") Language:")
        .contains(request)
        .contains("Raylene Liufalani")
        .contains("raylene.liufalani@nz-mission-geneva.example")
        .contains("Dell Higgie");
    INVENTED.forEach(invented -> assertThat(reminder).doesNotContain(invented));
    // the only days it names are the original letter's, the meeting's and the session's
    assertThat(
            reminder.replaceAll(
                "22 (March|mars|de marzo de) 2012|16(–| au | al | a )19 (April|avril|de abril de) 2012|18 (April|avril|de abril)",
                ""))
        .doesNotContainPattern(
            "\\b\\d{1,2} (de )?(January|February|March|April|May|June|July|August|September|October|November|December"
                + "|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
                + "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\\b");
  }
}
