package circular.cli;

import circular.campaign.Campaign;
import circular.campaign.Preflight;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code circular send}: the letters to every delegation, each once. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Sends the letter to every delegation of the list, each once, in its language.",
      "Every row is checked and every letter rendered first; any problem stops the run before anything is sent. A re-run is safe: letters already sent are skipped, deferred ones are tried again, failed ones only with --retry-failed. A letter whose sending was cut off after its data went out is 'in doubt' (the server may have it): it is reported on every run and sent again only when you name it with --resend-in-doubt.",
      "With no --smtp and no smtp= in circular.properties, letters go to the sandbox, a mail server on this machine only (see 'circular sandbox')."
    })
final class SendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LetterAndList arguments;

  @Mixin CampaignOption campaignOption;

  @Mixin SendOptions options;

  @Override
  public Integer call() throws Exception {
    options.check();
    Path list = arguments.listFile();
    Preflight.Prepared prepared =
        Preflight.check(arguments.letterFolder(), list, options.only.ids, !options.dryRun);
    Campaign campaign =
        campaignOption.asTyped().orElseGet(() -> Campaign.forLetter(prepared.template().name()));
    WritableFolder.check("--campaign", campaign.folder());
    if (!options.dryRun) {
      WritableFolder.create("--campaign", campaign.folder());
      campaign.remember(prepared.template().folder(), list);
    }
    return new CampaignRunner(spec.commandLine(), options)
        .run(prepared, campaign, prepared.recipients().recipients(), r -> Optional.empty());
  }
}
