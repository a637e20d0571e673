package circular.cli;

import circular.InputException;
import circular.Problem;
import circular.recipients.Addresses;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of a sending run, shared by {@code send} and {@code remind}. */
final class SendOptions {
  @Mixin SmtpOptions smtp;

  @Option(
      names = "--dry-run",
      description = "Check everything and show what would be sent; connect to nothing.")
  boolean dryRun;

  @Option(
      names = "--test-to",
      paramLabel = "ADDR",
      description =
          "Send the letters to ADDR instead, subject marked [TEST id]; logged as 'test', never counted as sent.")
  String testTo;

  @Mixin OnlyOption only;

  /** Absent: every letter; 0 is refused, since a user typing it means "none", not "all". */
  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Send at most N letters in this run (1 or more; default: every letter).")
  Integer limit;

  @Option(
      names = "--rate",
      paramLabel = "PER_MINUTE",
      description =
          "Send at most this many letters a minute (more than 0; default: as fast as the server takes them).")
  Double rate;

  @Option(
      names = "--connections",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Send over N connections at once, for relays that allow it (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(
      names = "--yes",
      description = "Do not ask for confirmation before sending through a real server.")
  boolean yes;

  @Option(
      names = "--retry-failed",
      description = "Also send to recipients whose letter failed permanently before.")
  boolean retryFailed;

  @Option(
      names = "--resend-in-doubt",
      split = ",",
      paramLabel = "ID",
      description =
          "Send again to these recipients although their letter may have arrived (ids, or 'all'). Check with them first.")
  Set<String> resendInDoubt = new LinkedHashSet<>();

  /** At most this many letters in this run; 0 for every letter, as {@code SendPlan} reads it. */
  int letterLimit() {
    return limit == null ? 0 : limit;
  }

  /** At most this many letters a minute; 0 for no limit, as {@code Sending} reads it. */
  double ratePerMinute() {
    return rate == null ? 0 : rate;
  }

  /**
   * Checks the options before anything is read, created or sent, dry run included.
   *
   * @throws InputException listing every option out of range, and a server that cannot be used
   */
  void check() {
    List<Problem> problems = new ArrayList<>();
    if (connections < 1 || connections > 32) {
      problems.add(new Problem("--connections", connections + " is out of range; use 1 to 32"));
    }
    if (limit != null && limit < 1) {
      problems.add(
          new Problem("--limit", "must be at least 1; leave --limit out to send every letter"));
    }
    if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
      problems.add(
          new Problem(
              "--rate",
              "must be a number of letters a minute more than 0; leave --rate out for no limit"));
    }
    if (testTo != null && !Addresses.isAddress(testTo)) {
      problems.add(new Problem("--test-to", "'" + testTo + "' is not an email address"));
    }
    try {
      smtp.relay();
    } catch (InputException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
  }
}
