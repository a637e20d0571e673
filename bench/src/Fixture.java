import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark fixtures under a folder (default {@code target/bench}):
 *
 * <ul>
 *   <li>{@code letters/bench-letter/}: a letter of about 2 KB (HTML and plain text, English and
 *       French) with a personalised salutation and subject;
 *   <li>{@code letters/bench-letter-html/}: the same letter without {@code letter.txt}, so its
 *       plain text is derived from the HTML, as for the sample letter;
 *   <li>{@code peer/mailmerge_template.txt}: the same letter as a template of awdeorio/mailmerge
 *       (Jinja: headers, then the plain text), for the side-by-side run;
 *   <li>{@code recipients-N.csv} for each N given: N delegations under {@code .example}, one in
 *       four in French.
 * </ul>
 *
 * <p>Run: {@code java bench/src/Fixture.java target/bench 10000 100000}. Deterministic: the same
 * arguments write the same bytes.
 */
public class Fixture {
  static final String HTML =
      """
      <!DOCTYPE html>
      <html xmlns:th="http://www.thymeleaf.org" lang="en" th:lang="#{lang}">
      <head><meta charset="UTF-8"/><title th:text="#{letterhead}">Letterhead</title>
      <style>body { font-family: Georgia, serif; font-size: 12pt; } p { margin: 0 0 0.9em 0; }</style>
      </head>
      <body>
      <p class="letterhead" th:text="#{letterhead}">Letterhead</p>
      <p class="date" th:text="#{date}">Geneva, 22 March 2012</p>
      <p class="addressee"><span th:text="|${title} ${name}|">H.E. Mr. Name</span><br/>
      <span th:text="${mission}">Permanent Mission</span><br/><span th:text="#{city}">Geneva</span></p>
      <p class="salutation" th:text="${salutation}">Excellency,</p>
      <p th:text="#{para.invitation(${mission})}">Invitation.</p>
      <p th:text="#{para.actions}">Actions.</p>
      <ul><li th:text="#{action.1}">1</li><li th:text="#{action.2}">2</li></ul>
      <p th:text="#{para.request(${country})}">Request.</p>
      <p th:text="#{para.contact}">Contact.</p>
      <p th:text="#{closing}">Closing.</p>
      <p class="signature"><strong th:text="#{signature.name}">Name</strong><br/>
      <span th:text="#{signature.title}">Title</span></p>
      </body>
      </html>
      """;

  static final String TEXT =
      """
      [(#{letterhead})]
      [(#{date})]

      [(${title})] [(${name})]
      [(${mission})]
      [(#{city})]

      [(${salutation})]

      [(#{para.invitation(${mission})})]

      [(#{para.actions})]
      - [(#{action.1})]
      - [(#{action.2})]

      [(#{para.request(${country})})]

      [(#{para.contact})]

      [(#{closing})]

      [(#{signature.name})]
      [(#{signature.title})]
      """;

  static final String EN =
      """
      lang = en
      subject = Intersessional Meetings, Geneva, 16-19 April 2012: national implementation measures ([(${country})])
      from = Co-ordinator on National Implementation Measures <nim-coordinator@mission-coordinator.example>
      reply-to = Helen Marsh <nim-contact@mission-coordinator.example>
      letterhead = Convention on Cluster Munitions - Co-ordinator on National Implementation Measures
      date = Geneva, 22 March 2012
      city = Geneva
      para.invitation = In my capacity as Co-ordinator on National Implementation Measures, I have the honour to address the {0} and to invite your delegation to take the floor at the Intersessional Meetings, to be held in Geneva from 16 to 19 April 2012.
      para.actions = I would recall that the Vientiane Action Plan contains two actions on this subject:
      action.1 = States Parties will take all appropriate legal, administrative and other measures to implement the Convention.
      action.2 = States Parties will share information on the legislation and other national measures they have adopted.
      para.request = I should be grateful if the delegation of {0} would indicate by 6 April 2012 whether it intends to take the floor, and provide a short written update on the status of its national legislation.
      para.contact = Replies may be addressed to Ms. Helen Marsh, First Secretary, nim-contact@mission-coordinator.example.
      closing = Please accept the assurances of my highest consideration.
      signature.name = Elena Marwick
      signature.title = Ambassador, Permanent Representative
      """;

