package circular.digest;

import circular.replies.Standing;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * {@code index.html}: one section per delegation that replied, in the list's order — country,
 * sender, date, subject, its own words, links to its attachments — then the delegations still
 * awaited. One self-contained file: the style is inline and nothing is loaded from anywhere, so it
 * opens from the file system in any browser with no network. Built as jsoup elements, so every text
 * from a message or the list is escaped on output. The same answers give the same page.
 */
final class DigestPage {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final String STYLE =
      """
      body { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; font-size: 15px; line-height: 1.45; color: #1a1a1a; margin: 1.2em auto; max-width: 60em; padding: 0 1em; }
      h1 { font-size: 1.5em; margin: 0 0 0.3em 0; }
      h2 { font-size: 1.2em; margin: 0 0 0.5em 0; padding-bottom: 0.2em; border-bottom: 1px solid #ccc; }
      h2 .id { color: #666; font-weight: normal; font-size: 0.85em; margin-left: 0.2em; }
      .meta { color: #555; margin: 0 0 1em 0; }
      nav { margin: 0 0 1.5em 0; font-size: 0.92em; }
      nav a { margin-right: 0.9em; white-space: nowrap; }
      section.delegation { margin: 0 0 2em 0; }
      article.reply { margin: 0 0 1.3em 0; }
      article.reply + article.reply { border-top: 1px dashed #ccc; padding-top: 0.8em; }
      table.headers { border-collapse: collapse; margin: 0 0 0.6em 0; font-size: 0.92em; }
      table.headers th { text-align: left; font-weight: normal; color: #666; padding: 0 1em 0 0; vertical-align: top; }
      table.headers td { padding: 0; }
      .text { white-space: pre-wrap; overflow-wrap: break-word; background: #fafafa; border-left: 3px solid #8aa4c8; padding: 0.6em 0.9em; margin: 0 0 0.6em 0; }
      .none { color: #777; font-style: italic; }
      .problem { color: #b71c1c; }
      .attachments { margin: 0; font-size: 0.92em; }
      .attachments a { margin-right: 0.8em; }
      table.awaited { border-collapse: collapse; width: 100%; font-size: 0.92em; }
      table.awaited th, table.awaited td { text-align: left; vertical-align: top; padding: 0.25em 0.6em; border-bottom: 1px solid #ddd; }
      table.awaited th { background: #f2f2f2; }
      td.when { white-space: nowrap; }
      @media print { nav { display: none; } .text { background: none; } a { color: inherit; text-decoration: none; } }
      """;

  private DigestPage() {}

  /**
   * @param answers every reply, grouped by delegation in the list's order
   * @param awaited the delegations sent the letter that have not replied, in the list's order
   * @param standings every delegation of the list, for the totals
   */
  static String html(
      String letter,
      Path list,
      List<Answer> answers,
      List<Standing> awaited,
      List<Standing> standings) {
    Document page = Document.createShell("");
    page.prependChild(new DocumentType("html", "", ""));
    page.outputSettings().prettyPrint(false);
    page.selectFirst("html").attr("lang", "en");
    page.head().appendElement("meta").attr("charset", "UTF-8");
    page.head().appendElement("title").text("Replies to " + letter);
    page.head().appendElement("style").appendChild(new DataNode(STYLE));
    Element body = page.body();

    List<List<Answer>> delegations = grouped(answers);
    body.appendElement("h1").text("Replies to " + letter);
    body.appendElement("p")
        .addClass("meta")
        .attr("id", "summary")
        .text(summary(list, answers, delegations, awaited, standings));
    Element nav = body.appendElement("nav");
    for (List<Answer> replies : delegations) {
      link(nav, "#" + replies.get(0).id(), title(replies.get(0)));
    }
    link(nav, "#awaited", "Still awaited (" + awaited.size() + ")");

    for (List<Answer> replies : delegations) {
      delegation(body, replies);
    }
    awaitedSection(body, awaited);
    return page.outerHtml() + "\n";
  }

  private static String summary(
      Path list,
      List<Answer> answers,
      List<List<Answer>> delegations,
      List<Standing> awaited,
      List<Standing> standings) {
    long sent = standings.stream().filter(Standing::sent).count();
    Optional<Instant> latest = answers.stream().map(Answer::received).max(Instant::compareTo);
    return answers.size()
        + (answers.size() == 1 ? " reply" : " replies")
        + " from "
        + delegations.size()
        + (delegations.size() == 1 ? " delegation" : " delegations")
        + "; "
        + awaited.size()
        + " of the "
        + sent
        + " delegations written to "
        + (awaited.size() == 1 ? "has" : "have")
        + " not replied yet. List: "
        + list.getFileName()
        + "."
        + latest.map(t -> " Latest reply: " + WHEN.format(t) + ".").orElse("")
        + " Compiled by circular digest from the replies recorded by circular replies.";
  }

