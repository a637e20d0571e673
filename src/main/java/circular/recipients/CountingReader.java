package circular.recipients;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Reads a file's text once, dropping a leading BOM and noting where each line starts, so that a CSV
 * record's character position can be told as a line number without keeping the text.
 */
final class CountingReader extends FilterReader {
  private int[] starts = new int[1024];
  private final BitSet blank = new BitSet();
  private boolean lineHasText;
  private int lines = 1;
  private long read;
  private boolean first = true;

  CountingReader(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0 && first) {
      first = false;
      if (buffer[offset] == '\uFEFF') {
        System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
        n--;
        if (n == 0) {
          return read(buffer, offset, length);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      char c = buffer[offset + i];
      if (c == '\n') {
        if (!lineHasText) {
          blank.set(lines);
        }
        if (lines == starts.length) {
          starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = (int) (read + i + 1);
        lineHasText = false;
      } else if (c != '\r') {
        lineHasText = true;
      }
    }
    if (n > 0) {
      read += n;
    }
    return n;
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0];
  }

  /**
   * The line a record starting at this character offset is on, 1-based: blank lines before it,
   * which the CSV parser skips, are passed over.
   */
  long lineOf(long offset) {
    int i = Arrays.binarySearch(starts, 0, lines, (int) offset);
    int line = i >= 0 ? i + 1 : -i - 1;
    while (blank.get(line)) {
      line++;
    }
    return line;
  }
}
