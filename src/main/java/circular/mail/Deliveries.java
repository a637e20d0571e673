package circular.mail;

import circular.mail.Attempt.Result;
import circular.mail.Attempt.Verdict;
import circular.mail.Delivery.Outcome;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sums up a letter's addresses into one {@link Delivery}. A letter taken for any address is {@code
 * SENT} (sending it again would duplicate it there), naming the addresses that did not get it;
 * otherwise in doubt beats deferred beats failed, so that a letter the server may hold is never
 * resent unasked.
 */
final class Deliveries {
  private Deliveries() {}

  /**
   * @param settled every address with a final verdict
   * @param turnedAway the addresses still turned away for now after the last try
   * @param tries how many times the letter was tried
   */
  static Delivery of(
      Map<InternetAddress, Result> settled, Map<InternetAddress, Result> turnedAway, int tries) {
    Map<InternetAddress, Result> delivered = only(settled, Verdict.DELIVERED);
    Map<InternetAddress, Result> rejected = only(settled, Verdict.REJECTED);
    Map<InternetAddress, Result> inDoubt = only(settled, Verdict.IN_DOUBT);
    int addresses = settled.size() + turnedAway.size();
    String retried = tries > 1 ? " (tried " + tries + " times)" : "";
    if (!delivered.isEmpty()) {
      String detail =
          last(delivered).reply()
              + part("rejected", rejected)
              + part("not accepted" + retried, turnedAway)
              + part("in doubt", inDoubt);
      List<String> missed =
          Stream.of(rejected, turnedAway, inDoubt)
              .flatMap(m -> m.keySet().stream())
              .map(InternetAddress::getAddress)
              .toList();
      return new Delivery(Outcome.SENT, detail, missed);
    }
    if (!inDoubt.isEmpty()) {
      return new Delivery(Outcome.IN_DOUBT, last(inDoubt).reply() + part("rejected", rejected));
    }
    if (!turnedAway.isEmpty()) {
      String detail =
          addresses == 1
              ? last(turnedAway).reply() + retried
              : listed(turnedAway) + retried + part("rejected", rejected);
      return new Delivery(Outcome.DEFERRED, detail);
    }
    return new Delivery(
        Outcome.FAILED, addresses == 1 ? last(rejected).reply() : "rejected: " + listed(rejected));
  }

  private static Map<InternetAddress, Result> only(
      Map<InternetAddress, Result> results, Verdict verdict) {
    Map<InternetAddress, Result> some = new LinkedHashMap<>();
    results.forEach(
        (a, r) -> {
          if (r.verdict() == verdict) {
            some.put(a, r);
          }
        });
    return some;
  }

  private static Result last(Map<InternetAddress, Result> results) {
    Result last = null;
    for (Result r : results.values()) {
      last = r;
    }
    return last;
  }

  private static String part(String label, Map<InternetAddress, Result> results) {
    return results.isEmpty() ? "" : "; " + label + ": " + listed(results);
  }

  private static String listed(Map<InternetAddress, Result> results) {
    return results.entrySet().stream()
        .map(e -> e.getKey().getAddress() + " (" + e.getValue().reply() + ")")
        .collect(Collectors.joining(", "));
  }
}
