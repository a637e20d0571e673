package circular.replies;

import circular.mailbox.MailHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells mail written by a machine on someone's behalf — out-of-office notices, vacation responders,
 * list and bulk mail — from mail a person wrote: by RFC 3834's {@code Auto-Submitted}, its
 * non-standard cousins, the null envelope sender, and out-of-office subjects in the usual
 * languages. Decided on headers alone, before any threading: an Exchange out-of-office notice
 * carries In-Reply-To and no Auto-Submitted, and must not pass for a reply. Stateless.
 *
 * <p>{@code X-Auto-Response-Suppress} is deliberately not a sign: Exchange puts it on ordinary mail
 * too, to ask others not to auto-reply to it.
 */
final class AutoReplies {
  private static final Pattern OUT_OF_OFFICE_SUBJECT =
      Pattern.compile(
          "^\\s*(?:automatic reply|auto-reply|autoreply|auto reply|auto response|auto-response|auto:|"
              + "out of (?:the )?office|ooo:|"
              + "réponse automatique|reponse automatique|absence du bureau|absent(?:e)? du bureau|"
              + "respuesta automática|respuesta automatica|fuera de la oficina|"
              + "automatische antwort|abwesenheitsnotiz|abwesend|"
              + "risposta automatica|fuori sede|resposta automática|automatisch antwoord|"
              + "autosvar|automatisk svar)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private AutoReplies() {}

  /**
   * Whether a machine wrote the message (when it is not a delivery report, which is read first).
   */
  static boolean isAutomatic(MailHeaders headers) {
    Optional<String> autoSubmitted = headers.get("Auto-Submitted").map(AutoReplies::token);
    if (autoSubmitted.isPresent() && !autoSubmitted.get().equals("no")) {
      return true;
    }
    for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder")) {
      Optional<String> value = headers.get(name).map(AutoReplies::token);
      if (value.isPresent() && !value.get().equals("no") && !value.get().equals("false")) {
        return true;
      }
    }
    for (String name : List.of("Precedence", "X-Precedence")) {
      if (headers
          .get(name)
          .map(AutoReplies::token)
          .filter(v -> v.matches("auto_reply|bulk|junk|list"))
          .isPresent()) {
        return true;
      }
    }
    return headers.nullReturnPath() || OUT_OF_OFFICE_SUBJECT.matcher(headers.subject()).find();
  }

  /** {@code "auto-replied; owner=…"} → {@code "auto-replied"}. */
  private static String token(String value) {
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
