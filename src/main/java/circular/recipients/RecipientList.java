package circular.recipients;

import circular.InputException;
import circular.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validated recipient list: its file (as the user named it, a workbook's sheet included), how
 * messages name a place in it, its columns in order, and its rows. Immutable.
 */
public record RecipientList(
    Path file, Places places, List<String> columns, List<Recipient> recipients) {

  public RecipientList {
    columns = List.copyOf(columns);
    recipients = List.copyOf(recipients);
  }

  public int size() {
    return recipients.size();
  }

  /**
   * The rows whose ids are named, in the file's order; every name must exist (case-insensitively),
   * or the whole selection is refused.
   */
  public RecipientList only(Set<String> ids) {
    Map<String, Recipient> byKey = new LinkedHashMap<>();
    for (Recipient r : recipients) {
      byKey.put(key(r.id()), r);
    }
    List<Problem> problems = new ArrayList<>();
    for (String id : ids) {
      if (!byKey.containsKey(key(id))) {
        problems.add(new Problem("--only", "no recipient with id '" + id + "' in " + file));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    Set<String> wanted = new HashSet<>();
    ids.forEach(id -> wanted.add(key(id)));
    return new RecipientList(
        file,
        places,
        columns,
        recipients.stream().filter(r -> wanted.contains(key(r.id()))).toList());
  }

  /**
   * Something wrong with one recipient's cell, named as the list names its places: {@code x.csv:17:
   * column 'language': …} or {@code x.xlsx#Geneva!I17: …}.
   */
  public Problem problem(Recipient recipient, String column, String what) {
    int index = columns.indexOf(column);
    return index < 0
        ? places.row(recipient.line(), what)
        : places.cell(recipient.line(), index, column, what);
  }

  /**
   * Ids are compared without regard to case: they also name files, and some file systems fold case.
   */
  static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
