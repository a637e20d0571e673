package circular.replies;

import circular.InputException;
import circular.campaign.Campaign;
import circular.campaign.CampaignLock;
import circular.mailbox.MailHeaders;
import circular.mailbox.MailboxException;
import circular.mailbox.Source;
import circular.replies.ResponseRow.Kind;
import circular.server.MessageId;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Turns mailboxes into the campaign's {@code responses.csv}: every message of every source that
 * concerns the campaign becomes one row, once, however often it is scanned and in however many
 * folders it sits. Each IMAP folder's position is saved after the rows are on disk, so the next
 * scan fetches only what is new, and a scan killed midway redoes its part without duplicates. Every
 * message recorded as a reply or as unmatched (which a person may assign to a delegation) is kept
 * whole in {@link ReplyCopies}, for the digest: fetched with the other replies of its folder once
 * the folder is scanned, and before its position is saved, so that a reply whose row a killed scan
 * left without its copy is kept by the next scan.
 *
 * <pre>{@code
 * CampaignIndex index = CampaignIndex.read(campaign);
 * ScanReport report = ReplyScan.scan(campaign, index, List.of(contactInbox, senderInbox), bar::show);
 * out.println(report.summary());
 * }</pre>
 *
 * <p>One scan per campaign at a time: a second one started meanwhile is refused. A scan that is
 * stopped (Ctrl-C) ends after the message it is looking at, with that source's replies kept and its
 * rows on disk, and the source not marked scanned: the next scan goes on from there.
 */
public final class ReplyScan {
  public static ScanReport scan(
      Campaign campaign, CampaignIndex index, List<? extends Source> sources) {
    return scan(campaign, () -> index, sources, ScanProgress.NONE);
  }

  public static ScanReport scan(
      Campaign campaign,
      CampaignIndex index,
      List<? extends Source> sources,
      ScanProgress progress) {
    return scan(campaign, () -> index, sources, progress);
  }

  /**
   * Scans every source in order; a source that cannot be read is reported and the others go on, as
   * does the scan past a message that cannot be parsed. A problem with the campaign or its
   * recipient list is no message's, nor is a source naming a folder its server does not have: it
   * stops the scan, as an {@link InputException}, before any row is written (every source is opened
   * before any is read).
   *
   * @param index read only when some source has a message new since the last scan: a rescan that
   *     finds nothing new does not read the campaign's letters and list at all
   */
  public static ScanReport scan(
      Campaign campaign,
      Supplier<CampaignIndex> index,
      List<? extends Source> sources,
      ScanProgress progress) {
    return scan(campaign, index, sources, progress, () -> false);
  }

