package circular.cli;

import circular.InputException;
import circular.Problem;
import circular.campaign.Campaign;
import circular.campaign.Preflight;
import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.letters.LetterTemplate;
import circular.replies.ResponseLog;
import circular.replies.ResponseRow;
import circular.replies.Standings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code circular remind}: a follow-up to the delegations that have not answered. */
@Command(
    name = "remind",
    mixinStandardHelpOptions = true,
    description = {
      "Sends a reminder to the delegations that have not replied.",
      "Only to those sent the original letter that have not replied and did not bounce, each threaded under its original (In-Reply-To, References). The reminder's letter.properties names the original with follows=<letter folder name>. Run 'circular replies' first, so that recent replies count: without any scan of replies, remind writes to no delegation (a --dry-run or a --test-to still goes on). Safe to re-run, like send."
    })
final class RemindCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LetterArgument letter;

  @Mixin CampaignOption campaignOption;

  @Mixin SendOptions options;

  @Override
  public Integer call() throws Exception {
    options.check();
    Path folder = letter.folder();
    LetterTemplate reminder = LetterTemplate.load(folder);
    Campaign campaign = campaign(reminder, folder);
    WritableFolder.check("--campaign", campaign.folder());
    Campaign.Origin origin = CampaignOption.origin(campaign);
    String original = origin.letter().getFileName().toString();
    if (original.equals(reminder.name())) {
      throw new InputException(
          Problem.in(
              folder,
              "is the campaign's own letter; a reminder is another letter that follows it"));
    }
    boolean scanned = Files.exists(campaign.responses());
    // Without a scan, a delegation that answered would be reminded too: a wrong letter. A dry run
    // or a test, which write to no delegation, go on, saying so.
    boolean delegationsWrittenTo = !options.dryRun && options.testTo == null;
    if (!scanned && delegationsWrittenTo) {
      throw new InputException(
          Problem.in(
              campaign.responses(),
              "no replies have been read for this campaign yet; run 'circular replies' first, so"
                  + " that the delegations that answered are not reminded"));
    }
    Preflight.Prepared prepared = Preflight.check(folder, origin.recipients(), options.only.ids);
    List<SentRow> sent = SentLog.read(campaign.sentLog());
    List<ResponseRow> responses = scanned ? ResponseLog.read(campaign.responses()) : List.of();
    if (!scanned) {
      spec.commandLine()
          .getErr()
          .println(
              "No replies have been read for this campaign yet: every delegation counts as"
                  + " awaited here. Run 'circular replies' before reminding the delegations.");
    }
    Standings standings =
        Standings.of(prepared.recipients().recipients(), original, sent, responses);
    spec.commandLine().getOut().println(standings.reminders());
    warnOfUnmatched(responses);
    Map<String, SentRow> originals = SentLog.latest(sent, original);
    return new CampaignRunner(spec.commandLine(), options)
        .run(
            prepared,
            campaign,
            standings.toRemind(),
            r ->
                Optional.ofNullable(originals.get(r.id().toLowerCase(Locale.ROOT)))
                    .map(SentRow::messageId));
  }

  /**
   * A message that answers the letter from an address no delegation uses may be a delegation's
   * reply, from a colleague's or a personal address: that delegation would be reminded too. One a
   * person assigned ({@code replies --assign}) is read as that delegation's reply, and not named.
   */
  private void warnOfUnmatched(List<ResponseRow> responses) {
    PrintWriter err = spec.commandLine().getErr();
    for (ResponseRow row : responses) {
      if (row.kind() == ResponseRow.Kind.UNMATCHED) {
        err.printf(
            "%s from an address no delegation uses; if it is a delegation's reply, that delegation"
                + " is reminded too: read it first, and say whose reply it is with 'circular"
                + " replies --assign \"%s=ID\"'.%n",
            StatusCommand.unmatchedMessage(row), row.messageId());
      }
    }
    err.flush();
  }

  private Campaign campaign(LetterTemplate reminder, Path folder) {
    Optional<Campaign> named = campaignOption.named();
    if (named.isPresent()) {
      return named.get();
    }
    String follows =
        reminder
            .setting("follows")
            .orElseThrow(
                () ->
                    new InputException(
                        Problem.in(
                            folder.resolve("letter.properties"),
                            "missing key 'follows': the letter this one reminds of, e.g. follows=2012-03-22-nim-invitation; or pass --campaign DIR")));
    return new Campaign(Locations.existingCampaign(follows));
  }
}
