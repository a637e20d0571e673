package circular.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A delegation's own words in the text of a reply, without what its mail client added below them:
 * the quoted letter and earlier messages, and the signature.
 *
 * <ul>
 *   <li>Outlook's header block ({@code From: … Sent: … To: … Subject: …}, in English, French,
 *       Spanish or German) and {@code -----Original Message-----}: the rest is the quoted message,
 *       unmarked, so the text ends there.
 *   <li>An attribution — {@code On … wrote:} (Gmail, Apple Mail, Thunderbird), {@code Le … a écrit
 *       :}, {@code El … escribió:}, {@code Am … schrieb …:}, possibly wrapped over three lines — is
 *       dropped; when what follows it is not {@code >}-quoted, the text ends there too.
 *   <li>Lines quoted with {@code >} are dropped wherever they are, so that an answer written
 *       between quoted paragraphs keeps every word of its own.
 *   <li>The signature after the {@code -- } line (also {@code --}, as clients that trim lines send
 *       it), and a closing "Sent from my iPhone".
 * </ul>
 *
 * Stateless; {@code ReplyText.ownWords(text)} is all there is. Written here because no library
 * fits: GitHub's email_reply_parser has Java ports, but none is on Maven Central or maintained, and
 * none knows the French, Spanish and German attributions or Outlook's header blocks.
 */
final class ReplyText {
  private static final int FLAGS =
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

  private static final Pattern QUOTED = Pattern.compile("^\\s*>");
  private static final Pattern SIGNATURE = Pattern.compile("^--\\s*$", FLAGS);
  private static final Pattern ORIGINAL_MESSAGE =
      Pattern.compile(
          "^\\s*-{3,}\\s*(Original Message|Message d['’]origine|Message original|Mensaje original|Ursprüngliche Nachricht|Originalnachricht)\\s*-{3,}\\s*$",
          FLAGS);
  private static final Pattern HEADER_FROM = header("From|De|Von");
  private static final Pattern HEADER_DATE =
      header("Sent|Date|Envoyé|Enviado el|Enviado|Fecha|Gesendet|Datum");
  private static final Pattern HEADER_TO = header("To|Cc|Subject|À|A|Objet|Para|Asunto|An|Betreff");

  /** How far below {@code From:} its {@code Sent:} and {@code To:} may be (a long To: wraps). */
  private static final int HEADER_BLOCK_LINES = 6;

  /** The first and last words of an attribution, by language. */
  private record Attribution(Pattern start, Pattern end) {}

  private static final List<Attribution> ATTRIBUTIONS =
      List.of(
          new Attribution(
              Pattern.compile("^\\s*On\\s", FLAGS), Pattern.compile("\\swrote\\s*:\\s*$", FLAGS)),
          new Attribution(
              Pattern.compile("^\\s*Le\\s", FLAGS),
              Pattern.compile("\\sa\\s+écrit\\s*:\\s*$", FLAGS)),
          new Attribution(
              Pattern.compile("^\\s*El\\s", FLAGS),
              Pattern.compile("\\sescribió\\s*:\\s*$", FLAGS)),
          new Attribution(
              Pattern.compile("^\\s*Am\\s", FLAGS),
              Pattern.compile("\\sschrieb(\\s.*)?:\\s*$", FLAGS)));

  /** What every attribution holds and a sentence that happens to end in "wrote:" seldom does. */
  private static final Pattern TIME_OR_ADDRESS = Pattern.compile("\\d{1,2}[:h.]\\d{2}|@");

  /** Gmail wraps a long attribution; three lines hold the longest. */
  private static final int ATTRIBUTION_LINES = 3;

  private static final Pattern MOBILE_SIGNATURE =
      Pattern.compile(
          "^\\s*(Sent from my .+|Envoyé de mon .+|Enviado desde mi .+|Von meinem .+ gesendet)\\s*$",
          FLAGS);
  private static final Pattern SEPARATOR = Pattern.compile("^\\s*[_=*-]{5,}\\s*$");

