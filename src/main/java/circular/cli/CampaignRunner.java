package circular.cli;

import circular.campaign.Campaign;
import circular.campaign.CampaignLock;
import circular.campaign.LetterFingerprint;
import circular.campaign.Preflight;
import circular.campaign.SendPlan;
import circular.campaign.Sending;
import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.campaign.Status;
import circular.letters.NamedAddress;
import circular.recipients.Recipient;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Runs a letter over a campaign for {@code send} and {@code remind}: the plan from the log, the
 * report of letters left alone, the confirmation, the run with its progress bar, the summary.
 */
final class CampaignRunner {
  private final CommandLine command;
  private final SendOptions options;

  CampaignRunner(CommandLine command, SendOptions options) {
    this.command = command;
    this.options = options;
  }

  /**
   * @param recipients the rows to write to, already narrowed to those the letter is for
   * @param inReplyTo the Message-ID a follow-up answers, per recipient
   * @return the exit status
   */
  int run(
      Preflight.Prepared prepared,
      Campaign campaign,
      List<Recipient> recipients,
      Function<Recipient, Optional<String>> inReplyTo)
      throws InterruptedException {
    PrintWriter out = command.getOut();
    PrintWriter err = command.getErr();
    String letterName = prepared.template().name();
    Optional<NamedAddress> test = Optional.ofNullable(options.testTo).map(NamedAddress::of);

    try (CampaignLock lock = options.dryRun ? null : CampaignLock.acquire(campaign.folder())) {
      Map<String, SentRow> latest = SentLog.latest(SentLog.read(campaign.sentLog()), letterName);
      SendPlan plan =
          test.isPresent()
              ? SendPlan.of(recipients, Map.of(), true, true, options.letterLimit())
              : SendPlan.of(recipients, latest, options.retryFailed, false, options.letterLimit())
                  .withInDoubtResent(options.resendInDoubt, recipients, prepared.recipients());
      reportLeftAlone(plan, err);
      // read only when letters are to go to delegations: a test or a run with nothing to send
      // neither warns nor records
      boolean delegations = test.isEmpty() && !plan.toSend().isEmpty();
      String fingerprint = delegations ? LetterFingerprint.of(prepared.template().folder()) : "";
      if (delegations) {
        editedSinceSent(campaign, prepared, fingerprint, latest, plan).ifPresent(err::println);
      }
      if (!plan.toSend().isEmpty() && prepared.template().hasLetterPerLanguage()) {
        out.println(writtenFrom(plan, prepared));
      }

      if (options.dryRun || plan.toSend().isEmpty()) {
        String left =
            String.format(
                "%d already sent, %d failed before, %d in doubt.",
                plan.alreadySent().size(), plan.failedLeft().size(), plan.inDoubtLeft().size());
        if (options.dryRun && test.isPresent()) {
          // a test ignores the log, so what the log says would not be true of it
          out.printf(
              "Would send %d test letter%s to %s through %s; a test goes to every delegation"
                  + " chosen, whether its letter was sent or not.%n",
              plan.toSend().size(),
              plan.toSend().size() == 1 ? "" : "s",
              test.get().address(),
              options.smtp.description());
        } else if (options.dryRun) {
          out.printf(
              "Would send %d letter%s through %s; %s%n",
              plan.toSend().size(),
              plan.toSend().size() == 1 ? "" : "s",
              options.smtp.description(),
              left);
        } else {
          out.println("Nothing to send: " + left);
        }
        boolean clean = plan.failedLeft().isEmpty() && plan.inDoubtLeft().isEmpty();
        return clean || options.dryRun ? ExitCode.DONE : ExitCode.SOME_FAILED;
      }

      // closed last: a Ctrl-C waits for the run's summary and for the server to close (the
      // sandbox saves its mail then)
      try (StopOnInterrupt onCtrlC = StopOnInterrupt.install(err, Progress.onTerminal());
          MailServer server = options.smtp.open(campaign)) {
        server.expectRepliesTo(
            prepared.template().replyAddresses().stream().map(NamedAddress::address).toList());
        if (!server.isSandbox()
            && !options.yes
            && !Confirmation.ask(command, plan.toSend().size(), letterName, server.description())) {
          return ExitCode.BAD_INPUT;
        }
        if (delegations) {
          campaign.rememberFingerprint(letterName, fingerprint);
        }
        Sending sending =
            new Sending(
                campaign,
                prepared,
                new Sending.Options(test, options.ratePerMinute(), options.connections, inReplyTo));
        onCtrlC.stops(sending);
        Sending.Report report;
        // closed before the summary: a run that stops early leaves the bar short of its end
        try (Progress progress =
            new Progress(err, Progress.onTerminal(), plan.toSend().size(), "letters")) {
          report = sending.run(plan.toSend(), server::outbox, (r, s, d) -> progress.step());
        }
        int status = summarize(report, plan, campaign, server, test, onCtrlC.fired(), out, err);
        out.flush();
        err.flush();
        return status;
      }
    }
  }

