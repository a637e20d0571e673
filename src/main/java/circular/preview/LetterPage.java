package circular.preview;

import circular.campaign.Preflight;
import circular.letters.Letter;
import circular.letters.NamedAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One delegation's letter: its headers and files, links to the other forms, the neighbours in the
 * list, and the HTML letter itself in a frame that runs no script.
 */
final class LetterPage {
  private LetterPage() {}

  static String html(Review review, Preflight.Checked row) {
    String id = row.id();
    String country = row.recipient().fields().getOrDefault("country", "");
    Document page = Page.titled(id + (country.isEmpty() ? "" : " – " + country) + ": preview");
    Element body = page.body();
    Element nav = body.appendElement("nav");
    Page.link(nav, "/", "All delegations");
    int at = review.rows().indexOf(row);
    if (at > 0) {
      String previous = review.rows().get(at - 1).id();
      Page.link(nav, Page.letterPath(previous), "‹ " + previous).attr("id", "previous");
    }
    if (at + 1 < review.rows().size()) {
      String next = review.rows().get(at + 1).id();
      Page.link(nav, Page.letterPath(next), next + " ›").attr("id", "next");
    }
    body.appendElement("h1").text(id + (country.isEmpty() ? "" : " – " + country));
    Page.problems(body, row.problems());
    Optional<Letter> letter = row.letter();
    if (letter.isEmpty()) {
      return page.outerHtml();
    }
    headers(
        body,
        letter.get(),
        IndexPage.files(review, row),
        review.template().orElseThrow().writtenFrom(letter.get().language()));
    String path = Page.letterPath(id);
    Element views = body.appendElement("p").addClass("views");
    Page.link(views, path + "/html", "HTML alone");
    Page.link(views, path + "/text", "Plain text");
    Page.link(views, path + "/pdf", "PDF");
    Page.link(views, path + "/eml", "Download .eml").attr("download", id + ".eml");
    body.appendElement("iframe")
        .attr("src", path + "/html")
        .attr("sandbox", "")
        .attr("title", "The letter to " + id);
    return page.outerHtml();
  }

  private static void headers(Element body, Letter letter, List<String> files, String writtenFrom) {
    Element table = body.appendElement("table").addClass("headers").attr("id", "headers");
    row(table, "From", List.of(letter.from()));
    row(table, "Reply-To", letter.replyTo());
    row(table, "To", letter.to());
    row(table, "Cc", letter.cc());
    row(table, "Bcc", letter.bcc());
    line(table, "Subject", letter.subject());
    line(table, "Language", letter.language());
    line(table, "Letter file", writtenFrom);
    line(table, "Files", String.join(", ", files));
  }

  private static void row(Element table, String name, List<NamedAddress> addresses) {
    line(table, name, TextView.join(addresses));
  }

  private static void line(Element table, String name, String value) {
    if (value.isEmpty()) {
      return;
    }
    Element tr = table.appendElement("tr");
    tr.appendElement("th").text(name);
    tr.appendElement("td").addClass(name.toLowerCase(Locale.ROOT).replace(' ', '-')).text(value);
  }
}
