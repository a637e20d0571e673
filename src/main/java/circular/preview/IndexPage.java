package circular.preview;

import circular.campaign.Preflight;
import circular.letters.Letter;
import circular.letters.LetterTemplate;
import circular.recipients.Recipient;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The index: every delegation of the list with its language, addresses, subject and files, the file
 * its letter is written from, the problems of the letter and the list, and links to each letter in
 * every form.
 */
final class IndexPage {
  private IndexPage() {}

  static String html(Review review, Duration took) {
    Document page =
        Page.titled(
            "Preview: "
                + review.letterFolder().getFileName()
                + " to "
                + review.listFile().getFileName());
    Element body = page.body();
    body.appendElement("h1")
        .text("Preview of " + review.letterFolder() + " for " + review.listFile());
    body.appendElement("p").addClass("meta").attr("id", "summary").text(summary(review, took));
    Page.problems(body, review.problems());
    if (!review.rows().isEmpty()) {
      table(body, review);
    }
    return page.outerHtml();
  }

  private static String summary(Review review, Duration took) {
    Map<String, Integer> languages = new TreeMap<>();
    review.rows().forEach(r -> languages.merge(language(review, r), 1, Integer::sum));
    List<String> counts = new ArrayList<>();
    languages.forEach((language, n) -> counts.add(language + " " + n));
    int n = review.rows().size();
    long stopped = review.rows().stream().filter(r -> !r.problems().isEmpty()).count();
    return (n == 1 ? "1 delegation" : n + " delegations")
        + (counts.isEmpty() ? "" : " (" + String.join(", ", counts) + ")")
        + (stopped == 0 ? "" : ", " + stopped + " with a problem")
        + ". Read and rendered at "
        + LocalTime.now().truncatedTo(ChronoUnit.SECONDS)
        + " in "
        + took.toMillis()
        + " ms;"
        + " every page reads the files afresh: edit them, then reload.";
  }

  /**
   * The language a delegation's letter is in, or would be in: a row whose letter could not be
   * rendered still counts under its language.
   */
  private static String language(Review review, Preflight.Checked row) {
    if (row.letter().isPresent()) {
      return row.letter().get().language();
    }
    String column = row.recipient().language();
    if (!column.isEmpty() || review.template().isEmpty()) {
      return column.isEmpty() ? "?" : column;
    }
    return review.template().get().languages().get(0);
  }

  private static void table(Element body, Review review) {
    Element table = body.appendElement("table").attr("id", "delegations");
    Element head = table.appendElement("thead").appendElement("tr");
    // The views beside the id, where a narrow window still shows them; problems only when some
    // delegation has one.
    boolean anyProblem = review.rows().stream().anyMatch(r -> !r.problems().isEmpty());
    List<String> titles =
        new ArrayList<>(
            List.of(
                "Id",
                "View",
                "Country",
                "Language",
                "To",
                "Cc",
                "Subject",
                "Files",
                "Letter file"));
    if (anyProblem) {
      titles.add("Problems");
    }
    titles.forEach(title -> head.appendElement("th").text(title));
    Element rows = table.appendElement("tbody");
    for (Preflight.Checked row : review.rows()) {
      Recipient r = row.recipient();
      Element tr =
          rows.appendElement("tr")
              .attr("id", "row-" + r.id())
              .addClass(row.problems().isEmpty() ? "ok" : "problem");
      tr.appendElement("td").appendElement("a").attr("href", Page.letterPath(r.id())).text(r.id());
      Element views = tr.appendElement("td").addClass("views");
      if (row.letter().isPresent()) {
        String path = Page.letterPath(r.id());
        Page.link(views, path, "HTML");
        Page.link(views, path + "/text", "text");
        Page.link(views, path + "/pdf", "PDF");
        Page.link(views, path + "/eml", ".eml");
      }
      tr.appendElement("td").text(r.fields().getOrDefault("country", ""));
      tr.appendElement("td").text(row.letter().map(Letter::language).orElse(r.language()));
      tr.appendElement("td").text(String.join(", ", r.emails()));
      tr.appendElement("td")
          .text(row.letter().map(l -> TextView.join(l.cc())).orElse(String.join(", ", r.cc())));
      tr.appendElement("td").addClass("subject").text(row.letter().map(Letter::subject).orElse(""));
      tr.appendElement("td").addClass("files").text(String.join(", ", files(review, row)));
      tr.appendElement("td")
          .addClass("letter-file")
          .text(
              row.letter()
                  .map(l -> review.template().orElseThrow().writtenFrom(l.language()))
                  .orElse(""));
      if (anyProblem) {
        Element warnings = tr.appendElement("td");
        if (!row.problems().isEmpty()) {
          Element list = warnings.appendElement("ul");
          row.problems().forEach(p -> list.appendElement("li").addClass("warning").text(p.what()));
        }
      }
    }
  }

  /** The files that go with the letter; its PDF named without printing it. */
  static List<String> files(Review review, Preflight.Checked row) {
    List<String> files = new ArrayList<>();
    row.letter()
        .ifPresent(
            letter -> {
              files.addAll(letter.fileNames());
              LetterTemplate template = review.template().orElseThrow();
              if (template.attachesPdf(letter.language())) {
                files.add(template.pdfFileName(letter.recipient()));
              }
            });
    return files;
  }
}
