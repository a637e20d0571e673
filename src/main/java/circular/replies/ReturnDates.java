package circular.replies;

import circular.mailbox.MailHeaders;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date an out-of-office notice says its writer is back, in English, French, Spanish or German:
 * {@code I am back on 16 April}, {@code de retour le lundi 2 avril 2012}, {@code hasta el 10 de
 * abril}, {@code bis zum 13.04.2012}. A date without a year is the next one after the notice was
 * written; {@code 03/04} is the 3rd of April. Stateless.
 */
final class ReturnDates {
  private static final int MAX_TEXT = 8_000;
  private static final Map<String, Integer> MONTHS = months();
  private static final String MONTH =
      "(january|february|march|april|may|june|july|august|september|october|november|december|"
          + "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|"
          + "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
          + "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
          + "januar|janner|februar|marz|maerz|juni|juli|oktober|dezember)\\.?";
  private static final String YEAR = "(?:,?\\s*(?:de\\s+)?((?:19|20)\\d\\d))?";
  private static final Pattern DAY_MONTH =
      Pattern.compile(
          "\\b(\\d{1,2})(?:st|nd|rd|th|er|\\.|º|°)?\\s*(?:de\\s+|of\\s+)?" + MONTH + YEAR + "\\b");
  private static final Pattern MONTH_DAY =
      Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b" + YEAR);
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<![\\d.:/-])(\\d{1,2})[./-](\\d{1,2})(?:[./-]((?:19|20)?\\d\\d))?(?![\\d:/-]|\\.\\d)");
  private static final Pattern ISO = Pattern.compile("\\b((?:19|20)\\d\\d)-(\\d{2})-(\\d{2})\\b");

  /**
   * Words before a date that say what it is: the day the writer is back, or the last day away. The
   * one nearest the date counts, within a few words of it; a short word of a range ({@code to},
   * {@code au}, {@code al}, {@code bis}) only right before it.
   */
  private static final Pattern TRIGGER =
      Pattern.compile(
          "\\b(?:(back|return|returning|returns|again|de retour|retour|a partir du|des le|de vuelta|regreso|regresare|regresa|"
              + "de nuevo|a partir del|wieder|zuruck|ab)|(until|till|til|through|thru|jusqu'?au|jusqu'?a|hasta|bis zum|bis einschliesslich)|"
              + "(to|au|al|bis))\\b");

  private static final Pattern FEW_WORDS = Pattern.compile("^\\W*(?:\\w+\\W+){0,6}$");
  private static final Pattern NO_WORD = Pattern.compile("^\\W*(?:(?:the|le|el|den|dem)\\W+)?$");

  private ReturnDates() {}

  /** A return date found, and whether the notice gave it as the day back or the last day away. */
  record Found(LocalDate date, boolean back) {
    /** {@code back on 2012-04-16}, or {@code away until 2012-04-13}. */
    String detail() {
      return (back ? "back on " : "away until ") + date;
    }
  }

  /** The return date in a notice's text, if it gives one. */
  static Optional<Found> in(MimePart message, Instant written) {
    try {
      return in(text(message, 0), written)
          .or(() -> subject(message).flatMap(subject -> in(subject, written)));
    } catch (MessagingException | IOException | RuntimeException e) {
      return Optional.empty(); // a notice we cannot read says nothing of its writer's return
    }
  }

  static Optional<Found> in(String text, Instant written) {
    String t = plain(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
    LocalDate day = written.atZone(ZoneOffset.UTC).toLocalDate();
    Optional<Found> best = Optional.empty();
    int bestAt = Integer.MAX_VALUE;
    for (Pattern p : new Pattern[] {DAY_MONTH, MONTH_DAY, NUMERIC, ISO}) {
      Matcher m = p.matcher(t);
      while (m.find()) {
        if (m.start() >= bestAt) {
          break;
        }
        Optional<Boolean> back = back(t.substring(Math.max(0, m.start() - 60), m.start()));
        if (back.isEmpty()) {
          continue;
        }
        Optional<LocalDate> date = date(p, m, day);
        if (date.isPresent()
            && !date.get().isBefore(day.minusDays(1))
            && date.get().isBefore(day.plusYears(1))) {
          best = Optional.of(new Found(date.get(), back.get()));
          bestAt = m.start();
          break;
        }
      }
    }
    return best;
  }

  /** Whether the words before a date make it the day back (true) or the last day away (false). */
  private static Optional<Boolean> back(String before) {
    Matcher trigger = TRIGGER.matcher(before);
    Optional<Boolean> last = Optional.empty();
    while (trigger.find()) {
      String between = before.substring(trigger.end());
      if (trigger.group(3) != null) {
        if (NO_WORD.matcher(between).matches()) {
          last = Optional.of(false);
        }
      } else if (FEW_WORDS.matcher(between).matches()) {
        last = Optional.of(trigger.group(1) != null);
      }
    }
    return last;
  }

  private static Optional<LocalDate> date(Pattern p, Matcher m, LocalDate written) {
    try {
      int dayOfMonth;
      int month;
      String year;
      if (p == DAY_MONTH) {
        dayOfMonth = Integer.parseInt(m.group(1));
        month = MONTHS.get(m.group(2));
        year = m.group(3);
      } else if (p == MONTH_DAY) {
        month = MONTHS.get(m.group(1));
        dayOfMonth = Integer.parseInt(m.group(2));
        year = m.group(3);
      } else if (p == NUMERIC) {
        dayOfMonth = Integer.parseInt(m.group(1));
        month = Integer.parseInt(m.group(2));
        year = m.group(3);
        if (month > 12 && dayOfMonth <= 12) { // 04/16: written month first
          int swap = month;
          month = dayOfMonth;
          dayOfMonth = swap;
        }
      } else {
        return Optional.of(
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
      }
      if (year != null) {
        int y = Integer.parseInt(year);
        return Optional.of(LocalDate.of(y < 100 ? 2000 + y : y, month, dayOfMonth));
      }
      LocalDate date = LocalDate.of(written.getYear(), month, dayOfMonth);
      return Optional.of(date.isBefore(written.minusDays(7)) ? date.plusYears(1) : date);
    } catch (DateTimeException | NumberFormatException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /**
   * Lower case, accents and typographic apostrophes taken off: {@code Jusqu’au 2 août} → {@code
   * jusqu'au 2 aout}.
   */
  private static String plain(String text) {
    String folded =
        Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('’', '\''), Normalizer.Form.NFD);
    return folded.replaceAll("\\p{M}", "").replace('ß', 's');
  }

  private static Optional<String> subject(MimePart message) {
    try {
      return Optional.ofNullable(message.getHeader("Subject", null))
          .map(
              s -> {
                try {
                  return MimeUtility.decodeText(s);
                } catch (UnsupportedEncodingException e) {
                  return s;
                }
              });
    } catch (MessagingException e) {
      return Optional.empty();
    }
  }

  private static String text(Part part, int depth) throws MessagingException, IOException {
    String type =
        MailHeaders.baseType(part.getContentType() == null ? "text/plain" : part.getContentType());
    if (type.equals("text/plain")) {
      return read(part);
    }
    if (type.equals("text/html")) {
      return HtmlText.of(read(part));
    }
    if (type.startsWith("multipart/") && part instanceof MimePart mime && depth < 4) {
      MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(mime));
      String html = "";
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String childType = MailHeaders.baseType(String.valueOf(child.getContentType()));
        if (childType.equals("text/plain") || childType.startsWith("multipart/")) {
          String text = text(child, depth + 1);
          if (!text.isBlank()) {
            return text;
          }
        } else if (childType.equals("text/html") && html.isEmpty()) {
          html = text(child, depth + 1);
        }
      }
      return html;
    }
    return "";
  }

  private static String read(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readNBytes(MAX_TEXT * 4), Charsets.of(part));
    }
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> months = new HashMap<>();
    String[][] names = {
      {"january", "jan", "janvier", "enero", "januar", "janner"},
      {"february", "feb", "fevrier", "febrero", "februar"},
      {"march", "mar", "mars", "marzo", "marz", "maerz"},
      {"april", "apr", "avril", "abril"},
      {"may", "mai", "mayo"},
      {"june", "jun", "juin", "junio", "juni"},
      {"july", "jul", "juillet", "julio", "juli"},
      {"august", "aug", "aout", "agosto"},
      {"september", "sep", "sept", "septembre", "septiembre", "setiembre"},
      {"october", "oct", "octobre", "octubre", "oktober"},
      {"november", "nov", "novembre", "noviembre"},
      {"december", "dec", "decembre", "diciembre", "dezember"}
    };
    for (int i = 0; i < names.length; i++) {
      for (String name : names[i]) {
        months.put(name, i + 1);
      }
    }
    return Map.copyOf(months);
  }
}