  /**
   * As {@link #scan(Campaign, Supplier, List, ScanProgress)}, looking at {@code stopped} before
   * each message: once it says so, no other message is looked at.
   */
  public static ScanReport scan(
      Campaign campaign,
      Supplier<CampaignIndex> index,
      List<? extends Source> sources,
      ScanProgress progress,
      BooleanSupplier stopped) {
    try (CampaignLock lock = ScanLock.acquire(campaign.folder())) {
      boolean existed = Files.exists(campaign.responses());
      ReplyScan scan;
      ScanReport report;
      // opened before it is read: a row torn by a killed scan is cut off, not misread
      try (ResponseLog log = ResponseLog.open(campaign.responses())) {
        scan = new ReplyScan(campaign, index, log, stopped);
        report = scan.run(sources, progress);
      }
      if (!existed && !scan.anyRead && scan.added.isEmpty()) {
        // no mailbox could be read: responses.csv is not made, as remind counts on it to mean
        // that replies have been read
        try {
          Files.deleteIfExists(campaign.responses());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return report;
    }
  }

  private final Campaign campaign;
  private final Supplier<CampaignIndex> index;
  private Triage triage;
  private final ResponseLog log;
  private final ReplyCopies copies;
  private final Set<String> known = new HashSet<>();
  private final BooleanSupplier stopped;

  /**
   * Replies and unmatched messages recorded without a copy (by an older version): kept when the
   * scan meets them again.
   */
  private final Map<String, String> uncopied = new HashMap<>();

  /**
   * The replies of the source being scanned, to keep once it is, with the id each is recorded by.
   */
  private final Map<Source.Incoming, String> toKeep = new LinkedHashMap<>();

  private final List<String> problems = new ArrayList<>();
  private final Map<Kind, Integer> added = new EnumMap<>(Kind.class);
  private int notOurs;
  private int alreadyKnown;
  private int done;

  /** Whether some source was read to its end. */
  private boolean anyRead;

  private ReplyScan(
      Campaign campaign, Supplier<CampaignIndex> index, ResponseLog log, BooleanSupplier stopped) {
    this.campaign = campaign;
    this.stopped = stopped;
    this.index = index;
    this.log = log;
    this.copies = ReplyCopies.of(campaign);
    for (ResponseRow r : ResponseLog.read(campaign.responses())) {
      known.add(new MessageId(r.messageId()).key());
      if (kept(r.kind()) && !copies.has(r.messageId())) {
        uncopied.put(new MessageId(r.messageId()).key(), r.messageId());
      }
    }
  }

  private ScanReport run(List<? extends Source> sources, ScanProgress progress) {
    ScanState state = ScanState.read(campaign.scanState());
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
      List<Source.Batch> whole = new ArrayList<>();
      for (Source.Batch batch : opened) {
        if (stopped.getAsBoolean()) {
          break;
        }
        if (scan(batch, total, progress)) {
          whole.add(batch);
        }
      }
      log.sync();
      anyRead = !whole.isEmpty();
      // The rows are on disk: only now may the next scan skip these messages.
      whole.forEach(b -> b.scanned(state));
      state.write();
    } finally {
      opened.forEach(Source.Batch::close);
    }
    return new ScanReport(done, added, notOurs, alreadyKnown, problems);
  }

  /**
   * Looks at every message of one source; false if the connection was lost or the scan stopped
   * before the end.
   */
  private boolean scan(Source.Batch batch, int total, ScanProgress progress) {
    toKeep.clear();
    for (Source.Incoming message : batch.messages()) {
      if (stopped.getAsBoolean()) {
        keepReplies(batch); // the rows recorded so far have their copies: digest reads them
        return false;
      }
      try {
        look(message);
      } catch (InputException e) {
        throw e; // the list or the campaign is wrong, not this message: said once, by the caller
      } catch (FolderClosedException | StoreClosedException e) {
        problems.add(
            message.where()
                + ": the connection was lost ("
                + e.getMessage()
                + "); the next scan goes on from here");
        return false;
      } catch (MessagingException | IOException | RuntimeException e) {
        problems.add(
            message.where()
                + ": cannot be read ("
                + e.getClass().getSimpleName()
                + ": "
                + e.getMessage()
                + ")");
      }
      progress.update(++done, total);
    }
    return keepReplies(batch);
  }

  /** Keeps the source's replies for the digest; false if they could not all be fetched. */
  private boolean keepReplies(Source.Batch batch) {
    if (toKeep.isEmpty()) {
      return true;
    }
    try {
      batch.wholeOf(new ArrayList<>(toKeep.keySet()), this::keep);
      return true;
    } catch (MessagingException | IOException | RuntimeException e) {
      // the source is not marked scanned: the next scan meets these replies again and keeps them
      problems.add(
          toKeep.keySet().iterator().next().where()
              + ": the replies cannot be fetched whole for the digest ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); the next scan keeps them");
      return false;
    }
  }

  private void look(Source.Incoming message) throws MessagingException, IOException {
    MailHeaders headers = message.headers();
    String id = headers.messageId().orElseGet(headers::syntheticId);
    if (known.contains(new MessageId(id).key())) {
      String recorded = uncopied.remove(new MessageId(id).key());
      if (recorded != null) {
        toKeep.put(message, recorded);
      }
      alreadyKnown++;
      return;
    }
    if (triage == null) {
      triage = new Triage(index.get());
    }
    Optional<ResponseRow> row = triage.row(message, headers, id);
    if (row.isEmpty()) {
      notOurs++;
      return;
    }
    if (kept(row.get().kind())) {
      toKeep.put(message, id);
    }
    log.append(row.get());
    known.add(new MessageId(id).key());
    added.merge(row.get().kind(), 1, Integer::sum);
  }

  /**
   * Whether a message of this kind is kept whole: a reply, and an unmatched message, which a person
   * may say is a delegation's reply ({@code replies --assign}).
   */
  private static boolean kept(Kind kind) {
    return kind == Kind.REPLY || kind == Kind.UNMATCHED;
  }

  /** Keeps one reply; a copy that cannot be written does not cost the others. */
  private void keep(Source.Incoming message, byte[] bytes) {
    try {
      copies.keep(toKeep.get(message), bytes);
    } catch (IOException e) {
      problems.add(
          message.where()
              + ": recorded, but its copy for the digest cannot be written to "
              + copies.folder()
              + " ("
              + e.getMessage()
              + ")");
    }
  }
}
