package circular.digest;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text sent {@code format=flowed} (RFC 3676), as Apple Mail and Thunderbird send it, joined
 * back into the paragraphs its writer typed: a line ending in a space goes on in the next line.
 * Quoted lines are left as they are (the digest drops them), and so is the signature line.
 * Stateless.
 */
final class Flowed {
  private Flowed() {}

  /**
   * @param delSp whether the space that ends a flowed line was added by the sender ({@code
   *     DelSp=yes})
   */
  static String unflow(String text, boolean delSp) {
    List<String> out = new ArrayList<>();
    StringBuilder paragraph = null;
    for (String raw : text.replace("\r\n", "\n").split("\n", -1)) {
      if (raw.startsWith(">")) {
        if (paragraph != null) {
          out.add(paragraph.toString());
          paragraph = null;
        }
        out.add(raw);
        continue;
      }
      String line = raw.startsWith(" ") ? raw.substring(1) : raw; // space-stuffing undone
      boolean flowed = line.endsWith(" ") && !line.equals("-- ");
      String piece = flowed && delSp ? line.substring(0, line.length() - 1) : line;
      paragraph = paragraph == null ? new StringBuilder(piece) : paragraph.append(piece);
      if (!flowed) {
        out.add(paragraph.toString());
        paragraph = null;
      }
    }
    if (paragraph != null) {
      out.add(paragraph.toString());
    }
    return String.join("\n", out);
  }
}
