package circular.recipients;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One delegation: a row of a recipient list, already validated and cleaned of control characters.
 *
 * @param id the stable key of the row, unique in its list (e.g. an ISO 3166 alpha-3 code)
 * @param emails the addresses the letter goes to, at least one
 * @param cc the row's own copy addresses, possibly none
 * @param attachments files of this row's own, resolved against the list's folder
 * @param fields every column by name, in the file's order: the template variables
 * @param line the line of the file the row starts on, for messages
 */
public record Recipient(
    String id,
    List<String> emails,
    List<String> cc,
    List<Path> attachments,
    Map<String, String> fields,
    long line) {

  public Recipient {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a recipient needs an id");
    }
    if (emails == null || emails.isEmpty()) {
      throw new IllegalArgumentException("recipient " + id + " needs an address");
    }
    emails = List.copyOf(emails);
    cc = List.copyOf(cc);
    attachments = List.copyOf(attachments);
    // fields from a list file share their column names with every other row (see Row)
    fields =
        fields instanceof Row ? fields : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The {@code language} column, lower case, or empty when the row has none. */
  public String language() {
    return fields.getOrDefault("language", "");
  }

  /** Every address of the row, {@code email} then {@code cc}. */
  public List<String> allAddresses() {
    var all = new ArrayList<>(emails);
    all.addAll(cc);
    return List.copyOf(all);
  }
}
