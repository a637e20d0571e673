package circular.cli;

import circular.campaign.Campaign;
import circular.digest.Digest;
import circular.recipients.RecipientList;
import circular.recipients.RecipientReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code circular digest}: what the delegations answered, compiled for the office's overview. */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description = {
      "Compiles what the delegations answered: index.html and digest.csv, and their attachments.",
      "For every delegation with a reply, in the list's order: each reply's own words (without the quoted letter, earlier messages or signature) and its attachments, saved under DIR/<id>/; then the delegations still awaited. Out-of-office replies, bounces and unmatched messages are never answers. Run 'circular replies' first; run digest again after new replies to add them."
    })
final class DigestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CampaignOption campaignOption;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the digest. Default: the campaign's digest/ folder.")
  Path out;

  @Override
  public Integer call() {
    Campaign campaign = campaignOption.namedOrOnly(Locations.SENT);
    Campaign.Origin origin = CampaignOption.origin(campaign);
    Path folder = out != null ? out : campaign.folder().resolve("digest");
    WritableFolder.check("--out", folder);
    RecipientList list = new RecipientReader().read(origin.recipients());
    WritableFolder.create("--out", folder);
    Digest.Report report =
        Digest.compile(campaign, list, origin.letter().getFileName().toString(), folder);
    PrintWriter err = spec.commandLine().getErr();
    report.problems().forEach(err::println);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(report.summary() + " Digest: " + report.index());
    if (report.replies() == 0) {
      stdout.println(
          "No reply recorded yet: run 'circular replies' to read the mailboxes, then digest again.");
    }
    return report.problems().isEmpty() ? ExitCode.DONE : ExitCode.SOME_FAILED;
  }
}
