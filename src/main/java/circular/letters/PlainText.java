package circular.letters;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Derives the plain-text part of a letter from its HTML, for readers whose mail client shows text:
 * paragraphs separated by a blank line, line breaks kept, links written out after their text, list
 * items marked, lines wrapped at 72 characters. The digest reads a delegation's HTML reply the same
 * way, unwrapped ({@link #of}). Stateless.
 */
public final class PlainText {
  static final int WIDTH = 72;

  private static final Set<String> PARAGRAPHS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "table",
          "blockquote",
          "address",
          "pre",
          "hr");
  private static final Set<String> LINES =
      Set.of("div", "li", "tr", "section", "article", "header", "footer", "dt", "dd");
  static final Set<String> SKIPPED = Set.of("head", "style", "script", "title", "template");
  private static final boolean[] ASCII_WHITESPACE = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_WHITESPACE[c] = Character.isWhitespace(c);
    }
  }

  private PlainText() {}

  static String fromHtml(String html) {
    return fromBody(Jsoup.parse(html).body());
  }

  /** The plain text of a document's body. */
  static String fromBody(Element body) {
    return layOut(body).plainText();
  }

  /**
   * The text of an element: paragraphs, line breaks, links and list items as above, lines not
   * wrapped.
   */
  public static String of(Element element) {
    return layOut(element).unwrapped();
  }

  private static Layout layOut(Element root) {
    Layout layout = new Layout();
    root.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              layout.text(t.getWholeText());
            } else if (node instanceof Element e) {
              Element parent = e.parent();
              layout.open(
                  e.normalName(),
                  parent == null ? "" : parent.normalName(),
                  e.elementSiblingIndex());
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e) {
              layout.close(e.normalName(), e.normalName().equals("a") ? e : null);
            }
          }
        });
    return layout;
  }

  /**
   * Lays out a document's nodes, given in document order (an element's opening, its content, its
   * closing), as plain text: words and the breaks between blocks. One per document.
   */
  static final class Layout {
    private final StringBuilder out = new StringBuilder(2048);
    private int skipping;
    private int pendingBreaks;
    private boolean pendingSpace;

    /** A text node's text. */
    void text(String text) {
      if (skipping == 0) {
        words(text);
      }
    }

    /**
     * An element opens.
     *
     * @param parent the parent element's name
     * @param index the element's place among its parent's elements, from 0
     */
    void open(String tag, String parent, int index) {
      if (skipping > 0) {
        skipping++;
        return;
      }
      if (SKIPPED.contains(tag)) {
        skipping = 1;
      } else if (tag.equals("br")) {
        flush(); // a break that opens a block ("<div><br></div>", a blank line in mail) comes after
        // the block's own
        out.append('\n');
        pendingSpace = false;
      } else if (PARAGRAPHS.contains(tag)) {
        breaks(2);
      } else if (LINES.contains(tag)) {
        breaks(1);
      }
      if (tag.equals("li")) {
        flush();
        out.append(parent.equals("ol") ? (index + 1) + ". " : "- ");
      } else if (tag.equals("td") || tag.equals("th")) {
        if (index > 0) {
          pendingSpace = true;
          words("  ");
        }
      }
    }

    /** An element closes; {@code link} is the element itself when it is an {@code <a>}. */
    void close(String tag, Element link) {
      if (skipping > 0) {
        skipping--;
        return;
      }
      if (PARAGRAPHS.contains(tag)) {
        breaks(2);
      } else if (LINES.contains(tag)) {
        breaks(1);
      } else if (tag.equals("a")) {
        link(link);
      }
    }

    String plainText() {
      return wrap(unwrapped()) + "\n";
    }

    String unwrapped() {
      return out.toString().strip();
    }

    private void link(Element a) {
      String href = a.attr("href").strip();
      if (href.isEmpty() || href.startsWith("#")) {
        return;
      }
      String shown = href.startsWith("mailto:") ? href.substring("mailto:".length()) : href;
      if (!shown.equals(a.text().strip())) {
        words(" <" + shown + ">");
      }
    }

    /** Words with single spaces between them, a run of letters at a time. */
    private void words(String s) {
      int length = s.length();
      int i = 0;
      while (i < length) {
        if (whitespace(s.charAt(i))) {
          pendingSpace = true;
          i++;
          continue;
        }
        int end = i + 1;
        while (end < length && !whitespace(s.charAt(end))) {
          end++;
        }
        flush();
        if (pendingSpace && out.length() > 0 && !endsWithBreak()) {
          out.append(' ');
        }
        pendingSpace = false;
        out.append(s, i, end);
        i = end;
      }
    }

    /** {@link Character#isWhitespace}, answered from a table for ASCII. */
    private static boolean whitespace(char c) {
      return c < 128 ? ASCII_WHITESPACE[c] : Character.isWhitespace(c);
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
        for (int i = have; i < pendingBreaks; i++) {
          out.append('\n');
        }
        pendingSpace = false;
      }
      pendingBreaks = 0;
    }

    private boolean endsWithBreak() {
      return out.charAt(out.length() - 1) == '\n';
    }
  }

  /**
   * Wraps each line at {@link #WIDTH} on spaces, continuing a list item under its text; a word
   * longer than the width stays whole.
   */
  static String wrap(String text) {
    StringBuilder out = new StringBuilder(text.length() + 32);
    int start = 0;
    while (true) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      int indent = listItemIndent(text, start, end);
      int column = 0;
      int at = start;
      while (at < end) {
        if (text.charAt(at) == ' ') {
          at++;
          continue;
        }
        int wordEnd = at;
        while (wordEnd < end && text.charAt(wordEnd) != ' ') {
          wordEnd++;
        }
        int length = wordEnd - at;
        if (column > indent && column + 1 + length > WIDTH) {
          out.append('\n');
          for (int i = 0; i < indent; i++) {
            out.append(' ');
          }
          column = indent;
        } else if (column > 0) {
          out.append(' ');
          column++;
        }
        out.append(text, at, wordEnd);
        column += length;
        at = wordEnd;
      }
      if (end == text.length()) {
        return out.toString();
      }
      out.append('\n');
      start = end + 1;
    }
  }

  /** The width of a list item's mark ({@code - }, {@code 12. }) at the start of a line, or 0. */
  private static int listItemIndent(String text, int start, int end) {
    if (end - start >= 2 && text.charAt(start) == '-' && text.charAt(start + 1) == ' ') {
      return 2;
    }
    int at = start;
    while (at < end && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at > start && at + 1 < end && text.charAt(at) == '.' && text.charAt(at + 1) == ' '
        ? at + 2 - start
        : 0;
  }
}
