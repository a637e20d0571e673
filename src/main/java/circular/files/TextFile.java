package circular.files;

import circular.InputException;
import circular.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the files a user edits. Strictly UTF-8, so that a list saved as Latin-1 is refused with the
 * line of the first bad byte rather than sent with mangled names; a leading BOM is dropped.
 */
public final class TextFile {
  private TextFile() {}

  /**
   * A UTF-8 decoder that reports a byte that is not UTF-8 rather than replacing it. Not
   * thread-safe: one per read.
   */
  public static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * @throws InputException if the file is missing, unreadable or not UTF-8
   */
  public static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(Problem.in(file, "no such file"));
    } catch (IOException e) {
      throw new InputException(
          Problem.in(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
    CharsetDecoder decoder = strictUtf8();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      long line = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new InputException(
          Problem.at(
              file,
              line,
              String.format(
                  "not UTF-8 (byte 0x%02X); save the file as UTF-8 (\"CSV UTF-8\" in a spreadsheet)",
                  bytes[at] & 0xff)));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
