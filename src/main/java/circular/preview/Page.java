package circular.preview;

import circular.Problem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * The frame of every page of the preview: title, style, and the problems box. Pages are built as
 * jsoup elements, so every text from the user's files is escaped on output.
 */
final class Page {
  private static final String STYLE =
      """
      body { font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 14px; margin: 1em 1.2em; color: #1a1a1a; }
      h1 { font-size: 1.35em; margin: 0 0 0.3em 0; }
      .meta { color: #555; margin: 0 0 1em 0; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; vertical-align: top; padding: 0.3em 0.6em; border-bottom: 1px solid #ddd; }
      th { background: #f2f2f2; position: sticky; top: 0; }
      tr.problem td { background: #fff1f0; }
      .problems { border: 2px solid #c62828; background: #fff1f0; padding: 0.6em 1em; margin: 0 0 1em 0; }
      .problems h2 { font-size: 1.05em; margin: 0 0 0.4em 0; color: #b71c1c; }
      .problems ul, td ul { margin: 0; padding-left: 1.2em; }
      .problems li, .warning { font-family: "DejaVu Sans Mono", monospace; font-size: 12.5px; white-space: pre-wrap; }
      .warning { color: #b71c1c; }
      .views a { margin-right: 0.5em; }
      td.views { white-space: nowrap; }
      td.subject { min-width: 15em; }
      td.files { font-size: 12px; color: #444; min-width: 9em; }
      nav { margin: 0 0 0.8em 0; }
      nav a { margin-right: 1em; }
      table.headers { width: auto; margin: 0 0 0.8em 0; }
      table.headers th { background: none; position: static; color: #555; font-weight: normal; }
      iframe { width: 100%; height: 75vh; border: 1px solid #bbb; }
      """;

  private Page() {}

  /** An empty page titled {@code title}, whose body the caller fills. */
  static Document titled(String title) {
    Document page = Document.createShell("");
    page.prependChild(new DocumentType("html", "", ""));
    page.outputSettings().prettyPrint(false);
    page.head().appendElement("meta").attr("charset", "UTF-8");
    page.head().appendElement("title").text(title);
    page.head().appendElement("style").appendChild(new DataNode(STYLE));
    page.selectFirst("html").attr("lang", "en");
    return page;
  }

  /**
   * The problems, one line each as the command line prints them, under the command line's summary.
   */
  static void problems(Element parent, List<Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    Element box = parent.appendElement("section").addClass("problems").attr("id", "problems");
    int n = problems.size();
    box.appendElement("h2")
        .text((n == 1 ? "1 problem" : n + " problems") + "; nothing would be sent.");
    Element list = box.appendElement("ul");
    problems.forEach(p -> list.appendElement("li").text(p.toString()));
  }

  /** A link, then a space: links read apart when copied or read aloud, not only when seen. */
  static Element link(Element parent, String href, String text) {
    Element link = parent.appendElement("a").attr("href", href).text(text);
    parent.appendText(" ");
    return link;
  }

  static String letterPath(String id) {
    return "/letters/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
