package circular.cli;

import circular.InputException;
import circular.Problem;
import circular.campaign.Campaign;
import circular.campaign.CampaignLock;
import circular.campaign.Preflight;
import circular.campaign.SendPlan;
import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.campaign.Sending;
import circular.campaign.Status;
import circular.letters.Mailbox;
import circular.recipients.Addresses;
import circular.recipients.Recipient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code circular send}: the letters to every delegation, each once. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Sends the letter to every recipient of the list, each in its language.",
      "Every row is checked and every letter rendered first; any problem stops the run before",
      "anything is sent. A re-run is safe: letters already sent are skipped, deferred ones are",
      "tried again, failed ones only with --retry-failed. A letter whose connection broke after",
      "its data was sent is 'in doubt' (the server may have it): it is reported on every run and",
      "sent again only when you name it with --resend-in-doubt.",
      "With no --smtp and no smtp= in circular.properties, letters go to the sandbox, a mail",
      "server on this machine only (see 'circular sandbox')."
    })
final class SendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LETTER", description = "The letter folder (or its name under letter-templates/).")
  String letter;

  @Parameters(index = "1", paramLabel = "RECIPIENTS", description = "The recipient list (or its name under recipients/).")
  String recipients;

  @Option(names = "--campaign", paramLabel = "DIR", description = "The campaign folder (default: campaigns/<letter folder name>).")
  Path campaignFolder;

  @Mixin SmtpOptions smtp;

  @Option(names = "--dry-run", description = "Check everything and show what would be sent; connect to nothing.")
  boolean dryRun;

  @Option(names = "--test-to", paramLabel = "ADDR", description = "Send the letters to ADDR instead, subject marked [TEST id]; logged as 'test', never counted as sent.")
  String testTo;

  @Option(names = "--only", split = ",", paramLabel = "ID", description = "Only these recipients (ids, comma-separated).")
  Set<String> only = new LinkedHashSet<>();

  @Option(names = "--limit", paramLabel = "N", description = "Send at most N letters in this run.")
  int limit;

  @Option(names = "--rate", paramLabel = "PER_MINUTE", description = "Send at most this many letters a minute (default: as fast as the server takes them).")
  double rate;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "1", description = "Send over N connections at once, for relays that allow it (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--yes", description = "Do not ask for confirmation before sending through a real server.")
  boolean yes;

  @Option(names = "--retry-failed", description = "Also send to recipients whose letter failed permanently before.")
  boolean retryFailed;

  @Option(names = "--resend-in-doubt", split = ",", paramLabel = "ID", description = "Send again to these recipients although their letter may have arrived (ids, or 'all'). Check with them first.")
  Set<String> resendInDoubt = new LinkedHashSet<>();

  @Override
  public Integer call() throws Exception {
    checkOptions();
    Preflight.Prepared prepared = Preflight.check(Locations.letter(letter), Locations.recipients(recipients), only);
    Campaign campaign = new Campaign(campaignFolder != null ? campaignFolder : Path.of("campaigns", prepared.template().name()));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String letterName = prepared.template().name();
    Optional<Mailbox> test = Optional.ofNullable(testTo).map(Mailbox::of);

    try (CampaignLock lock = dryRun ? null : CampaignLock.acquire(campaign.folder())) {
      List<SentRow> rows = SentLog.read(campaign.sentLog());
      List<Recipient> selected = prepared.recipients().recipients();
      SendPlan plan =
          test.isPresent()
              ? SendPlan.of(selected, java.util.Map.of(), true, true, limit)
              : SendPlan.of(selected, SentLog.latest(rows, letterName), retryFailed, false, limit);
      plan = withInDoubtResent(plan, selected, SentLog.latest(rows, letterName));
      reportLeftAlone(plan, err);

      if (dryRun || plan.toSend().isEmpty()) {
        out.printf(
            "%s %d letter%s%s; %d already sent, %d failed before, %d in doubt.%n",
            dryRun ? "Would send" : "Nothing to send:",
            plan.toSend().size(),
            plan.toSend().size() == 1 ? "" : "s",
            test.map(t -> " to " + t.address() + " (test)").orElse(""),
            plan.alreadySent().size(),
            plan.failedLeft().size(),
            plan.inDoubtLeft().size());
        return plan.failedLeft().isEmpty() && plan.inDoubtLeft().isEmpty() || dryRun ? ExitCode.DONE : ExitCode.SOME_FAILED;
      }

      try (MailServer server = smtp.open(campaign)) {
        if (!server.isSandbox() && !yes && !Confirmation.ask(spec.commandLine(), plan.toSend().size(), letterName, server.description())) {
          return ExitCode.BAD_INPUT;
        }
        Progress progress = new Progress(err, Progress.onTerminal(), plan.toSend().size());
        Sending sending = new Sending(campaign, prepared, new Sending.Options(test, rate, connections, r -> Optional.empty()));
        Sending.Report report = sending.run(plan.toSend(), server::outbox, (r, s, d) -> progress.step());
        return summarize(report, plan, campaign, server, out, err);
      }
    }
  }

  private void checkOptions() {
    List<Problem> problems = new java.util.ArrayList<>();
    if (connections < 1 || connections > 32) {
      problems.add(new Problem("--connections", connections + " is out of range; use 1 to 32"));
    }
    if (limit < 0) {
      problems.add(new Problem("--limit", "must not be negative"));
    }
    if (rate < 0) {
      problems.add(new Problem("--rate", "must not be negative"));
    }
    if (testTo != null && !Addresses.isAddress(testTo)) {
      problems.add(new Problem("--test-to", "'" + testTo + "' is not an email address"));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
  }

  /** Adds the in-doubt recipients the user named with --resend-in-doubt back to the plan. */
  private SendPlan withInDoubtResent(SendPlan plan, List<Recipient> selected, java.util.Map<String, SentRow> latest) {
    if (resendInDoubt.isEmpty() || testTo != null) {
      return plan;
    }
    boolean all = resendInDoubt.stream().anyMatch(id -> id.equalsIgnoreCase("all"));
    Set<String> named = resendInDoubt.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    Set<String> doubtful = plan.inDoubtLeft().stream().map(r -> r.recipientId().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    if (!all) {
      List<Problem> unknown =
          named.stream()
              .filter(id -> !doubtful.contains(id))
              .map(id -> new Problem("--resend-in-doubt", "'" + id + "' is not in doubt; only letters in doubt can be named here"))
              .toList();
      if (!unknown.isEmpty()) {
        throw new InputException(unknown);
      }
    }
    List<SendPlan.Planned> toSend = new java.util.ArrayList<>(plan.toSend());
    List<SentRow> stillInDoubt = new java.util.ArrayList<>();
    for (SentRow row : plan.inDoubtLeft()) {
      String id = row.recipientId().toLowerCase(Locale.ROOT);
      if (all || named.contains(id)) {
        selected.stream()
            .filter(r -> r.id().equalsIgnoreCase(id))
            .findFirst()
            .ifPresent(r -> toSend.add(new SendPlan.Planned(r, Optional.of(row))));
      } else {
        stillInDoubt.add(row);
      }
    }
    toSend.sort(java.util.Comparator.comparingLong(p -> p.recipient().line()));
    return new SendPlan(toSend, plan.alreadySent(), plan.failedLeft(), stillInDoubt);
  }

  private static void reportLeftAlone(SendPlan plan, PrintWriter err) {
    for (SentRow row : plan.inDoubtLeft()) {
      err.printf(
          "In doubt: %s (%s, %s): sending was cut off after it began, so the letter may have arrived."
              + " Ask the delegation; to send it again: --resend-in-doubt %s%n",
          row.recipientId(), row.messageId(), row.time(), row.recipientId());
    }
    if (!plan.failedLeft().isEmpty()) {
      err.printf(
          "Failed before, not retried: %s (see sent.csv; --retry-failed sends them again)%n",
          plan.failedLeft().stream().map(SentRow::recipientId).collect(Collectors.joining(", ")));
    }
  }

  private static int summarize(
      Sending.Report report, SendPlan plan, Campaign campaign, MailServer server, PrintWriter out, PrintWriter err) {
    for (Sending.Outcome o : report.outcomes()) {
      if (o.status() != Status.SENT) {
        err.printf("%s %s: %s%n", o.status().label(), o.recipient().id(), o.detail());
      }
    }
    report.stoppedBecause().ifPresent(why -> err.println("Stopped: " + why));
    long sent = report.count(Status.SENT);
    long deferred = report.count(Status.DEFERRED);
    long failed = report.count(Status.FAILED);
    long inDoubt = report.count(Status.IN_DOUBT) + plan.inDoubtLeft().size();
    out.printf(
        "Sent %d, deferred %d, failed %d, in doubt %d (through %s). Log: %s%n",
        sent, deferred, failed, inDoubt, server.description(), campaign.sentLog());
    boolean clean = deferred == 0 && failed == 0 && inDoubt == 0 && plan.failedLeft().isEmpty() && report.stoppedBecause().isEmpty();
    return clean ? ExitCode.DONE : ExitCode.SOME_FAILED;
  }
}
