package circular.letters;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;

/**
 * The plain text of an HTML letter, as a Thymeleaf TEXT template derived once from the HTML
 * template, instead of parsing every rendered letter. Rendered with the letter's context, the
 * template writes the letter's element tree in a compact form: each element's name, its text (the
 * template's own text, and what {@code th:text}, {@code th:utext} and {@code [[...]]} give), a
 * link's {@code href}, with {@code th:if}, {@code th:unless}, {@code th:each}, {@code th:with},
 * {@code th:object}, {@code th:switch} and {@code th:case} carried into Thymeleaf's textual syntax
 * ({@code [# th:if="..."]...[/]}). {@link #plainText} builds that tree and lays it out with {@link
 * PlainText}, exactly as {@link PlainText#fromHtml} lays out the tree jsoup parses from the
 * rendered HTML.
 *
 * <p>A template this cannot follow exactly is not derived ({@link #derive} is empty): fragments
 * ({@code th:insert}, {@code th:replace}), {@code th:inline}, Thymeleaf's comment blocks, markup
 * that jsoup nests otherwise than it is written (unclosed {@code <br>}, a {@code <tr>} without
 * {@code <tbody>}), and the like. A rendered letter it cannot follow ({@code th:utext} giving
 * markup) is not laid out ({@link #plainText} is empty). Either way the caller parses the rendered
 * HTML instead. Immutable and thread-safe.
 */
final class PlainTextTemplate {
  // Markers in the rendered template: control characters that a letter's text cannot hold
  // (recipient columns are cleaned of them) and that are not whitespace.
  private static final char OPEN = '\u0001';
  private static final char NAME_END = '\u0002';
  private static final char LITERAL = '\u0003';
  private static final char LITERAL_END = '\u0004';
  private static final char CLOSE = '\u0005';
  private static final char TEXT = '\u0006';
  private static final char TEXT_END = '\u0007';
  private static final char MARKUP = '\u0008';
  private static final char MARKUP_END = '\u000e';
  private static final char HREF = '\u000f';
  private static final char HREF_END = '\u0010';

  /**
   * Attributes that decide whether and how often an element is written, carried over as they are.
   */
  private static final List<String> STRUCTURE =
      List.of("th:each", "th:if", "th:unless", "th:switch", "th:case", "th:with", "th:object");

