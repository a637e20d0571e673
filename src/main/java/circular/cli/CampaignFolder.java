package circular.cli;

import circular.InputException;
import circular.Problem;
import circular.campaign.Campaign;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --campaign} option of the commands that read a campaign already sent. */
final class CampaignFolder {
  @Option(names = "--campaign", paramLabel = "DIR", description = "The campaign folder, e.g. campaigns/2012-03-22-nim-invitation (or just its name). Default: the only campaign sent from this folder.")
  String name;

  Campaign resolve() {
    Path folder = name == null ? Locations.onlyCampaign(Path.of("campaigns"), Locations.SENT) : Locations.existingCampaign(name);
    return new Campaign(folder);
  }

  /** The letter and list the campaign was sent with. */
  static Campaign.Origin origin(Campaign campaign) {
    return campaign
        .origin()
        .orElseThrow(
            () ->
                new InputException(
                    Problem.in(campaign.folder(), "has no campaign.properties; run 'circular send LETTER RECIPIENTS --campaign "
                        + campaign.folder() + "' first")));
  }
}
