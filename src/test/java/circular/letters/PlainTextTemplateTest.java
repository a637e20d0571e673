package circular.letters;

import static org.assertj.core.api.Assertions.assertThat;

import circular.files.TextFile;
import circular.recipients.Recipient;
import circular.recipients.RecipientReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain text laid out from a text template derived from the HTML template is, letter for
 * letter, what parsing the rendered HTML gives ({@link PlainText#fromHtml}).
 */
class PlainTextTemplateTest {
  @TempDir Path dir;

  private static final String LIST =
      "id,country,name,language,email,actions,link,kind\n"
          + "FRA,France,Jean Exemple,fr,a@fra.example,one;two;three,https://fra.example/nim,a\n"
          + "AUT,Austria,Georg \"G\" Lindner,en,b@aut.example,single,,b\n"
          + "MEX,\"México & <Estados>\",María José Exemplo de la Larga Cadena de Nombres,es,c@mex.example,,mailto:c@mex.example,c\n"
          + "NZL,New Zealand,Dell,en,d@nzl.example,a;b;c;d;e;f;g;h;i;j;k,d@nzl.example,\n";

  /**
   * Every row of LIST rendered: the derived text equals the parsed one; returns how many letters
   * were parsed.
   */
  private long compare(String body, String properties) {
    LetterTemplate template =
        new LetterFolder(dir)
            .html(body)
            .properties(properties)
            .file("letter_fr.properties", "greeting=Madame, Monsieur {0},\n")
            .file("letter_es.properties", "greeting=Excelentísimo {0}:\n")
            .load();
    for (Recipient recipient : LetterFolder.list(dir, LIST).recipients()) {
      Letter letter = template.render(recipient);
      assertThat(letter.text())
          .as("%s for %s", body, recipient.id())
          .isEqualTo(PlainText.fromHtml(letter.html()));
    }
    return template.plainTexts.parsed();
  }

  private static final String GREETING = "greeting=Dear {0},\n";

  @Test
  void everyLetterInTheRepositoryToEveryDelegation() throws Exception {
    List<Path> folders;
    try (Stream<Path> list = Files.list(Path.of("letter-templates"))) {
      folders =
          list.filter(
                  f ->
                      Files.exists(f.resolve("letter.html"))
                          && !Files.exists(f.resolve("letter.txt")))
              .sorted()
              .toList();
    }
    List<Recipient> delegations =
        new RecipientReader().read(Path.of("recipients/ccm-states-parties-2012.csv")).recipients();
    assertThat(folders).isNotEmpty();
    for (Path folder : folders) {
      assertThat(PlainTextTemplate.derive(TextFile.read(folder.resolve("letter.html"))))
          .as("%s is derived", folder)
          .isPresent();
      LetterTemplate template = LetterTemplate.load(folder);
      int letters = 0;
      for (Recipient delegation : delegations) {
        if (template.languageProblem(delegation.language()).isEmpty()) {
          Letter letter = template.render(delegation);
          assertThat(letter.text())
              .as("%s for %s", folder, delegation.id())
              .isEqualTo(PlainText.fromHtml(letter.html()));
          letters++;
        }
      }
      assertThat(letters).isGreaterThan(60);
      assertThat(template.plainTexts.parsed())
          .as("letters of %s parsed instead of laid out", folder)
          .isZero();
    }
  }

  @Test
  void paragraphsBreaksHeadingsAndTextWithCharacterReferences() {
    assertThat(
            compare(
                """
        <h1 th:text="${country}">Country</h1>
        <p class="addressee"><span th:text="|${name}, ${country}|">x</span><br/>
        <span>Geneva &amp; Bern&nbsp;—  «quoted»</span></p>
        <div><div>nested <strong>bold</strong> <em th:text="${name}">x</em></div></div>
        <blockquote th:text="#{greeting(${name})}">x</blockquote>
        <address>Mission<br/>Geneva</address><hr/><p>after the rule</p>
        """,
                GREETING))
        .isZero();
  }

  @Test
  void listsNumberedAndMarkedFromEachIfAndUnless() {
    assertThat(
            compare(
                """
        <p th:text="#{greeting(${name})}">x</p>
        <ol><li th:each="a : ${#strings.arraySplit(actions, ';')}" th:text="${a}">item</li></ol>
        <ul>
          <li th:if="${language == 'fr'}">en français, avec une phrase assez longue pour être coupée au bout de soixante-douze colonnes</li>
          <li th:unless="${language == 'fr'}">not in French</li>
          <li th:each="a, s : ${#strings.arraySplit(actions, ';')}" th:if="${s.odd}" th:text="${s.count + ': ' + a}">x</li>
        </ul>
        <ol><li>first</li><li th:if="${id == 'AUT'}">only Austria</li><li>last</li></ol>
        """,
                GREETING))
        .isZero();
  }

  @Test
  void linksStaticAndFromExpressionsWithTheirTextOrNot() {
    assertThat(
            compare(
                """
        <p>Write to <a href="mailto:nim-contact@mission.example">nim-contact@mission.example</a> or
        <a href="mailto:nim-contact@mission.example">our contact</a>, see <a th:href="${link}" th:text="${country}">x</a>,
        <a th:href="${link}">the page</a>, <a href="#top">top</a>, <a>no href</a>,
        <a th:href="${'mailto:' + email}"><span th:text="${email}">e</span></a>.</p>
        """,
                GREETING))
        .isZero();
  }

  @Test
  void tablesBlocksWithSwitchAndInlinedExpressions() {
    assertThat(
            compare(
                """
        <table><tbody>
          <tr><th>Country</th><th>Name</th></tr>
          <tr><td th:text="${country}">c</td><td th:text="${name}">n</td></tr>
          <tr th:each="a : ${#strings.arraySplit(actions, ';')}"><td th:text="${a}">a</td><td>x</td></tr>
        </tbody></table>
        <div th:switch="${kind}"><p th:case="'a'">kind a</p><p th:case="'b'">kind b</p><p th:case="*">another kind</p></div>
        <p th:with="who=${name}">Dear [[${who}]], from [(${country})] &amp; [[${#strings.toUpperCase(id)}]].</p>
        <th:block th:if="${id != 'NZL'}"><p>not New Zealand</p></th:block>
        <p><!-- a comment --> after a comment</p>
        <script>var x = "<p>not text</p>";</script><style>p { color: red; }</style>
        <p th:utext="${country}">plain text through utext, with &amp; in a value</p>
        """,
                GREETING))
        .as("Mexico's country through th:utext is markup")
        .isEqualTo(1);
  }

  @Test
  void wrappingAtSeventyTwoColumnsAndLongWords() {
    assertThat(
            compare(
                """
        <p th:text="|${name} ${name} ${name} ${name} ${name} ${name}|">x</p>
        <p>https://www.clusterconvention.example/a/very/long/address/that/does/not/fit/on/one/line/at/all/really</p>
        <ul><li th:text="|${name} ${name} ${name} ${name} ${name}|">x</li></ul>
        """,
                GREETING))
        .isZero();
  }

  @Test
  void linkTextAcrossElementsNestedListsEmptyValuesAndLineBreaksInMessages() {
    assertThat(
            compare(
                """
        <div><a href="https://www.clusterconvention.example/"><span>the</span><br/>Convention <em>site</em></a></div>
        <ul><li>a<ol><li>b</li><li th:text="${country}">c</li></ol></li><li>d</li></ul>
        <p th:text="${link}">empty for Austria</p><p>after</p>
        <p th:text="#{greeting(${name})}">x</p>
        <dl><dt>term</dt><dd th:text="${name}">definition</dd></dl>
        <section><header>head</header><article>body</article><footer>foot</footer></section>
        <pre>  kept   as
          text  </pre>
        """,
                "greeting=Dear {0},\\nwith\\tcontrol and \u00a0 spaces\n"))
        .isZero();
  }

  @Test
  void messagesWithoutArgumentsAreWrittenIntoEachLanguagesTemplate() {
    assertThat(
            compare(
                """
        <p th:text="#{closing}">x</p><p th:utext="#{entity}">x</p><p>[[#{closing}]] and [(#{entity})]</p>
        <p th:text="#{ greeting }">x</p>
        """,
                GREETING + "closing=Yours <faithfully> & truly\nentity=A &amp; B &lt;C&gt;\n"))
        .isZero();
    assertThat(
            compare(
                """
        <p th:utext="#{markup}">x</p>
        """,
                GREETING + "markup=<b>bold</b> text\n"))
        .as("markup in a message is parsed")
        .isEqualTo(4);
  }

  @Test
  void markupFromUtextIsParsedForThatLetterAndTheTextIsTheSame() {
    // France's value is markup, and so is Mexico's country ("México & <Estados>")
    assertThat(
            compare(
                """
        <p th:utext="${id == 'FRA'} ? '<strong>Fr</strong><br/>ance' : ${country}">x</p>
        """,
                GREETING))
        .isEqualTo(2);
  }

  @Test
  void templatesItCannotFollowAreParsedAndTheTextIsTheSame() {
    String[] bodies = {
      "<p>Geneva<br>Bern</p><p th:text=\"${name}\">x</p>", // <br> unclosed: jsoup and the template
      // nest otherwise
      "<table><tr><td th:text=\"${name}\">x</td></tr></table>", // <tbody> added by jsoup
      "<div th:insert=\"~{::#part}\">x</div><p id=\"part\">part</p>",
      "<p th:remove=\"tag\"><span th:text=\"${name}\">x</span></p>",
      "<p>a</p><!--/*--> <p>hidden from Thymeleaf</p> <!--*/--><p>b</p>",
      "<p th:inline=\"none\">[[${name}]]</p>",
      "<p data-th-text=\"${name}\">x</p>",
      "<table><tbody><th:block th:each=\"a : ${#strings.arraySplit(actions, ';')}\"><tr><td th:text=\"${a}\">a</td></tr></th:block></tbody></table>",
    };
    for (String body : bodies) {
      assertThat(
              PlainTextTemplate.derive(
                  "<!DOCTYPE html>\n<html>\n<body>\n" + body + "\n</body>\n</html>\n"))
          .as(body)
          .isEmpty();
      assertThat(compare(body, GREETING)).as(body).isEqualTo(4);
    }
  }
}
