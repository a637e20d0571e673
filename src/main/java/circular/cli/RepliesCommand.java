package circular.cli;

import circular.InputException;
import circular.Problem;
import circular.campaign.Campaign;
import circular.mailbox.EmlFolderSource;
import circular.mailbox.ImapSource;
import circular.mailbox.ImapUrl;
import circular.mailbox.Source;
import circular.recipients.Recipient;
import circular.recipients.RecipientList;
import circular.recipients.RecipientReader;
import circular.replies.CampaignIndex;
import circular.replies.HandAssignments;
import circular.replies.ReplyScan;
import circular.replies.ScanReport;
import circular.server.Login;
import circular.server.Protocol;
import circular.server.TrustFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code circular replies}: reads the mailboxes and records who answered, who is away, what
 * bounced.
 */
@Command(
    name = "replies",
    mixinStandardHelpOptions = true,
    description = {
      "Records who replied, who is away and what bounced, from the mailboxes.",
      "Reads the contact's mailbox (and the sender's: bounces and out-of-office replies go there) and adds to responses.csv every message that answers the campaign's letters: a reply, an automatic reply or a bounce, matched to its delegation by thread, address or domain; a message that answers the letter but matches no delegation is kept as 'unmatched', for a person to read and, if it is a delegation's reply, to assign to it with --assign. Delivery reports are read in every common dialect and tied to a delegation only by the letter they return or the address they name; each row's detail says what a report said (the failed address, status and reason) or when an out-of-office's writer is back. Scans are incremental and read-only: nothing is marked as read. Without --imap or --eml, a campaign sent through the sandbox is read from the sandbox's mailboxes."
    })
