package circular.cli;

import circular.InputException;
import circular.Problem;
import circular.campaign.Campaign;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --campaign DIR} option of every command that works on a campaign. What it defaults to
 * is each command's own (send: the letter's folder; remind: the letter it follows; status, replies,
 * digest: the only campaign sent; sandbox: the only one with a sandbox), and so is its help text,
 * in {@code Help.properties} under the command's name.
 */
final class CampaignOption {
  @Option(names = "--campaign", paramLabel = "DIR", descriptionKey = "campaign")
  String name;

  /** The folder as typed, which need not exist yet: where {@code send} starts a campaign. */
  Optional<Campaign> asTyped() {
    return Optional.ofNullable(name).map(n -> new Campaign(Path.of(n)));
  }

  /** The campaign named, which must exist (a path, or a name in {@code campaigns/}), if one is. */
  Optional<Campaign> named() {
    return Optional.ofNullable(name).map(n -> new Campaign(Locations.existingCampaign(n)));
  }

  /**
   * The campaign named, or else the only one in {@code campaigns/} that has {@code kind}'s marker.
   */
  Campaign namedOrOnly(Locations.Kind kind) {
    return named()
        .orElseGet(() -> new Campaign(Locations.onlyCampaign(Path.of("campaigns"), kind)));
  }

  /** The letter and list the campaign was sent with. */
  static Campaign.Origin origin(Campaign campaign) {
    return campaign
        .origin()
        .orElseThrow(
            () ->
                new InputException(
                    Problem.in(
                        campaign.folder(),
                        "has no campaign.properties; run 'circular send LETTER RECIPIENTS --campaign "
                            + campaign.folder()
                            + "' first")));
  }
}
