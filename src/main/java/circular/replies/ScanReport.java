package circular.replies;

import circular.replies.ResponseRow.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one scan did, for the command line to print.
 *
 * @param messages messages looked at, in every source
 * @param added new rows written to {@code responses.csv}, by kind
 * @param notOurs messages that are none of the campaign's business, left out
 * @param alreadyKnown messages already in {@code responses.csv} (or met earlier in this scan)
 * @param problems one line per source that could not be read and per message that could not be
 *     parsed; the scan went on without them
 */
public record ScanReport(
    int messages, Map<Kind, Integer> added, int notOurs, int alreadyKnown, List<String> problems) {

  public ScanReport {
    EnumMap<Kind, Integer> all = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      all.put(kind, added.getOrDefault(kind, 0));
    }
    added = Collections.unmodifiableMap(all);
    problems = List.copyOf(problems);
  }

  public int added(Kind kind) {
    return added.get(kind);
  }

  public int addedTotal() {
    return added.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * One line: {@code 25 messages: 3 replies, 1 auto-reply, 1 bounce and 1 unmatched added to
   * responses.csv; 4 already there; 15 not about the campaign.}
   */
  public String summary() {
    StringBuilder line = new StringBuilder(count(messages, "message", "messages")).append(": ");
    List<String> kinds = new ArrayList<>();
    addKind(kinds, Kind.REPLY, "reply", "replies");
    addKind(kinds, Kind.AUTO_REPLY, "auto-reply", "auto-replies");
    addKind(kinds, Kind.BOUNCE, "bounce", "bounces");
    addKind(kinds, Kind.UNMATCHED, "unmatched", "unmatched");
    if (kinds.isEmpty()) {
      line.append("nothing new for responses.csv");
    } else {
      line.append(joined(kinds)).append(" added to responses.csv");
    }
    line.append("; ")
        .append(alreadyKnown)
        .append(" already there; ")
        .append(notOurs)
        .append(" not about the campaign");
    if (!problems.isEmpty()) {
      line.append("; ").append(count(problems.size(), "problem", "problems"));
    }
    return line.append('.').toString();
  }

  private void addKind(List<String> kinds, Kind kind, String one, String many) {
    int n = added(kind);
    if (n > 0) {
      kinds.add(count(n, one, many));
    }
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String joined(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }
}