  private static void delegation(Element body, List<Answer> replies) {
    Answer first = replies.get(0);
    Element section = body.appendElement("section").addClass("delegation").attr("id", first.id());
    Element heading =
        section.appendElement("h2").text(first.country().isEmpty() ? first.id() : first.country());
    if (!first.country().isEmpty()) {
      heading
          .appendText(" ")
          .appendElement("span")
          .addClass("id")
          .text(first.id()); // "Austria AUT" when copied
    }
    for (Answer a : replies) {
      Element article = section.appendElement("article").addClass("reply");
      Element headers = article.appendElement("table").addClass("headers").appendElement("tbody");
      row(headers, "From", a.from());
      row(headers, "Date", WHEN.format(a.received()));
      row(headers, "Subject", a.subject());
      if (!a.text().isEmpty()) {
        Element text = article.appendElement("div").addClass("text").text(a.text());
        if (!a.language().isEmpty()) {
          text.attr("lang", a.language());
        }
      } else if (a.problem().isEmpty()) {
        article
            .appendElement("p")
            .addClass("none")
            .text("No words of its own besides what it quoted.");
      }
      a.problem()
          .ifPresent(p -> article.appendElement("p").addClass("problem").text("Not shown: " + p));
      if (!a.files().isEmpty()) {
        Element files = article.appendElement("p").addClass("attachments");
        files.appendText(a.files().size() == 1 ? "Attachment: " : "Attachments: ");
        for (String file : a.files()) {
          link(files, segment(a.folder()) + "/" + segment(file), file);
        }
      }
    }
  }

  private static void awaitedSection(Element body, List<Standing> awaited) {
    Element section = body.appendElement("section").attr("id", "awaited");
    section.appendElement("h2").text("Still awaited (" + awaited.size() + ")");
    if (awaited.isEmpty()) {
      section
          .appendElement("p")
          .addClass("none")
          .text("Every delegation sent the letter has replied.");
      return;
    }
    Element table = section.appendElement("table").addClass("awaited");
    Element head = table.appendElement("thead").appendElement("tr");
    for (String title : List.of("Id", "Country", "Addresses", "Letter sent", "Since then")) {
      head.appendElement("th").text(title);
    }
    Element rows = table.appendElement("tbody");
    for (Standing s : awaited) {
      Element tr = rows.appendElement("tr").attr("id", "awaited-" + s.recipient().id());
      tr.appendElement("td").text(s.recipient().id());
      tr.appendElement("td").text(s.recipient().fields().getOrDefault("country", ""));
      tr.appendElement("td").text(String.join(", ", s.recipient().emails()));
      tr.appendElement("td")
          .addClass("when")
          .text(s.letter().map(r -> DAY.format(r.time())).orElse(""));
      tr.appendElement("td").text(sinceThen(s));
    }
  }

  /** What came back instead of a reply: a reminder, an automatic reply, a bounce. */
  private static String sinceThen(Standing s) {
    List<String> notes = new ArrayList<>();
    s.followUp()
        .ifPresent(r -> notes.add("reminder " + r.status().label() + " " + DAY.format(r.time())));
    s.autoReply().ifPresent(r -> notes.add("automatic reply " + DAY.format(r.received())));
    s.bounce().ifPresent(r -> notes.add("bounced " + DAY.format(r.received())));
    return String.join("; ", notes);
  }

  private static void row(Element table, String name, String value) {
    Element tr = table.appendElement("tr");
    tr.appendElement("th").text(name);
    tr.appendElement("td").text(value);
  }

  /** A link, then a space: links read apart when copied, not only when seen. */
  private static void link(Element parent, String href, String text) {
    parent.appendElement("a").attr("href", href).text(text);
    parent.appendText(" ");
  }

  private static String title(Answer a) {
    return a.country().isEmpty() ? a.id() : a.country();
  }

  /**
   * One path segment of a relative link: {@code Rapport d'étape.pdf} → {@code
   * Rapport%20d%27%C3%A9tape.pdf}.
   */
  private static String segment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static List<List<Answer>> grouped(List<Answer> answers) {
    List<List<Answer>> groups = new ArrayList<>();
    for (Answer a : answers) {
      if (groups.isEmpty() || !groups.get(groups.size() - 1).get(0).id().equals(a.id())) {
        groups.add(new ArrayList<>());
      }
      groups.get(groups.size() - 1).add(a);
    }
    return groups;
  }
}