  static final String FR =
      """
      lang = fr
      subject = Réunions intersessions, Genève, 16-19 avril 2012 : mesures d'application nationales ([(${country})])
      date = Genève, le 22 mars 2012
      city = Genève
      para.invitation = En ma qualité de Coordonnatrice pour les mesures d'application nationales, j'ai l'honneur de m'adresser à la {0} et d'inviter votre délégation à prendre la parole lors des réunions intersessions, qui se tiendront à Genève du 16 au 19 avril 2012.
      para.request = Je vous serais reconnaissante de bien vouloir indiquer, pour la délégation de {0}, d'ici au 6 avril 2012, si elle entend prendre la parole.
      closing = Je vous prie d'agréer les assurances de ma très haute considération.
      """;

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "target/bench");
    letter(root.resolve("letters/bench-letter"), true);
    letter(root.resolve("letters/bench-letter-html"), false);
    mailmergeTemplate(root.resolve("peer/mailmerge_template.txt"));
    for (int i = 1; i < args.length; i++) {
      int n = Integer.parseInt(args[i]);
      recipients(root.resolve("recipients-" + n + ".csv"), n);
    }
  }

  static void letter(Path folder, boolean withText) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("letter.html"), HTML, StandardCharsets.UTF_8);
    if (withText) {
      Files.writeString(folder.resolve("letter.txt"), TEXT, StandardCharsets.UTF_8);
    } else {
      Files.deleteIfExists(folder.resolve("letter.txt"));
    }
    Files.writeString(folder.resolve("letter.properties"), EN, StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("letter_fr.properties"), FR, StandardCharsets.UTF_8);
  }

  /**
   * The same letter for awdeorio/mailmerge: a Jinja template with the headers and the plain text
   * of letter.txt, in English or French by the row's language column, personalised the same way
   * (messages resolved from the same properties, a missing French key falling back to English).
   */
  static void mailmergeTemplate(Path file) throws IOException {
    java.util.Properties en = properties(EN);
    java.util.Properties fr = properties(FR);
    String template =
        "TO: {{ email }}\n"
            + "{% if cc %}CC: {{ cc }}\n{% endif %}"
            + "FROM: " + en.getProperty("from") + "\n"
            + "REPLY-TO: " + en.getProperty("reply-to") + "\n"
            + "SUBJECT: {% if language == 'fr' %}" + jinja(fr.getProperty("subject"), fr, en)
            + "{% else %}" + jinja(en.getProperty("subject"), en, en) + "{% endif %}\n"
            + "\n"
            + "{% if language == 'fr' %}" + jinja(TEXT, fr, en) + "{% else %}" + jinja(TEXT, en, en) + "{% endif %}\n";
    Files.createDirectories(file.getParent());
    Files.writeString(file, template, StandardCharsets.UTF_8);
  }

  private static java.util.Properties properties(String text) throws IOException {
    java.util.Properties p = new java.util.Properties();
    p.load(new java.io.StringReader(text));
    return p;
  }

  /** A Thymeleaf TEXT template of this bench turned into Jinja, its messages written in. */
  private static String jinja(String text, java.util.Properties language, java.util.Properties fallback) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\[\\(#\\{([\\w.]+)(?:\\(\\$\\{(\\w+)}\\))?}\\)]|\\[\\(\\$\\{(\\w+)}\\)]").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(3) != null) {
        replacement = "{{ " + m.group(3) + " }}";
      } else {
        String message = language.getProperty(m.group(1), fallback.getProperty(m.group(1)));
        replacement = m.group(2) == null ? message : message.replace("{0}", "{{ " + m.group(2) + " }}");
      }
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  static void recipients(Path file, int n) throws IOException {
    String[] titles = {"H.E. Mr.", "H.E. Ms.", "Mr.", "Ms."};
    String[] salutations = {"Excellency,", "Excellency,", "Dear Sir,", "Dear Madam,"};
    String[] salutationsFr = {"Excellence,", "Excellence,", "Monsieur,", "Madame,"};
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("id,country,title,name,mission,salutation,language,email,cc\n");
      for (int i = 1; i <= n; i++) {
        String id = String.format("D%06d", i);
        String domain = "d" + String.format("%06d", i) + "-mission.example";
        boolean french = i % 4 == 0;
        int t = i % titles.length;
        String country = "Country " + i;
        String mission =
            french
                ? "Mission permanente de " + country + " auprès de l'Office des Nations Unies à Genève"
                : "Permanent Mission of " + country + " to the United Nations Office at Geneva";
        out.write(String.join(",",
            id,
            country,
            titles[t],
            "Delegate " + i,
            mission,
            "\"" + (french ? salutationsFr[t] : salutations[t]) + "\"",
            french ? "fr" : "en",
            "geneva@" + domain,
            i % 10 == 0 ? "deputy@" + domain : ""));
        out.write('\n');
      }
    }
  }
}
