package circular.preview;

import circular.letters.Letter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A letter as plain text: the headers a reader sees, the file the letter is written from, the files
 * sent with it, then the body.
 */
public final class TextView {
  private TextView() {}

  /**
   * @param writtenFrom the files the letter comes from, e.g. {@code letter_fr.md} (see {@link
   *     circular.letters.LetterTemplate#writtenFrom})
   */
  public static String of(Letter letter, String writtenFrom) {
    return of(letter, letter.fileNames(), writtenFrom);
  }

  /** The view with the given files listed, for a letter whose enclosures are named, not printed. */
  public static String of(Letter letter, List<String> files, String writtenFrom) {
    StringBuilder view = new StringBuilder();
    view.append("From: ").append(letter.from()).append('\n');
    if (!letter.replyTo().isEmpty()) {
      view.append("Reply-To: ").append(join(letter.replyTo())).append('\n');
    }
    view.append("To: ").append(join(letter.to())).append('\n');
    if (!letter.cc().isEmpty()) {
      view.append("Cc: ").append(join(letter.cc())).append('\n');
    }
    if (!letter.bcc().isEmpty()) {
      view.append("Bcc: ").append(join(letter.bcc())).append('\n');
    }
    view.append("Subject: ").append(letter.subject()).append('\n');
    view.append("Language: ").append(letter.language()).append('\n');
    view.append("Letter file: ").append(writtenFrom).append('\n');
    for (String file : files) {
      view.append("Attachment: ").append(file).append('\n');
    }
    view.append('\n').append(letter.text());
    return view.toString();
  }

  static String join(List<?> items) {
    return items.stream().map(Object::toString).collect(Collectors.joining(", "));
  }
}
