package circular.letters;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Derives the plain-text part of a letter from its HTML, for readers whose mail client shows text:
 * paragraphs separated by a blank line, line breaks kept, links written out after their text,
 * list items marked, lines wrapped at 72 characters. The digest reads a delegation's HTML reply
 * the same way, unwrapped ({@link #of}). Stateless.
 */
public final class PlainText {
  static final int WIDTH = 72;

  private static final Set<String> PARAGRAPHS =
      Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "address", "pre", "hr");
  private static final Set<String> LINES = Set.of("div", "li", "tr", "section", "article", "header", "footer", "dt", "dd");
  private static final java.util.regex.Pattern LIST_ITEM = java.util.regex.Pattern.compile("(- |\\d+\\. )");
  private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title", "template");

  private PlainText() {}

  static String fromHtml(String html) {
    return wrap(of(Jsoup.parse(html).body())) + "\n";
  }

  /** The text of an element: paragraphs, line breaks, links and list items as above, lines not wrapped. */
  public static String of(Element element) {
    Writer writer = new Writer();
    element.traverse(writer);
    return writer.text().strip();
  }

  /** Walks the tree once, writing words and the breaks between blocks. */
  private static final class Writer implements NodeVisitor {
    private final StringBuilder out = new StringBuilder();
    private int skipping;
    private int pendingBreaks;
    private boolean pendingSpace;

    @Override
    public void head(Node node, int depth) {
      if (skipping > 0) {
        if (node instanceof Element) {
          skipping++;
        }
        return;
      }
      if (node instanceof TextNode t) {
        words(t.getWholeText());
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (SKIPPED.contains(tag)) {
          skipping = 1;
        } else if (tag.equals("br")) {
          flush(); // a break that opens a block ("<div><br></div>", a blank line in mail) comes after the block's own
          out.append('\n');
          pendingSpace = false;
        } else if (PARAGRAPHS.contains(tag)) {
          breaks(2);
        } else if (LINES.contains(tag)) {
          breaks(1);
        }
        if (tag.equals("li")) {
          flush();
          Element list = e.parent();
          boolean numbered = list != null && list.normalName().equals("ol");
          out.append(numbered ? (e.elementSiblingIndex() + 1) + ". " : "- ");
        } else if (tag.equals("td") || tag.equals("th")) {
          if (e.elementSiblingIndex() > 0) {
            pendingSpace = true;
            words("  ");
          }
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (skipping > 0) {
        if (node instanceof Element) {
          skipping--;
        }
        return;
      }
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (PARAGRAPHS.contains(tag)) {
          breaks(2);
        } else if (LINES.contains(tag)) {
          breaks(1);
        } else if (tag.equals("a")) {
          link(e);
        }
      }
    }

    private void link(Element a) {
      String href = a.attr("href").strip();
      String text = a.text().strip();
      if (href.isEmpty() || href.startsWith("#")) {
        return;
      }
      String shown = href.startsWith("mailto:") ? href.substring("mailto:".length()) : href;
      if (!shown.equals(text)) {
        words(" <" + shown + ">");
      }
    }

    private void words(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c)) {
          pendingSpace = true;
        } else {
          flush();
          if (pendingSpace && out.length() > 0 && !endsWithBreak()) {
            out.append(' ');
          }
          pendingSpace = false;
          out.append(c);
        }
      }
    }

    private void breaks(int n) {
      pendingBreaks = Math.max(pendingBreaks, n);
    }

    private void flush() {
      if (pendingBreaks > 0 && out.length() > 0) {
        int have = 0;
        for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
          have++;
        }
        out.append("\n".repeat(Math.max(0, pendingBreaks - have)));
        pendingSpace = false;
      }
      pendingBreaks = 0;
    }

    private boolean endsWithBreak() {
      return out.charAt(out.length() - 1) == '\n';
    }

    String text() {
      return out.toString();
    }
  }

  /**
   * Wraps each line at {@link #WIDTH} on spaces, continuing a list item under its text; a word
   * longer than the width stays whole.
   */
  static String wrap(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      java.util.regex.Matcher item = LIST_ITEM.matcher(line);
      String indent = item.lookingAt() ? " ".repeat(item.end()) : "";
      int column = 0;
      for (String word : line.split(" ")) {
        if (word.isEmpty()) {
          continue;
        }
        if (column > indent.length() && column + 1 + word.length() > WIDTH) {
          out.append('\n').append(indent);
          column = indent.length();
        } else if (column > 0) {
          out.append(' ');
          column++;
        }
        out.append(word);
        column += word.length();
      }
      out.append('\n');
    }
    return out.substring(0, out.length() - 1);
  }
}
