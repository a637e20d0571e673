package circular.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs as a scan reads and compares them. An id is kept as written, angle brackets
 * included; two ids are the same when their {@link #key}s are, the domain compared without
 * regard to case (the local part is left as written). Stateless.
 */
final class MessageIds {
  private static final Pattern BRACKETED = Pattern.compile("<[^<>\\s]+>");

  private MessageIds() {}

  /** Every id in a header value such as References, in order. */
  static List<String> all(String headerValue) {
    List<String> ids = new ArrayList<>();
    if (headerValue == null) {
      return ids;
    }
    Matcher m = BRACKETED.matcher(headerValue);
    while (m.find()) {
      ids.add(m.group());
    }
    return ids;
  }

  /** The id of a Message-ID header; brackets are added when a sender forgot them. */
  static String of(String headerValue) {
    List<String> ids = all(headerValue);
    if (!ids.isEmpty()) {
      return ids.get(0);
    }
    String bare = headerValue.replaceAll("\\s+", "");
    return bare.isEmpty() ? "" : "<" + bare + ">";
  }

  /** What two ids are compared by: {@code <Ab.1@EXCH01.Example>} → {@code <Ab.1@exch01.example>}. */
  static String key(String id) {
    int at = id.lastIndexOf('@');
    return at < 0 ? id : id.substring(0, at) + id.substring(at).toLowerCase(Locale.ROOT);
  }
}