  /** A message without arguments: {@code #{para.thanks}}. */
  private static final Pattern MESSAGE = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)}");

  /** Attributes this cannot follow. */
  private static final Set<String> UNSUPPORTED =
      Set.of("th:insert", "th:replace", "th:include", "th:substituteby", "th:inline", "th:remove");

  /**
   * Elements into which jsoup moves no text: text written there by the template lands elsewhere.
   */
  private static final Set<String> NO_TEXT =
      Set.of(
          "table",
          "tbody",
          "thead",
          "tfoot",
          "tr",
          "colgroup",
          "select",
          "html",
          "head",
          "frameset");

  private final String source;
  private final List<String> literals;

  private PlainTextTemplate(String source, List<String> literals) {
    this.source = source;
    this.literals = List.copyOf(literals);
  }

  /** The TEXT template to render with the letter's context. */
  String source() {
    return source;
  }

  /** The template derived from {@code html}, for any language; empty if this cannot follow it. */
  static Optional<PlainTextTemplate> derive(String html) {
    return derive(html, key -> Optional.empty());
  }

  /**
   * The template derived from {@code html}, a Thymeleaf HTML template, for one language: a message
   * without arguments ({@code th:text="#{closing}"}) is the same in every letter of a language, so
   * its text is written into the template rather than looked up for each letter.
   *
   * @param messages the language's text of a message key, if it has one
   */
  static Optional<PlainTextTemplate> derive(
      String html, Function<String, Optional<String>> messages) {
    Document parsed = Jsoup.parse(html);
    Element written = Jsoup.parse(html, "", Parser.xmlParser()).selectFirst("body");
    if (written == null || !shape(parsed.body()).equals(shape(written))) {
      return Optional.empty();
    }
    Derivation derivation = new Derivation(messages);
    try {
      Element root = parsed.selectFirst("html");
      List<String> wrappers = structure(root, true);
      derivation.out.append(String.join("", wrappers));
      derivation.element(parsed.body());
      derivation.out.append("[/]".repeat(wrappers.size()));
    } catch (Unsupported e) {
      return Optional.empty();
    }
    return Optional.of(new PlainTextTemplate(derivation.out.toString(), derivation.literals));
  }

  /**
   * The plain text of a letter from this template rendered with its context, as {@link
   * PlainText#fromHtml} gives it for the letter's HTML; empty if the rendering holds what this
   * cannot lay out exactly. The elements go to {@link PlainText.Layout} as they come, as jsoup's
   * walk of the parsed HTML gives them; only a link's content is kept as elements, for its text.
   */
  Optional<String> plainText(String rendered) {
    PlainText.Layout layout = new PlainText.Layout();
    Deque<Open> open = new ArrayDeque<>();
    int i = 0;
    while (i < rendered.length()) {
      char c = rendered.charAt(i);
      Open current = open.peek();
      switch (c) {
        case OPEN -> {
          int end = rendered.indexOf(NAME_END, i);
          if (end < 0) {
            return Optional.empty();
          }
          String name = rendered.substring(i + 1, end);
          if (current == null && !name.equals("body")) {
            return Optional.empty(); // the body comes first, and everything else in it
          }
          Element element = null;
          if (name.equals("a") || (current != null && current.element != null)) {
            element = new Element(name);
            if (current != null && current.element != null) {
              current.element.appendChild(element);
            }
          }
          if (current == null) {
            layout.open(name, "html", 1);
          } else {
            layout.open(name, current.name, current.children++);
          }
          open.push(new Open(name, element));
          i = end + 1;
        }
        case CLOSE -> {
          if (current == null) {
            return Optional.empty();
          }
          open.pop();
          layout.close(current.name, current.name.equals("a") ? current.element : null);
          i++;
        }
        case LITERAL, TEXT, MARKUP, HREF -> {
          char endMarker =
              switch (c) {
                case LITERAL -> LITERAL_END;
                case TEXT -> TEXT_END;
                case MARKUP -> MARKUP_END;
                default -> HREF_END;
              };
          int end = rendered.indexOf(endMarker, i + 1);
          if (end < 0 || current == null) {
            return Optional.empty();
          }
          String value = rendered.substring(i + 1, end);
          if (c == HREF) {
            Optional<String> href = hrefValue(value);
            if (href.isEmpty() || current.element == null) {
              return Optional.empty();
            }
            current.element.attr("href", href.get());
          } else {
            Optional<String> text = textValue(c, value);
            if (text.isEmpty()) {
              return Optional.empty();
            }
            layout.text(text.get());
            if (current.element != null && !text.get().isEmpty()) {
              current.element.appendChild(new TextNode(text.get()));
            }
          }
          i = end + 1;
        }
        default -> {
          return Optional.empty(); // nothing else is written outside the markers
        }
      }
    }
    return open.isEmpty() ? Optional.of(layout.plainText()) : Optional.empty();
  }

  /**
   * An element being written: its name, how many elements it holds so far, and, inside a link,
   * itself.
   */
  private static final class Open {
    final String name;
    final Element element;
    int children;

    Open(String name, Element element) {
      this.name = name;
      this.element = element;
    }
  }

  private Optional<String> textValue(char kind, String value) {
    if (kind == LITERAL) {
      return literal(value);
    }
    if (!clean(value)) {
      return Optional.empty();
    }
    if (kind == MARKUP) {
      // th:utext: jsoup would parse markup in it; plain text with character references is fine
      return value.indexOf('<') >= 0
          ? Optional.empty()
          : Optional.of(Parser.unescapeEntities(value, false));
    }
    return Optional.of(value);
  }

  private Optional<String> hrefValue(String value) {
    if (!value.isEmpty() && value.charAt(0) == LITERAL) {
      return value.charAt(value.length() - 1) == LITERAL_END
          ? literal(value.substring(1, value.length() - 1))
          : Optional.empty();
    }
    return clean(value) ? Optional.of(value) : Optional.empty();
  }

  private Optional<String> literal(String index) {
    try {
      return Optional.of(literals.get(Integer.parseInt(index)));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** A value an expression gave: no marker and no NUL (jsoup would replace it). */
  private static boolean clean(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= HREF_END && c != '\t' && c != '\n' && c != '\u000b' && c != '\u000c' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  /** A template construct this does not follow. */
  private static final class Unsupported extends Exception {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  /** The TEXT template being written, and the template's own texts it refers to by number. */
  private static final class Derivation {
    final StringBuilder out = new StringBuilder();
    final List<String> literals = new ArrayList<>();
    final Function<String, Optional<String>> messages;

    Derivation(Function<String, Optional<String>> messages) {
      this.messages = messages;
    }

    void node(Node node, Element parent) throws Unsupported {
      if (node instanceof CDataNode) {
        throw new Unsupported();
      } else if (node instanceof TextNode text) {
        text(text.getWholeText(), parent);
      } else if (node instanceof Comment comment) {
        String data = comment.getData().strip();
        if (data.startsWith("/*") || data.endsWith("*/")) {
          throw new Unsupported(); // Thymeleaf's comment blocks remove or process markup
        }
      } else if (node instanceof Element element) {
        element(element);
      }
    }

    void element(Element element) throws Unsupported {
      String name = element.normalName();
      for (Attribute attribute : element.attributes()) {
        String key = attribute.getKey().toLowerCase(Locale.ROOT);
        boolean inlineInSkipped = key.equals("th:inline") && PlainText.SKIPPED.contains(name);
        if (key.startsWith("data-th-")
            || (UNSUPPORTED.contains(key) && !inlineInSkipped)
            || (key.equals("th:attr") && attribute.getValue().contains("href"))) {
          throw new Unsupported();
        }
      }
      List<String> wrappers = structure(element, false);
      wrappers.forEach(out::append);
      boolean block = name.equals("th:block");
      if (!block) {
        out.append(OPEN).append(name).append(NAME_END);
        if (name.equals("a")) {
          href(element);
        }
      }
      if (!PlainText.SKIPPED.contains(name)) {
        if (element.hasAttr("th:text")) {
          expression(TEXT, TEXT_END, element.attr("th:text"), element);
        } else if (element.hasAttr("th:utext")) {
          expression(MARKUP, MARKUP_END, element.attr("th:utext"), element);
        } else {
          for (Node child : element.childNodes()) {
            node(child, element);
          }
        }
      }
      if (!block) {
        out.append(CLOSE);
      }
      out.append("[/]".repeat(wrappers.size()));
    }

    private void href(Element a) throws Unsupported {
      if (a.hasAttr("th:href")) {
        out.append(HREF).append(utext(a.attr("th:href"))).append(HREF_END);
      } else if (a.hasAttr("href")) {
        out.append(HREF)
            .append(LITERAL)
            .append(literal(a.attr("href")))
            .append(LITERAL_END)
            .append(HREF_END);
      }
    }

    /**
     * A text of the template, with Thymeleaf's inlined expressions ({@code [[...]]}, {@code
     * [(...)]}) in it.
     */
    private void text(String text, Element parent) throws Unsupported {
      if (!text.isBlank() && NO_TEXT.contains(parent.normalName())) {
        throw new Unsupported();
      }
      int at = 0;
      while (at < text.length()) {
        int escaped = text.indexOf("[[", at);
        int unescaped = text.indexOf("[(", at);
        int start =
            escaped < 0 ? unescaped : unescaped < 0 ? escaped : Math.min(escaped, unescaped);
        if (start < 0) {
          break;
        }
        String close = start == escaped ? "]]" : ")]";
        int end = text.indexOf(close, start + 2);
        if (end < 0) {
          throw new Unsupported();
        }
        String expression = text.substring(start + 2, end);
        if (expression.contains("[[")
            || expression.contains("[(")
            || expression.contains("&")
            || expression.contains("<")) {
          throw new Unsupported();
        }
        if (start > at) {
          literalText(text.substring(at, start));
        }
        if (NO_TEXT.contains(parent.normalName())) {
          throw new Unsupported();
        }
        expression(
            close.equals("]]") ? TEXT : MARKUP,
            close.equals("]]") ? TEXT_END : MARKUP_END,
            expression,
            parent);
        at = end + 2;
      }
      if (at < text.length()) {
        literalText(text.substring(at));
      }
    }

    private void literalText(String text) {
      out.append(LITERAL).append(literal(text)).append(LITERAL_END);
    }

    /**
     * An expression's text ({@code start} {@link #TEXT}) or markup ({@link #MARKUP}) in {@code
     * element}; a message without arguments is written as its text in this language.
     */
    private void expression(char start, char end, String expression, Element element)
        throws Unsupported {
      if (NO_TEXT.contains(element.normalName())) {
        throw new Unsupported();
      }
      Matcher message = MESSAGE.matcher(expression.strip());
      Optional<String> text =
          message.matches() ? messages.apply(message.group(1)) : Optional.empty();
      if (text.isPresent() && start == TEXT) {
        literalText(text.get());
      } else if (text.isPresent() && text.get().indexOf('<') < 0) {
        literalText(Parser.unescapeEntities(text.get(), false));
      } else {
        out.append(start).append(utext(expression)).append(end);
      }
    }

    private int literal(String text) {
      literals.add(text);
      return literals.size() - 1;
    }

    /**
     * Writes an expression's value unescaped, as the HTML template's escaped value reads once
     * parsed: inlined ({@code [(...)]}, the cheapest for Thymeleaf) unless the expression holds
     * what would end the inlining early.
     */
    private static String utext(String expression) throws Unsupported {
      if (!expression.contains(")]") && !expression.contains("[") && !expression.contains("]")) {
        return "[(" + expression + ")]";
      }
      return "[# th:utext=" + quoted(expression) + "/]";
    }
  }

  /**
   * The textual elements carrying {@code element}'s structural attributes, in Thymeleaf's order;
   * for the {@code <html>} element, only those that leave the body as it is or not at all.
   */
  private static List<String> structure(Element element, boolean root) throws Unsupported {
    List<String> wrappers = new ArrayList<>();
    if (element == null) {
      return wrappers;
    }
    StringBuilder attributes = new StringBuilder();
    for (String name : STRUCTURE) {
      if (element.hasAttr(name)) {
        if (root
            && (name.equals("th:each") || name.equals("th:switch") || name.equals("th:case"))) {
          throw new Unsupported();
        }
        attributes.append(' ').append(name).append('=').append(quoted(element.attr(name)));
      }
    }
    if (root
        && element.attributes().asList().stream().anyMatch(a -> UNSUPPORTED.contains(a.getKey()))) {
      throw new Unsupported();
    }
    if (!attributes.isEmpty()) {
      wrappers.add("[#" + attributes + "]");
    }
    return wrappers;
  }

  /**
   * An attribute value for Thymeleaf's textual syntax, quoted with whichever quote it does not
   * hold.
   */
  private static String quoted(String value) throws Unsupported {
    if (value.indexOf('\\') >= 0 || value.indexOf(']') >= 0 || value.indexOf('[') >= 0) {
      throw new Unsupported();
    }
    if (value.indexOf('"') < 0) {
      return '"' + value + '"';
    }
    if (value.indexOf('\'') < 0) {
      return '\'' + value + '\'';
    }
    throw new Unsupported();
  }

  /**
   * An element tree as a list of element names and text places, to compare two parses of one
   * template; what elements the plain text leaves out hold ({@code <script>}) is not looked at.
   */
  private static List<String> shape(Element root) {
    List<String> shape = new ArrayList<>();
    root.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element e) {
              String name = e.normalName().toLowerCase(Locale.ROOT);
              shape.add("<" + name);
              return PlainText.SKIPPED.contains(name)
                  ? FilterResult.SKIP_CHILDREN
                  : FilterResult.CONTINUE;
            }
            if (node instanceof TextNode t
                && !t.isBlank()
                && (shape.isEmpty() || !shape.get(shape.size() - 1).equals("text"))) {
              shape.add("text");
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element) {
              shape.add(">");
            }
            return FilterResult.CONTINUE;
          }
        });
    return shape;
  }
}
