package circular.replies;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The character set a mail part declares for its text. Stateless. */
final class Charsets {
  private Charsets() {}

  /**
   * The part's {@code charset} parameter, or UTF-8 when it names none, an unknown one or a
   * malformed one: what a scan looks for (addresses, ids, digits, month names) is ASCII in most.
   */
  static Charset of(Part part) {
    try {
      String name = new ContentType(part.getContentType()).getParameter("charset");
      if (name != null) {
        return Charset.forName(MimeUtility.javaCharset(name.strip()));
      }
    } catch (RuntimeException | MessagingException e) {
      // unknown or malformed: UTF-8 below
    }
    return StandardCharsets.UTF_8;
  }
}