final class RepliesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CampaignOption campaignOption;

  @Option(
      names = "--imap",
      paramLabel = "URL",
      description = {
        "imap://user@host[:port]/FOLDER (STARTTLS) or imaps://user@host[:port]/FOLDER (TLS); may be repeated.",
        "Default: imap= in circular.properties. The password comes from CIRCULAR_IMAP_PASSWORD or a",
        "prompt; an OAuth2 token from CIRCULAR_IMAP_TOKEN."
      })
  List<String> imap = new ArrayList<>();

  @Option(
      names = "--eml",
      paramLabel = "DIR",
      description =
          "A folder of .eml files exported from a mail client (not Outlook's .msg files); may be repeated.")
  List<Path> eml = new ArrayList<>();

  @Option(
      names = "--imap-trust",
      paramLabel = "FILE",
      description =
          "Trust the IMAP server certificate in FILE (.pem, .crt, .p12): for a test server with a self-signed certificate.")
  Path trust;

  @Option(
      names = "--assign",
      paramLabel = "MESSAGE_ID=ID",
      description = {
        "Records that the unmatched message with this Message-ID (as responses.csv shows it; the <> may be left out) is the reply of the delegation with this id: status, remind and digest then count it as that delegation's reply. May be repeated. Without --imap or --eml, no mailbox is read. Every assignment is checked first; if one is wrong, none is recorded.",
      })
  List<String> assign = new ArrayList<>();

  @Override
  public Integer call() {
    Campaign campaign = campaignOption.namedOrOnly(Locations.SENT);
    WritableFolder.check("--campaign", campaign.folder());
    Campaign.Origin origin = CampaignOption.origin(campaign);
    // Read only when needed: a rescan that finds nothing new reads neither the list nor the
    // letters.
    Supplier<RecipientList> list =
        new Once<>(() -> new RecipientReader().read(origin.recipients()));
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    boolean scan =
        assign.isEmpty()
            || spec.commandLine().getParseResult().hasMatchedOption("--imap")
            || !eml.isEmpty();
    // every mailbox named is checked before any assignment is written
    List<Source> sources = scan ? sources(campaign, list) : List.of();
    if (!assign.isEmpty()) {
      HandAssignments.record(campaign, list.get(), assign, Instant.now())
          .forEach(o -> out.println(o.line()));
      out.flush();
      if (!scan) {
        return ExitCode.DONE;
      }
    }
    // A Ctrl-C ends the scan after the message it is reading, the replies recorded so far kept
    // with their copies for the digest; closed last, so that the summary is printed first.
    try (StopSignal onCtrlC = StopSignal.install("circular-scan-stop", () -> true)) {
      ScanReport report;
      try (ScanBar bar = new ScanBar(err, Progress.onTerminal())) {
        report =
            ReplyScan.scan(
                campaign, () -> CampaignIndex.read(campaign, list.get()), sources, bar, onCtrlC);
      }
      report.problems().forEach(err::println);
      out.println(report.summary() + " Log: " + campaign.responses());
      if (onCtrlC.getAsBoolean()) {
        out.flush();
        err.println(
            "Stopped by Ctrl-C: the messages counted above are recorded; run 'circular replies' again to"
                + " read the rest (no message is recorded twice).");
      }
      out.flush();
      err.flush();
      return report.problems().isEmpty() ? ExitCode.DONE : ExitCode.SOME_FAILED;
    }
  }

  private List<Source> sources(Campaign campaign, Supplier<RecipientList> list) {
    List<String> urls = new ArrayList<>();
    if (spec.commandLine().getParseResult().hasMatchedOption("--imap")) {
      urls.addAll(imap);
    } else if (eml.isEmpty()) {
      // imap= in circular.properties, a comma-separated list, serves only when no mailbox is named
      Defaults.of(spec).check();
      imap.forEach(v -> urls.addAll(List.of(v.split("\\s*,\\s*"))));
    }
    if (urls.isEmpty() && spec.commandLine().getParseResult().hasMatchedOption("--imap-trust")) {
      // a trust file typed for a scan that would never read it: the user meant an IMAP server
      throw new InputException(
          new Problem(
              "--imap-trust", "is for a mailbox named with --imap imaps://…; no --imap was given"));
    }
    List<Source> sources = new ArrayList<>();
    Login login = null;
    for (String url : urls) {
      ImapUrl parsed = ImapUrl.parse(url);
      // one secret, asked for once, serves every mailbox of the scan
      login =
          login == null
              ? Login.fromEnvironment(
                      Protocol.IMAP,
                      System.getenv(),
                      Optional.of(parsed.user()),
                      PasswordPrompt.of(Protocol.IMAP))
                  .orElseThrow()
              : login.forUser(parsed.user());
      sources.add(ImapSource.of(parsed, login, Optional.ofNullable(trust).map(TrustFile::of)));
    }
    for (Path folder : eml) {
      if (!Files.isDirectory(folder)) {
        throw new InputException(new Problem("--eml", folder + " is not a folder"));
      }
      sources.add(EmlFolderSource.named(folder));
    }
    if (sources.isEmpty()) {
      sources.addAll(sandboxMailboxes(campaign, list.get()));
    }
    return sources;
  }

  /** The sandbox's mailboxes but the delegations' own: the contact's and the sender's. */
  private static List<Source> sandboxMailboxes(Campaign campaign, RecipientList list) {
    Path sandbox = campaign.sandbox();
    if (!Files.isDirectory(sandbox)) {
      throw new InputException(
          new Problem(
              "replies",
              "no mailbox to read: give --imap URL or --eml DIR (or imap= in circular.properties)"));
    }
    Set<String> delegations = new HashSet<>();
    for (Recipient r : list.recipients()) {
      r.allAddresses().forEach(a -> delegations.add(a.toLowerCase(Locale.ROOT)));
    }
    try (Stream<Path> users = Files.list(sandbox)) {
      return users
          .filter(Files::isDirectory)
          .filter(u -> !delegations.contains(u.getFileName().toString().toLowerCase(Locale.ROOT)))
          .sorted()
          .<Source>map(EmlFolderSource::of)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value computed on first use, then kept. */
  private static final class Once<T> implements Supplier<T> {
    private Supplier<T> compute;
    private T value;

    Once(Supplier<T> compute) {
      this.compute = compute;
    }

    @Override
    public T get() {
      if (compute != null) {
        value = compute.get();
        compute = null;
      }
      return value;
    }
  }
}
