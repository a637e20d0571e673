package circular.digest;

import circular.InputException;
import circular.Problem;
import circular.campaign.Campaign;
import circular.campaign.SentLog;
import circular.files.WholeFile;
import circular.recipients.Recipient;
import circular.recipients.RecipientList;
import circular.replies.ReplyCopies;
import circular.replies.ResponseLog;
import circular.replies.ResponseRow;
import circular.replies.Standing;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the delegations answered, compiled for the office: for every delegation with a {@code reply}
 * in {@code responses.csv}, in the list's order, each reply's own words and attachments, read from
 * the copy {@code circular replies} kept ({@link ReplyCopies}); written as {@code index.html},
 * {@code digest.csv} and {@code <id>/} folders of attachments. Out-of-office replies, bounces and
 * unmatched messages are never answers; an unmatched message a person assigned to a delegation is
 * its reply ({@link ResponseLog#read}).
 *
 * <p>Compiling again after new replies adds them and changes nothing else: the page and the CSV are
 * written whole from the same rows in the same order, and an attachment already saved is found by
 * its bytes, never saved twice.
 *
 * <pre>{@code
 * Digest.Report report = Digest.compile(campaign, list, "2012-03-22-nim-invitation", campaign.folder().resolve("digest"));
 * }</pre>
 */
public final class Digest {
  private final Campaign campaign;
  private final RecipientList list;
  private final String letter;
  private final Path out;
  private final List<String> problems = new ArrayList<>();
  private int newFiles;

  private Digest(Campaign campaign, RecipientList list, String letter, Path out) {
    this.campaign = campaign;
    this.list = list;
    this.letter = letter;
    this.out = out;
  }

  /**
   * What one compilation found and wrote.
   *
   * @param newReplies replies that the previous {@code digest.csv} did not have
   * @param newFiles attachments written this time (the others were there already)
   * @param problems one line each, for a reply that could not be read in full
   */
  public record Report(
      int replies,
      int delegations,
      int newReplies,
      int files,
      int newFiles,
      int awaited,
      List<String> problems,
      Path index) {

    /** {@code 3 replies from 3 delegations (1 new), 2 attachments (1 new); 67 awaited.} */
    public String summary() {
      return count(replies, "reply", "replies")
          + " from "
          + count(delegations, "delegation", "delegations")
          + (newReplies > 0 && newReplies < replies ? " (" + newReplies + " new)" : "")
          + ", "
          + count(files, "attachment", "attachments")
          + (newFiles > 0 && newFiles < files ? " (" + newFiles + " new)" : "")
          + "; "
          + awaited
          + " awaited.";
    }

    private static String count(int n, String one, String many) {
      return n + " " + (n == 1 ? one : many);
    }
  }

  /**
   * Compiles the digest of {@code campaign} into {@code out}.
   *
   * @param letter the campaign's letter (its folder name), to tell its rows in {@code sent.csv}
   *     from a reminder's
   */
  public static Report compile(Campaign campaign, RecipientList list, String letter, Path out) {
    return new Digest(campaign, list, letter, out).run();
  }

  private Report run() {
    List<ResponseRow> responses = ResponseLog.read(campaign.responses());
    List<Standing> standings =
        Standing.of(list.recipients(), letter, SentLog.read(campaign.sentLog()), responses);
    Map<String, List<ResponseRow>> replies = byDelegation(responses);
    ReplyCopies copies = ReplyCopies.of(campaign);

    List<Answer> answers = new ArrayList<>();
    for (Map.Entry<String, List<ResponseRow>> delegation : replies.entrySet()) {
      Optional<Recipient> recipient = find(delegation.getKey());
      for (ResponseRow row : delegation.getValue()) {
        answers.add(answer(row, recipient, copies));
      }
    }
    List<Standing> awaited = standings.stream().filter(Standing::awaiting).toList();

    Path csv = out.resolve("digest.csv");
    Set<String> before = DigestCsv.keys(csv);
    int fresh = (int) answers.stream().filter(a -> !before.contains(DigestCsv.key(a))).count();
    write(csv, DigestCsv.of(answers));
    Path index = out.resolve("index.html");
    write(index, DigestPage.html(letter, list.file(), answers, awaited, standings));
    long files =
        answers.stream()
            .flatMap(a -> a.files().stream().map(f -> a.folder() + "/" + f))
            .distinct()
            .count();
    return new Report(
        answers.size(),
        replies.size(),
        fresh,
        (int) files,
        newFiles,
        awaited.size(),
        problems,
        index);
  }

  /**
   * Every reply by its delegation: the list's order, then delegations no longer on the list; each
   * by date.
   */
  private Map<String, List<ResponseRow>> byDelegation(List<ResponseRow> responses) {
    Map<String, List<ResponseRow>> byKey = new LinkedHashMap<>();
    list.recipients().forEach(r -> byKey.put(key(r.id()), new ArrayList<>()));
    responses.stream()
        .filter(r -> r.kind() == ResponseRow.Kind.REPLY && !r.recipientId().isEmpty())
        .sorted(Comparator.comparing((ResponseRow r) -> key(r.recipientId())))
        .forEach(r -> byKey.computeIfAbsent(key(r.recipientId()), k -> new ArrayList<>()).add(r));
    byKey.values().removeIf(List::isEmpty);
    byKey
        .values()
        .forEach(
            rows ->
                rows.sort(
                    Comparator.comparing(ResponseRow::received)
                        .thenComparing(ResponseRow::messageId)));
    return byKey;
  }

  private Optional<Recipient> find(String key) {
    return list.recipients().stream().filter(r -> key(r.id()).equals(key)).findFirst();
  }

  private Answer answer(ResponseRow row, Optional<Recipient> recipient, ReplyCopies copies) {
    String id = recipient.map(Recipient::id).orElse(row.recipientId());
    String country = recipient.map(r -> r.fields().getOrDefault("country", "")).orElse("");
    String language = recipient.map(Recipient::language).orElse("");
    AttachmentFolder folder = new AttachmentFolder(out.resolve(FileNames.safe(id, "delegation")));
    String folderName = folder.path().getFileName().toString();
    Function<String, Answer> unread =
        why ->
            new Answer(
                id,
                country,
                language,
                folderName,
                row.received(),
                row.from(),
                row.subject(),
                "",
                List.of(),
                Optional.of(why));
    Path copy = copies.file(row.messageId());
    if (!Files.isRegularFile(copy)) {
      String why =
          "its message was not kept ("
              + (row.matchedBy() == ResponseRow.MatchedBy.HAND
                  ? "recorded as unmatched before circular kept unmatched messages"
                  : "recorded before circular kept replies")
              + "); run 'circular replies' again to keep it (for an IMAP folder, delete"
              + " scan-state.csv first so that the folder is read again)";
      problems.add(id + ": reply " + row.messageId() + ": " + why);
      return unread.apply(why);
    }
    ReplyMessage message;
    try {
      message = ReplyMessage.read(copy);
    } catch (IOException | MessagingException | RuntimeException e) {
      String why = "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
      problems.add(copy + ": " + why);
      return unread.apply(why);
    }
    Set<String> files = new LinkedHashSet<>();
    Optional<String> problem = Optional.empty();
    for (ReplyMessage.Attachment attachment : message.attachments()) {
      try {
        files.add(folder.save(attachment.name(), attachment.content()));
      } catch (IOException e) {
        problem =
            Optional.of(
                "attachment '"
                    + attachment.name()
                    + "' cannot be saved in "
                    + folder.path()
                    + " ("
                    + e.getMessage()
                    + ")");
        problems.add(id + ": " + problem.get());
      }
    }
    newFiles += folder.written();
    return new Answer(
        id,
        country,
        language,
        folderName,
        row.received(),
        message.from().orElse(row.from()),
        message.subject().orElse(row.subject()),
        message.text(),
        List.copyOf(files),
        problem);
  }

  /**
   * Writes the file whole under a temporary name, then renames it over the old one.
   *
   * @throws InputException if it cannot be written: the folder given is not one the user can write
   *     to
   */
  private static void write(Path file, String content) {
    try {
      WholeFile.replace(file, content);
    } catch (IOException e) {
      throw new InputException(
          Problem.in(
              file,
              "cannot be written (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
    }
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
