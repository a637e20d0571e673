package circular.recipients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A two-row recipient list to try a new letter on: fictional delegations with addresses under the
 * reserved {@code .example} domain, the first in the letter's first language, the second in its
 * second (or its first, if it has one only). Each country is named in French and Spanish too
 * ({@code country_fr}, {@code country_es}), so that a French letter says Sénégal. Stateless.
 */
public final class SampleList {
  static final String HEADER =
      "id,country,country_fr,country_es,title,name,mission,salutation,language,email";

  /** Two fictional delegations per language the samples are written in. */
  private static final Map<String, List<String>> ROWS =
      Map.of(
          "en",
              List.of(
                  "IRL,Ireland,Irlande,Irlanda,H.E. Ms.,Aoife Example,Permanent Mission of Ireland to the United Nations Office at Geneva,\"Excellency,\",en,geneva@irl-sample.example",
                  "NZL,New Zealand,Nouvelle-Zélande,Nueva Zelandia,H.E. Mr.,Tama Example,Permanent Mission of New Zealand to the United Nations Office at Geneva,\"Excellency,\",en,geneva@nzl-sample.example"),
          "fr",
              List.of(
                  "SEN,Senegal,Sénégal,Senegal,S.E. Mme,Awa Exemple,Mission permanente de la République du Sénégal auprès de l'Office des Nations Unies à Genève,\"Excellence,\",fr,geneve@sen-sample.example",
                  "BEL,Belgium,Belgique,Bélgica,S.E. M.,Luc Exemple,Mission permanente de la Belgique auprès de l'Office des Nations Unies à Genève,\"Excellence,\",fr,geneve@bel-sample.example"),
          "es",
              List.of(
                  "CHL,Chile,Chili,Chile,Excma. Sra.,Paula Ejemplo,Misión Permanente de Chile ante la Oficina de las Naciones Unidas en Ginebra,Excelentísima Señora Embajadora:,es,ginebra@chl-sample.example",
                  "URY,Uruguay,Uruguay,Uruguay,Excmo. Sr.,Diego Ejemplo,Misión Permanente del Uruguay ante la Oficina de las Naciones Unidas en Ginebra,Excelentísimo Señor Embajador:,es,ginebra@ury-sample.example"));

  /** The ids and languages of the rows written. */
  public record Row(String id, String language) {}

  private SampleList() {}

  /**
   * Writes the list to {@code file}, which must not exist.
   *
   * @param languages the letter's languages, its default first
   * @return the rows written
   * @throws UncheckedIOException if the file exists or cannot be written
   */
  public static List<Row> write(Path file, List<String> languages) {
    String first = languages.get(0);
    String second = languages.size() > 1 ? languages.get(1) : first;
    List<String> lines = List.of(row(first, 0), row(second, second.equals(first) ? 1 : 0));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          HEADER + "\n" + String.join("\n", lines) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(new Row(idOf(lines.get(0)), first), new Row(idOf(lines.get(1)), second));
  }

  private static String idOf(String line) {
    return line.substring(0, line.indexOf(','));
  }

  /**
   * A sample delegation of {@code language}: one of ours, or a fictional one that names the
   * language.
   */
  private static String row(String language, int which) {
    List<String> ours = ROWS.get(language);
    if (ours != null) {
      return ours.get(which);
    }
    String id = "X" + language.replace("-", "").toUpperCase(Locale.ROOT) + (which + 1);
    return id
        + ",Sample country "
        + (which + 1)
        + ",,,H.E.,Delegate Example,Permanent Mission of Sample country "
        + (which + 1)
        + ",\"Excellency,\","
        + language
        + ",delegation-"
        + id.toLowerCase(Locale.ROOT)
        + "@sample.example";
  }
}
