package circular.replies;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of an HTML mail part, one block a line, for reading what a report or an out-of-office
 * notice says when it comes as HTML only (AOL, Office 365). Not a renderer: styles, scripts and
 * markup are dropped, and the common character references decoded. Stateless.
 */
final class HtmlText {
  private static final Pattern INVISIBLE =
      Pattern.compile("(?is)<!--.*?-->|<(style|script|head|title)\\b[^>]*>.*?</\\1\\s*>");
  private static final Pattern BREAK =
      Pattern.compile(
          "(?i)<(?:br|/p|/div|/tr|/li|/h[1-6]|/table|/blockquote|p|div|tr|li|hr)\\b[^>]*>");
  private static final Pattern CELL = Pattern.compile("(?i)</t[dh]\\s*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern REFERENCE =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("nbsp", " "),
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("rsquo", "'"),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"),
          Map.entry("auml", "ä"),
          Map.entry("ouml", "ö"),
          Map.entry("uuml", "ü"),
          Map.entry("szlig", "ß"),
          Map.entry("eacute", "é"),
          Map.entry("egrave", "è"),
          Map.entry("ecirc", "ê"),
          Map.entry("agrave", "à"),
          Map.entry("acirc", "â"),
          Map.entry("ccedil", "ç"),
          Map.entry("ocirc", "ô"),
          Map.entry("ucirc", "û"),
          Map.entry("icirc", "î"),
          Map.entry("aacute", "á"),
          Map.entry("iacute", "í"),
          Map.entry("oacute", "ó"),
          Map.entry("uacute", "ú"),
          Map.entry("ntilde", "ñ"));
  private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n(\\s*\\n)+");

  private HtmlText() {}

  static String of(String html) {
    String text = INVISIBLE.matcher(html).replaceAll(" ");
    text = BREAK.matcher(text).replaceAll("\n");
    text = CELL.matcher(text).replaceAll(" ");
    text = TAG.matcher(text).replaceAll("");
    text = decode(text);
    text = SPACES.matcher(text).replaceAll(" ");
    text = text.replaceAll("(?m)^ | $", "");
    return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
  }

  private static String decode(String text) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String replacement;
      if (ref.startsWith("#x") || ref.startsWith("#X")) {
        replacement = codePoint(Integer.parseInt(ref.substring(2), 16));
      } else if (ref.startsWith("#")) {
        replacement = codePoint(Integer.parseInt(ref.substring(1)));
      } else {
        replacement = NAMED.getOrDefault(ref.toLowerCase(Locale.ROOT), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String codePoint(int cp) {
    return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : " ";
  }
}
