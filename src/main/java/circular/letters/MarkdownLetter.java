package circular.letters;

import circular.Problem;
import circular.files.TextFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * A letter body written in Markdown ({@code letter.md}, CommonMark with tables), made once into the
 * two Thymeleaf templates a letter is rendered from:
 *
 * <ul>
 *   <li>an HTML document, styled as the sample letter is ({@code letter.css}), in which every
 *       expression is escaped ({@code [[${name}]]}), so that a name with {@code <} or {@code &}
 *       reads as typed and adds no markup;
 *   <li>a TEXT template: the Markdown itself, readable as it is, with every expression unescaped
 *       ({@code [(${name})]}).
 * </ul>
 *
 * <p>The expressions are set aside before the Markdown is parsed, so that its syntax cannot mangle
 * them ({@code ${first_name}} is not an emphasis). A new line inside a paragraph is a line break,
 * as in a letter's address block. Notes in HTML comments ({@code <!-- ... -->}) reach neither part.
 * Immutable and thread-safe.
 */
final class MarkdownLetter {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER =
      Parser.builder()
          .extensions(EXTENSIONS)
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().extensions(EXTENSIONS).softbreak("<br />\n").build();
  private static final String STYLE = resource("letter.css");

  private final Path file;
  private final List<Expressions.Expression> expressions;
  private final Pattern placeholder;
  private final String body;
  private final BodyTemplate text;

  private MarkdownLetter(
      Path file,
      List<Expressions.Expression> expressions,
      Pattern placeholder,
      String body,
      String text) {
    this.file = file;
    this.expressions = expressions;
    this.placeholder = placeholder;
    this.body = body;
    this.text = generate(text, false, TemplateMode.TEXT);
  }

  /** Reads and converts {@code file}, adding what is wrong with it to {@code problems}. */
  static MarkdownLetter read(Path file, List<Problem> problems) {
    String source = TextFile.read(file).replace("\r\n", "\n").replace('\r', '\n');
    List<Expressions.Expression> expressions = Expressions.find(source, file, problems);
    String marker = "circularexpr";
    while (source.contains(marker)) {
      marker += "q";
    }
    StringBuilder protectedSource = new StringBuilder(source.length());
    int last = 0;
    for (int i = 0; i < expressions.size(); i++) {
      Expressions.Expression e = expressions.get(i);
      protectedSource.append(source, last, e.start()).append(marker).append(i).append('z');
      last = e.end();
    }
    protectedSource.append(source, last, source.length());
    Pattern placeholder = Pattern.compile(Pattern.quote(marker) + "(\\d+)z");

    Node document = PARSER.parse(protectedSource.toString());
    List<Node> notes = notes(document);
    String text = withoutRanges(protectedSource.toString(), notes);
    notes.forEach(Node::unlink);
    String body = RENDERER.render(document);
    Matcher m = placeholder.matcher(body);
    while (m.find()) {
      if (body.lastIndexOf('<', m.start()) > body.lastIndexOf('>', m.start())) {
        SourceMap.Position at = expressions.get(Integer.parseInt(m.group(1))).at();
        problems.add(
            Problem.at(
                file,
                at.line(),
                at.column(),
                "an expression cannot go in a link's address, an image or an HTML tag; write it in the text"));
      }
    }
    return new MarkdownLetter(file, expressions, placeholder, body, readable(text));
  }

  /** The HTML part's template, its document marked as written in {@code language}. */
  BodyTemplate html(String language) {
    String document =
        "<!DOCTYPE html>\n<html lang=\""
            + attribute(language)
            + "\">\n<head>\n<meta charset=\"UTF-8\"/>\n"
            + "<style>\n"
            + STYLE
            + "</style>\n</head>\n<body>\n"
            + body
            + "</body>\n</html>\n";
    return generate(document, true, TemplateMode.HTML);
  }

  /** The file the letter is written in. */
  Path file() {
    return file;
  }

  /** The plain-text part's template. */
  BodyTemplate text() {
    return text;
  }

  /** Puts the expressions back in place of their placeholders, noting where each one lands. */
  private BodyTemplate generate(String withPlaceholders, boolean escaped, TemplateMode mode) {
    StringBuilder out = new StringBuilder(withPlaceholders.length() + 64 * expressions.size());
    List<SourceMap.Span> spans = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    int last = 0;
    Matcher m = placeholder.matcher(withPlaceholders);
    while (m.find()) {
      for (int i = last; i < m.start(); i++) {
        out.append(withPlaceholders.charAt(i));
        if (withPlaceholders.charAt(i) == '\n') {
          line++;
          lineStart = out.length();
        }
      }
      Expressions.Expression e = expressions.get(Integer.parseInt(m.group(1)));
      String written = escaped ? "[[" + e.inner() + "]]" : "[(" + e.inner() + ")]";
      int column = out.length() - lineStart + 1;
      spans.add(new SourceMap.Span(line, column, column + written.length() - 1, e.at()));
      out.append(written);
      last = m.end();
    }
    out.append(withPlaceholders, last, withPlaceholders.length());
    return BodyTemplate.generated(out.toString(), mode, file, SourceMap.of(spans));
  }

  /** The HTML comments of the document: the author's notes, for neither part. */
  private static List<Node> notes(Node document) {
    List<Node> notes = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(HtmlBlock block) {
            String html = block.getLiteral().strip();
            if (html.startsWith("<!--") && html.endsWith("-->")) {
              notes.add(block);
            }
          }

          @Override
          public void visit(HtmlInline inline) {
            if (inline.getLiteral().startsWith("<!--")) {
              notes.add(inline);
            }
          }
        });
    return notes;
  }

  /** {@code text} without the characters of {@code nodes}. */
  private static String withoutRanges(String text, List<Node> nodes) {
    boolean[] removed = new boolean[text.length()];
    for (Node node : nodes) {
      for (SourceSpan span : node.getSourceSpans()) {
        for (int i = span.getInputIndex();
            i < span.getInputIndex() + span.getLength() && i < text.length();
            i++) {
          removed[i] = true;
        }
      }
    }
    for (int i = 1; i < text.length() - 1; i++) {
      if (removed[i] && !removed[i - 1] && text.charAt(i - 1) == ' ') {
        int end = i;
        while (end < text.length() && removed[end]) {
          end++;
        }
        if (end < text.length() && text.charAt(end) == ' ') {
          removed[end] = true; // "a <!-- note --> b" reads "a b"
        }
      }
    }
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!removed[i]) {
        kept.append(text.charAt(i));
      }
    }
    return kept.toString();
  }

  /** The Markdown as a plain-text letter: no trailing spaces, at most one blank line in a row. */
  private static String readable(String markdown) {
    StringBuilder out = new StringBuilder(markdown.length());
    for (String line : markdown.split("\n", -1)) {
      out.append(line.stripTrailing()).append('\n');
    }
    return out.toString().replaceAll("\n{3,}", "\n\n").replaceFirst("^\n+", "").stripTrailing()
        + "\n";
  }

  private static String attribute(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  private static String resource(String name) {
    try (InputStream in = MarkdownLetter.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
