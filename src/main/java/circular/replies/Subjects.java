package circular.replies;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subject lines reduced to what they are about: {@code "RE: AW: Réf : Invitation"} and {@code
 * "Automatic reply: Invitation"} both become {@code "invitation"}. Compares letters with the
 * messages that answer them, in any of the campaign's languages. Stateless.
 */
final class Subjects {
  /**
   * One leading prefix a mail client, an out-of-office responder or a mail server puts before the
   * subject it answers, forwards or returns: {@code Re:}, {@code AW:}, {@code Réf :}, {@code
   * RE[2]:}…
   */
  private static final Pattern PREFIX =
      Pattern.compile(
          "^(?:\\[(?:ext|external|extern|externe|externo)\\]\\s*)?"
              + "(?:re|aw|tr|rv|fw|fwd|wg|sv|vs|antw|antwort|ref|réf|r|ris|rif|res|enc|odp|ynt|"
              + "回复|答复|转发|"
              + "automatic reply|auto-reply|autoreply|auto reply|auto response|out of office autoreply|"
              + "out of office|out of the office|réponse automatique|absence du bureau|"
              + "respuesta automática|respuesta automatica|fuera de la oficina|"
              + "automatische antwort|abwesenheitsnotiz|abwesend|"
              + "undeliverable|undelivered|unzustellbar|non remis|no se puede entregar|"
              + "delivery status notification \\(failure\\)|delivery status notification \\(delay\\))"
              + "\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u202f]+");

  private Subjects() {}

  /**
   * The subject without any number of reply, forward, auto-reply or bounce prefixes, its whitespace
   * collapsed, in lower case: the key two subjects are compared by.
   */
  static String key(String subject) {
    if (subject == null) {
      return "";
    }
    String s =
        SPACE.matcher(Normalizer.normalize(subject, Normalizer.Form.NFC)).replaceAll(" ").strip();
    Matcher m = PREFIX.matcher(s);
    while (m.find()) {
      s = s.substring(m.end()).strip();
      m = PREFIX.matcher(s);
    }
    return s.toLowerCase(Locale.ROOT);
  }
}
