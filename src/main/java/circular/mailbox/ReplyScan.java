package circular.mailbox;

import circular.campaign.Campaign;
import circular.campaign.ResponseLog;
import circular.campaign.ResponseRow;
import circular.campaign.ResponseRow.Kind;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns mailboxes into the campaign's {@code responses.csv}: every message of every source that
 * concerns the campaign becomes one row, once, however often it is scanned and in however many
 * folders it sits. Each IMAP folder's position is saved after the rows are on disk, so the next
 * scan fetches only what is new, and a scan killed midway redoes its part without duplicates.
 *
 * <pre>{@code
 * CampaignIndex index = CampaignIndex.read(campaign);
 * ScanReport report = ReplyScan.scan(campaign, index, List.of(contactInbox, senderInbox), bar::show);
 * out.println(report.summary());
 * }</pre>
 *
 * <p>One scan per campaign at a time: the caller holds the campaign's lock.
 */
public final class ReplyScan {
  private ReplyScan() {}

  public static ScanReport scan(Campaign campaign, CampaignIndex index, List<? extends Source> sources) {
    return scan(campaign, index, sources, ScanProgress.NONE);
  }

  /**
   * Scans every source in order; a source that cannot be read is reported and the others go on,
   * as does the scan past a message that cannot be parsed.
   */
  public static ScanReport scan(
      Campaign campaign, CampaignIndex index, List<? extends Source> sources, ScanProgress progress) {
    ScanState state = ScanState.read(campaign.scanState());
    Set<String> known = new HashSet<>();
    ResponseLog.read(campaign.responses()).forEach(r -> known.add(MessageIds.key(r.messageId())));
    Triage triage = new Triage(index);
    List<String> problems = new ArrayList<>();
    Map<Kind, Integer> added = new EnumMap<>(Kind.class);
    int notOurs = 0;
    int alreadyKnown = 0;
    int done = 0;

    List<Source.Batch> opened = new ArrayList<>();
    try {
      for (Source source : sources) {
        try {
          opened.add(source.open(state));
        } catch (MailboxException e) {
          problems.add(e.getMessage());
        }
      }
      int total = opened.stream().mapToInt(b -> b.messages().size()).sum();
      progress.update(0, total);
      List<Source.Batch> complete = new ArrayList<>();
      try (ResponseLog log = ResponseLog.open(campaign.responses())) {
        for (Source.Batch batch : opened) {
          boolean whole = true;
          for (Source.Incoming message : batch.messages()) {
            try {
              MailHeaders headers = message.headers();
              String id = headers.messageId().orElseGet(headers::syntheticId);
              if (known.contains(MessageIds.key(id))) {
                alreadyKnown++;
              } else {
                Optional<ResponseRow> row = triage.row(message, headers, id);
                if (row.isPresent()) {
                  log.append(row.get());
                  known.add(MessageIds.key(id));
                  added.merge(row.get().kind(), 1, Integer::sum);
                } else {
                  notOurs++;
                }
              }
            } catch (FolderClosedException | StoreClosedException e) {
              problems.add(message.where() + ": the connection was lost (" + e.getMessage() + "); the next scan goes on from here");
              whole = false;
              break;
            } catch (MessagingException | IOException | RuntimeException e) {
              problems.add(message.where() + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
            progress.update(++done, total);
          }
          if (whole) {
            complete.add(batch);
          }
        }
      }
      // The rows are on disk: only now may the next scan skip these messages.
      complete.forEach(b -> b.scanned(state));
      state.write();
    } finally {
      opened.forEach(Source.Batch::close);
    }
    return new ScanReport(done, added, notOurs, alreadyKnown, problems);
  }
}