  /**
   * A letter edited since some of its letters were sent goes to the rest as it is now: said before
   * anything is sent (and at the confirmation), since those already sent keep the earlier text.
   */
  private static Optional<String> editedSinceSent(
      Campaign campaign,
      Preflight.Prepared prepared,
      String fingerprint,
      Map<String, SentRow> latest,
      SendPlan plan) {
    String letter = prepared.template().name();
    long sent = latest.values().stream().filter(r -> r.status() == Status.SENT).count();
    Optional<String> before = campaign.fingerprint(letter);
    if (sent == 0 || before.isEmpty() || before.get().equals(fingerprint)) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            "%s has changed since %d of its letters %s sent: the %d to send now go as it is now,"
                + " and the %d sent keep the earlier text (their copies are in %s).",
            prepared.template().folder(),
            sent,
            sent == 1 ? "was" : "were",
            plan.toSend().size(),
            sent,
            campaign.letters().resolve(letter)));
  }

  /**
   * "Letters to send, by the file they are written from: letter.md + letter.properties 2,
   * letter_fr.md 1."
   */
  private static String writtenFrom(SendPlan plan, Preflight.Prepared prepared) {
    Map<String, Long> counts =
        plan.toSend().stream()
            .collect(
                Collectors.groupingBy(
                    p -> prepared.template().writtenFrom(p.recipient().language()),
                    LinkedHashMap::new,
                    Collectors.counting()));
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(
            Collectors.joining(", ", "Letters to send, by the file they are written from: ", "."));
  }

  private static void reportLeftAlone(SendPlan plan, PrintWriter err) {
    for (SentRow row : plan.inDoubtLeft()) {
      err.printf(
          "In doubt: %s (%s, %s): sending was cut off after it began, so the letter may have arrived."
              + " Ask the delegation; to send it again: --resend-in-doubt %s%n",
          row.recipientId(),
          row.messageId(),
          StatusCommand.DAY.format(row.time()),
          row.recipientId());
    }
    if (!plan.failedLeft().isEmpty()) {
      err.printf(
          "Failed before, not retried: %s (see sent.csv; --retry-failed sends them again)%n",
          plan.failedLeft().stream().map(SentRow::recipientId).collect(Collectors.joining(", ")));
    }
  }

  private static int summarize(
      Sending.Report report,
      SendPlan plan,
      Campaign campaign,
      MailServer server,
      Optional<NamedAddress> test,
      boolean interrupted,
      PrintWriter out,
      PrintWriter err) {
    long partly = 0;
    for (Sending.Outcome o : report.outcomes()) {
      if (o.status() != Status.SENT) {
        err.printf("%s %s: %s%n", o.status().label(), o.recipient().id(), o.detail());
      } else if (!o.missed().isEmpty()) {
        // the delegation's other addresses have it: sending again would duplicate it there
        partly++;
        err.printf(
            "Sent only in part %s: not confirmed for %s; its other addresses have it (%s). Check the"
                + " address%s with the delegation.%n",
            o.recipient().id(),
            String.join(", ", o.missed()),
            o.detail(),
            o.missed().size() == 1 ? "" : "es");
      }
    }
    long sent = report.count(Status.SENT);
    long deferred = report.count(Status.DEFERRED);
    long failed = report.count(Status.FAILED);
    report.stoppedBecause().ifPresent(why -> err.println("Stopped: " + why));
    long inDoubt = report.count(Status.IN_DOUBT) + plan.inDoubtLeft().size();
    out.printf(
        "%s %d%s, deferred %d, failed %d, in doubt %d (through %s). Log: %s%n",
        test.map(t -> "Test letters to " + t.address() + ": sent").orElse("Sent"),
        sent,
        partly == 0 ? "" : " (" + partly + " only in part)",
        deferred,
        failed,
        inDoubt,
        server.description(),
        campaign.sentLog());
    if (report.stoppedBecause().isPresent()) {
      // deferred by the stop, or never tried: the next run sends them
      long notSent = plan.toSend().size() - sent - failed - report.count(Status.IN_DOUBT);
      out.flush();
      err.printf(
          "%d letter%s not sent: run the same command again%s; letters already sent are"
              + " skipped.%n",
          notSent,
          notSent == 1 ? "" : "s",
          interrupted ? " to send them" : " when the server can be used");
    }
    boolean clean =
        deferred == 0
            && partly == 0
            && failed == 0
            && inDoubt == 0
            && plan.failedLeft().isEmpty()
            && report.stoppedBecause().isEmpty();
    return clean ? ExitCode.DONE : ExitCode.SOME_FAILED;
  }
}