  private ReplyText() {}

  /** The sender's own words: the lines above, without quotes and signature, trimmed. */
  static String ownWords(String text) {
    List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (QUOTED.matcher(line).find()) {
        continue;
      }
      if (SIGNATURE.matcher(line).find()
          || ORIGINAL_MESSAGE.matcher(line).find()
          || startsHeaderBlock(lines, i)) {
        break;
      }
      int attribution = attributionEnd(lines, i);
      if (attribution >= 0) {
        int next = nextNonBlank(lines, attribution + 1);
        if (next < 0 || !QUOTED.matcher(lines.get(next)).find()) {
          break; // the quoted message follows unmarked (or nothing does)
        }
        i = attribution;
        continue;
      }
      kept.add(line);
    }
    return tidy(kept);
  }

  private static Pattern header(String names) {
    // "From:", "De :" (French puts a space before the colon), "*From:*" (bold, as some clients
    // write it)
    return Pattern.compile("^\\s*\\*?(" + names + ")\\*?\\s*:", FLAGS);
  }

  /** A {@code From:} line with a date line and an addressee or subject line just below it. */
  private static boolean startsHeaderBlock(List<String> lines, int i) {
    if (!HEADER_FROM.matcher(lines.get(i)).find()) {
      return false;
    }
    boolean date = false;
    boolean to = false;
    for (int j = i + 1; j < Math.min(lines.size(), i + 1 + HEADER_BLOCK_LINES); j++) {
      date |= HEADER_DATE.matcher(lines.get(j)).find();
      to |= HEADER_TO.matcher(lines.get(j)).find();
    }
    return date && to;
  }

  /**
   * The last line of an attribution that starts at line {@code i}, or -1: a line that starts as one
   * does, ending as one does on it or on one of the next lines, with a time or an address in it.
   */
  private static int attributionEnd(List<String> lines, int i) {
    for (Attribution attribution : ATTRIBUTIONS) {
      if (!attribution.start().matcher(lines.get(i)).find()) {
        continue;
      }
      StringBuilder joined = new StringBuilder();
      for (int j = i; j < Math.min(lines.size(), i + ATTRIBUTION_LINES); j++) {
        String line = lines.get(j);
        if (isBlank(line) || QUOTED.matcher(line).find()) {
          break;
        }
        joined.append(joined.length() == 0 ? "" : " ").append(line.strip());
        if (attribution.end().matcher(joined).find() && TIME_OR_ADDRESS.matcher(joined).find()) {
          return j;
        }
      }
    }
    return -1;
  }

  private static int nextNonBlank(List<String> lines, int from) {
    for (int j = from; j < lines.size(); j++) {
      if (!isBlank(lines.get(j))) {
        return j;
      }
    }
    return -1;
  }

  /**
   * Trailing spaces and a closing separator or "Sent from my …" removed, blank lines around the
   * text removed and runs of them made one.
   */
  private static String tidy(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(isBlank(line) ? "" : line.stripTrailing());
    }
    while (!out.isEmpty()
        && (out.get(out.size() - 1).isEmpty()
            || SEPARATOR.matcher(out.get(out.size() - 1)).find())) {
      out.remove(out.size() - 1);
    }
    if (!out.isEmpty() && MOBILE_SIGNATURE.matcher(out.get(out.size() - 1)).find()) {
      out.remove(out.size() - 1);
    }
    StringBuilder text = new StringBuilder();
    boolean blank = false;
    for (String line : out) {
      if (line.isEmpty()) {
        blank = text.length() > 0;
        continue;
      }
      text.append(blank ? "\n\n" : text.length() > 0 ? "\n" : "").append(line);
      blank = false;
    }
    return text.toString();
  }

  /** Blank, counting the no-break spaces Outlook writes as empty paragraphs. */
  private static boolean isBlank(String line) {
    return line.chars()
        .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B');
  }
}
