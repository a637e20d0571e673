package circular.recipients;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The cells of one row as an unmodifiable map from column name to value, in the file's order. The
 * names and their positions are shared by every row of a list, so a row costs little more than its
 * values: a 100,000-row list fits a small heap.
 */
final class Row extends AbstractMap<String, String> {
  /** The columns of one list, with the position of each. */
  static final class Columns {
    final List<String> names;
    final Map<String, Integer> positions;

    Columns(List<String> names) {
      this.names = List.copyOf(names);
      Map<String, Integer> positions = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        positions.putIfAbsent(names.get(i), i);
      }
      this.positions = Map.copyOf(positions);
    }
  }

  private final Columns columns;
  private final String[] values;

  Row(Columns columns, String[] values) {
    if (values.length != columns.names.size()) {
      throw new IllegalArgumentException("a row needs one value per column");
    }
    this.columns = columns;
    this.values = values;
  }

  @Override
  public String get(Object key) {
    Integer i = columns.positions.get(key);
    return i == null ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return columns.positions.containsKey(key);
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(columns.names.get(i), values[i]);
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }
}
