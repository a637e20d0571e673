package circular.replies;

import circular.mailbox.AddressesInText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Name: value} groups of a machine-readable report — RFC 3464 delivery status, RFC 5965
 * feedback — read leniently from any text: a {@code message/delivery-status} part, or the same
 * fields pasted into a plain-text notice (Amazon WorkMail, forwarded bounces, a report whose MIME
 * boundary is broken). A group ends at a blank line or at a line that is not a field; folded lines
 * continue their field. Names are kept in lower case. Immutable.
 *
 * <pre>{@code
 * for (StatusFields group : StatusFields.parse(text)) {
 *   group.first("action");  // Optional[failed]
 * }
 * }</pre>
 */
record StatusFields(Map<String, List<String>> fields) {
  private static final Pattern FIELD =
      Pattern.compile("^([A-Za-z][A-Za-z0-9-]{0,60})[ \\t]*:[ \\t]*(.*)$");

  StatusFields {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    fields = Collections.unmodifiableMap(copy);
  }

  /** Every group of fields in the text, in order. */
  static List<StatusFields> parse(String text) {
    List<StatusFields> groups = new ArrayList<>();
    Map<String, List<String>> current = new LinkedHashMap<>();
    String lastName = null;
    for (String line : text.split("\\r?\\n|\\r")) {
      if (line.isBlank()) {
        lastName = flush(groups, current);
        current = new LinkedHashMap<>();
        continue;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
        List<String> values = current.get(lastName);
        values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
        continue;
      }
      Matcher m = FIELD.matcher(line);
      if (m.matches()) {
        lastName = m.group(1).toLowerCase(Locale.ROOT);
        current.computeIfAbsent(lastName, k -> new ArrayList<>()).add(m.group(2).strip());
      } else {
        lastName = flush(groups, current);
        current = new LinkedHashMap<>();
      }
    }
    flush(groups, current);
    return groups;
  }

  private static String flush(List<StatusFields> groups, Map<String, List<String>> current) {
    if (!current.isEmpty()) {
      groups.add(new StatusFields(current));
    }
    return null;
  }

  Optional<String> first(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  List<String> all(String name) {
    return fields.getOrDefault(name, List.of());
  }

  boolean has(String name) {
    return fields.containsKey(name);
  }

  /** Whether this group is one recipient's delivery status (RFC 3464 §2.3). */
  boolean isRecipient() {
    return has("final-recipient") || has("original-recipient") || (has("action") && has("status"));
  }

  /** Whether this group is a feedback report's (RFC 5965 §3.1). */
  boolean isFeedback() {
    return has("feedback-type");
  }

  /**
   * The address of an address field, without its type: {@code "rfc822; someone@x.example"} and
   * {@code "RFC822;<someone@x.example>"} → {@code someone@x.example}; empty if it names none.
   */
  static Optional<String> address(String field) {
    String value = field.substring(field.indexOf(';') + 1).strip();
    return AddressesInText.first(value);
  }
}
