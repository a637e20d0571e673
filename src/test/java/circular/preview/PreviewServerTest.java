package circular.preview;

import static org.assertj.core.api.Assertions.assertThat;

import circular.InputException;
import circular.Problem;
import circular.campaign.Preflight;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The preview server over real HTTP on loopback, read as a browser reads it. */
@Timeout(60)
class PreviewServerTest {
  static final Path SAMPLE = Path.of("letter-templates/2012-03-22-nim-invitation");
  static final Path LIST = Path.of("recipients/ccm-states-parties-2012.csv");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private PreviewServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private URI start(Path letter, Path list) throws IOException {
    server = PreviewServer.start(letter, list, Set.of(), 0);
    return server.url();
  }

  private HttpResponse<byte[]> get(URI url, String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(url.resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private Document page(URI url, String path) throws IOException, InterruptedException {
    return Jsoup.parse(new String(get(url, path).body(), StandardCharsets.UTF_8));
  }

  private static String expected(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/expected", name), StandardCharsets.UTF_8);
  }

  /** A copy of the sample letter and list to edit. */
  static Path copy(Path from, Path to) throws IOException {
    if (Files.isRegularFile(from)) {
      return Files.copy(from, to);
    }
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
    return to;
  }

  @Test
  void theIndexListsEveryDelegationWithLanguageAddressesSubjectAndFiles() throws Exception {
    URI url = start(SAMPLE, LIST);

    Document index = page(url, "/");

    List<Element> rows = index.select("#delegations tbody tr");
    assertThat(rows).hasSize(70);
    assertThat(rows.get(0).select("td").stream().map(Element::text))
        .startsWith(
            "AFG", "HTML text PDF .eml", "Afghanistan", "en", "mission@afg-mission.example");
    Element france = index.selectFirst("#row-FRA");
    assertThat(france.select("td").stream().map(Element::text))
        .containsExactly(
            "FRA",
            "HTML text PDF .eml",
            "France",
            "fr",
            "geneve@fra-mission.example, desarmement@fra-mission.example",
            "",
            "Convention sur les armes à sous-munitions : mesures nationales d'application – réunion intersessions, Genève, 16–19 avril 2012 (France)",
            "2012-03-22-nim-invitation-FRA.pdf",
            "letter.html + letter_fr.properties");
    assertThat(index.select("#delegations thead th").eachText())
        .as("no column of problems when no delegation has one")
        .doesNotContain("Problems");
    assertThat(index.select("#problems")).isEmpty();
    assertThat(index.selectFirst("#summary").text())
        .startsWith("70 delegations (en 43, es 12, fr 15). Read and rendered at ");
  }

  @Test
  void eachLetterIsShownAsHtmlTextPdfAndEml() throws Exception {
    URI url = start(SAMPLE, LIST);

    Document page = page(url, "/letters/fra");
    HttpResponse<byte[]> html = get(url, "/letters/FRA/html");
    HttpResponse<byte[]> text = get(url, "/letters/FRA/text");
    HttpResponse<byte[]> pdf = get(url, "/letters/FRA/pdf");
    HttpResponse<byte[]> eml = get(url, "/letters/FRA/eml");

    assertThat(page.title()).isEqualTo("FRA – France: preview");
    assertThat(page.selectFirst("td.subject").text())
        .isEqualTo(
            "Convention sur les armes à sous-munitions : mesures nationales d'application – réunion intersessions, Genève, 16–19 avril 2012 (France)");
    assertThat(page.selectFirst("iframe").attr("src")).isEqualTo("/letters/FRA/html");
    assertThat(page.selectFirst("#previous").text()).isEqualTo("‹ FJI");
    assertThat(page.selectFirst("#next").text()).isEqualTo("DEU ›");
    assertThat(new String(html.body(), StandardCharsets.UTF_8))
        .isEqualTo(expected("nim-invitation-FRA.html"));
    assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
    assertThat(new String(text.body(), StandardCharsets.UTF_8))
        .isEqualTo(expected("nim-invitation-FRA.txt"));
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"2012-03-22-nim-invitation-FRA.pdf\"");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(eml.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"FRA.eml\"");
    MimeMessage message = new MimeMessage(null, new ByteArrayInputStream(eml.body()));
    assertThat(message.getSubject())
        .isEqualTo(
            "Convention sur les armes à sous-munitions : mesures nationales d'application – réunion intersessions, Genève, 16–19 avril 2012 (France)");
    Part attached = ((Multipart) message.getContent()).getBodyPart(1);
    assertThat(attached.getFileName()).isEqualTo("2012-03-22-nim-invitation-FRA.pdf");
  }

  @Test
  void anEditShowsOnTheNextRequest() throws Exception {
    Path letter = copy(SAMPLE, dir.resolve("letter"));
    URI url = start(letter, LIST);
    String before = page(url, "/").selectFirst("#row-FRA td.subject").text();

    Path french = letter.resolve("letter_fr.properties");
    Files.writeString(
        french,
        Files.readString(french).replace("subject = Convention", "subject = Rappel : Convention"));
    String after = page(url, "/").selectFirst("#row-FRA td.subject").text();

    assertThat(before).startsWith("Convention sur les armes");
    assertThat(after).startsWith("Rappel : Convention sur les armes");
  }

  @Test
  void problemsInTheListAreShownInTheCommandLinesWords() throws Exception {
    Path list = copy(LIST, dir.resolve("list.csv"));
    Files.writeString(
        list, Files.readString(list).replace("mission@afg-mission.example", "not-an-address"));
    URI url = start(SAMPLE, list);

    Document index = page(url, "/");
    Document letter = page(url, "/letters/AFG");

    assertThat(index.selectFirst("#problems h2").text())
        .isEqualTo("1 problem; nothing would be sent.");
    assertThat(index.select("#problems li").eachText())
        .containsExactlyElementsOf(commandLineProblems(SAMPLE, list));
    assertThat(index.select("#problems li").eachText())
        .containsExactly(list + ":2: column 'email': 'not-an-address' is not an email address");
    assertThat(index.select("#delegations")).isEmpty();
    assertThat(letter.select("#problems li").eachText())
        .containsExactlyElementsOf(commandLineProblems(SAMPLE, list));
  }

  @Test
  void aRowThatCannotBeWrittenToIsMarkedAndTheOthersStillShow() throws Exception {
    Path list = copy(LIST, dir.resolve("list.csv"));
    Files.writeString(
        list,
        Files.readString(list)
            .replace(
                "\"Excellency,\",en,mission@afg-mission.example",
                "\"Excellency,\",ps,mission@afg-mission.example"));
    URI url = start(SAMPLE, list);

    Document index = page(url, "/");
    HttpResponse<byte[]> pdf = get(url, "/letters/AFG/pdf");

    String problem =
        list
            + ":2: column 'language': 'ps': "
            + SAMPLE
            + " has no letter in that language: add letter_ps.properties (the text of letter.html in it) or a whole letter_ps.html, or use one of en, es, fr";
    assertThat(commandLineProblems(SAMPLE, list)).containsExactly(problem);
    assertThat(index.select("#problems li").eachText()).containsExactly(problem);
    assertThat(index.select("#delegations tbody tr")).hasSize(70);
    assertThat(index.selectFirst("#row-AFG").hasClass("problem")).isTrue();
    assertThat(index.select("#row-AFG .warning").eachText())
        .containsExactly(problem.substring(problem.indexOf(": ") + 2));
    assertThat(pdf.statusCode()).isEqualTo(422);
  }

  @Test
  void delegationsWhoseLetterCannotBeRenderedStillCountUnderTheirLanguage() throws Exception {
    Path letter = copy(SAMPLE, dir.resolve("letter"));
    Path english = letter.resolve("letter.properties");
    Files.writeString(
        english,
        Files.readString(english).replace("2012 ([(${country})])", "2012 ([(${contry})])"));
    URI url = start(letter, LIST);

    Document index = page(url, "/");

    assertThat(index.selectFirst("#summary").text())
        .startsWith(
            "70 delegations (en 43, es 12, fr 15), 43 with a problem. Read and rendered at ");
    assertThat(index.select("#delegations thead th").eachText()).contains("Problems");
    assertThat(index.select("#row-AFG .warning").eachText())
        .singleElement()
        .satisfies(p -> assertThat(p).contains("unknown variable 'contry'"));
  }

  @Test
  void aBrokenLetterIsShownInTheCommandLinesWords() throws Exception {
    Path letter = copy(SAMPLE, dir.resolve("letter"));
    Path html = letter.resolve("letter.html");
    Files.writeString(html, Files.readString(html).replace("${mission}", "${misison}"));
    URI url = start(letter, LIST);

    Document index = page(url, "/");

    List<String> expected = commandLineProblems(letter, LIST);
    assertThat(expected)
        .singleElement()
        .satisfies(
            p -> assertThat(p).contains("unknown variable 'misison'; did you mean 'mission'?"));
    assertThat(index.select("#problems li").eachText()).containsExactlyElementsOf(expected);
  }

  @Test
  void everythingFromTheFilesIsEscaped() throws Exception {
    Path list = dir.resolve("list.csv");
    Files.writeString(
        list,
        "id,country,title,name,mission,salutation,language,email\n"
            + "XSS,<script>alert(1)</script>,<b>Dr</b>,\"<img src=x onerror=alert(2)>\",Mission & Co,Dear,en,a@x.example\n");
    URI url = start(SAMPLE, list);

    String index = new String(get(url, "/").body(), StandardCharsets.UTF_8);
    String page = new String(get(url, "/letters/XSS").body(), StandardCharsets.UTF_8);

    assertThat(index).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    assertThat(page).doesNotContain("<script>").doesNotContain("<img src=x");
    assertThat(Jsoup.parse(index).selectFirst("#row-XSS td:nth-child(3)").text())
        .isEqualTo("<script>alert(1)</script>");
  }

  @Test
  void anUnknownDelegationIsNotFound() throws Exception {
    URI url = start(SAMPLE, LIST);

    HttpResponse<byte[]> response = get(url, "/letters/XYZ");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(
            Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8))
                .selectFirst("h1")
                .text())
        .isEqualTo("Nothing at /letters/XYZ");
  }

  @Test
  void itAnswersOnlyToItsOwnAddressAndOnlyToReads() throws Exception {
    URI url = start(SAMPLE, LIST);

    String foreign =
        raw(
            url,
            "GET / HTTP/1.1\r\nHost: rebound.example:"
                + url.getPort()
                + "\r\nConnection: close\r\n\r\n");
    HttpResponse<byte[]> post =
        HTTP.send(
            HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(url.getHost()).isEqualTo("127.0.0.1");
    assertThat(foreign).startsWith("HTTP/1.1 403");
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private static String raw(URI url, String request) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** What {@code circular preview} prints for these files, one line per problem. */
  static List<String> commandLineProblems(Path letter, Path list) {
    try {
      Preflight.check(letter, list, Set.of());
      return List.of();
    } catch (InputException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }
}
