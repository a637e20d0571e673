package circular.digest;

import circular.letters.PlainText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The text of an HTML reply, for a reply that has no plain-text part: the quoted message is removed
 * by the marks mail clients leave in their HTML, the rest turned into text as a letter's plain-text
 * part is ({@link PlainText}), and that text then goes through {@link ReplyText} for what the HTML
 * did not mark (Outlook desktop's header block, an attribution, a {@code -- }).
 *
 * <ul>
 *   <li>Outlook (web, new and mobile): the reply header {@code div#divRplyFwdMsg} (or the empty
 *       {@code #appendonsend} before it, or {@code #mail-editor-reference-message-container}) and
 *       everything after it; Outlook prefixes the ids with {@code x_} in a forwarded copy.
 *   <li>Gmail: {@code .gmail_quote} with its attribution, and {@code .gmail_signature}.
 *   <li>Apple Mail and Thunderbird: {@code blockquote[type=cite]}, Thunderbird's {@code
 *       .moz-cite-prefix} and {@code .moz-signature}; Yahoo's {@code .yahoo_quoted}.
 * </ul>
 *
 * Stateless.
 */
final class HtmlReply {
  private static final String OUTLOOK_REPLY_HEADER =
      "[id$=appendonsend], [id$=divRplyFwdMsg], [id$=mail-editor-reference-message-container]";
  private static final String QUOTED =
      "div.gmail_quote, blockquote.gmail_quote, .gmail_signature, .gmail_signature_prefix, blockquote[type=cite],"
          + " div.moz-cite-prefix, div.moz-signature, pre.moz-signature, div.yahoo_quoted";

  private HtmlReply() {}

  static String ownWords(String html) {
    Element body = Jsoup.parse(html).body();
    Element header = body.selectFirst(OUTLOOK_REPLY_HEADER);
    if (header != null) {
      cutFrom(header, body);
    }
    body.select(QUOTED).remove();
    return ReplyText.ownWords(PlainText.of(body));
  }

  /** Removes {@code start}, the rule Outlook draws just before it, and everything after it. */
  private static void cutFrom(Element start, Element body) {
    Element rule = start.previousElementSibling();
    if (rule != null && rule.normalName().equals("hr")) {
      rule.remove();
    }
    for (Element e = start; e != null && e != body; e = e.parent()) {
      Node next = e.nextSibling();
      while (next != null) {
        Node after = next.nextSibling();
        next.remove();
        next = after;
      }
    }
    start.remove();
  }
}
