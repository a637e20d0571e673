package circular.cli;

import circular.campaign.Campaign;
import circular.campaign.CampaignLock;
import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.campaign.Status;
import circular.recipients.RecipientList;
import circular.recipients.RecipientReader;
import circular.replies.ResponseLog;
import circular.replies.ResponseRow;
import circular.replies.Standing;
import circular.replies.Standings;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code circular status}: who was written to, who answered, who is awaited. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows where each delegation stands: letter, reminder, reply, out of office, bounce.",
      "A reply shows when and from whom; an automatic reply and a bounce when and what they said (a return date, the failed address and why), in this computer's time zone (--csv: in UTC, as the logs). Only a reply counts as an answer. Each unmatched message is named with its Message-ID, for 'circular replies --assign' if it is a delegation's reply. Run 'circular replies' first to read the mailboxes."
    })
final class StatusCommand implements Callable<Integer> {
  /**
   * The time on this computer's clock, with its zone ({@code 2012-03-23 11:00 CET}); the CSVs keep
   * UTC.
   */
  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH)
          .withZone(ZoneId.systemDefault());

  @Spec CommandSpec spec;

  @Mixin CampaignOption campaignOption;

  @Option(
      names = "--awaiting",
      description = "Only the delegations that were sent the letter and have not replied.")
  boolean awaiting;

  @Option(names = "--csv", description = "Write the table as CSV, for a spreadsheet.")
  boolean csv;

  @Override
  public Integer call() throws IOException {
    Campaign campaign = campaignOption.namedOrOnly(Locations.SENT);
    Campaign.Origin origin = CampaignOption.origin(campaign);
    RecipientList list = new RecipientReader().read(origin.recipients());
    List<ResponseRow> responses = ResponseLog.read(campaign.responses());
    Standings standings =
        Standings.of(
            list.recipients(),
            origin.letter().getFileName().toString(),
            SentLog.read(campaign.sentLog()),
            responses);
    List<Standing> shown = awaiting ? standings.awaiting() : standings.all();
    PrintWriter out = spec.commandLine().getOut();
    Optional<String> running = CampaignLock.holder(campaign.folder());
    if (csv) {
      writeCsv(shown, out);
    } else {
      writeTable(shown, out);
      out.println();
      out.println(standings.totals());
      if (running.isPresent()) {
        // its letters under way end in sending rows too: not in doubt, only not finished yet
        out.printf(
            "A send is running on this campaign (%s): these are the figures so far, and a letter"
                + " shown in doubt may still be on its way. Run status again once it is over.%n",
            running.get());
      } else {
        whatToDo(standings, out);
      }
      unmatched(responses, out);
    }
    if (running.isPresent() && csv) {
      spec.commandLine()
          .getErr()
          .printf(
              "Note: a send is running on this campaign (%s); a letter shown in doubt may still"
                  + " be on its way.%n",
              running.get());
    }
    return ExitCode.DONE;
  }

  /**
   * What the user may do about the letters that have not gone, in {@code send}'s words: ask the
   * delegations whose letter is in doubt before naming them to {@code --resend-in-doubt}.
   */
  private static void whatToDo(Standings standings, PrintWriter out) {
    for (Standing s : standings.inDoubt()) {
      SentRow row = s.letter().orElseThrow();
      out.printf(
          "In doubt: %s (%s, %s): sending was cut off after it began, so the letter may have arrived."
              + " Ask the delegation; to send it again: 'circular send' with --resend-in-doubt %s%n",
          row.recipientId(), row.messageId(), DAY.format(row.time()), row.recipientId());
    }
    int notSent = standings.notSent().size();
    int deferred = standings.withLetter(Status.DEFERRED).size();
    if (notSent + deferred > 0) {
      out.printf(
          "%d letter%s %s: 'circular send' with the same letter and list sends %s, and none twice.%n",
          notSent + deferred,
          notSent + deferred == 1 ? "" : "s",
          notSent == 0 ? "deferred" : deferred == 0 ? "not sent yet" : "not sent yet or deferred",
          notSent + deferred == 1 ? "it" : "them");
    }
    List<Standing> failed = standings.withLetter(Status.FAILED);
    if (!failed.isEmpty()) {
      out.printf(
          "Failed: %s (see sent.csv; --retry-failed sends them again)%n",
          failed.stream().map(s -> s.recipient().id()).collect(Collectors.joining(", ")));
    }
  }

  /**
   * Each unmatched message, with its Message-ID and what to type if a person finds it is a
   * delegation's reply.
   */
  private static void unmatched(List<ResponseRow> responses, PrintWriter out) {
    for (ResponseRow row : responses) {
      if (row.kind() == ResponseRow.Kind.UNMATCHED) {
        out.printf(
            "%s, %s; if it is a delegation's reply: 'circular replies --assign \"%s=ID\"'%n",
            unmatchedMessage(row), row.messageId(), row.messageId());
      }
    }
  }

  /** {@code Unmatched: maria@webmail.example wrote 'RE: Invitation' (2012-03-24 09:00 CET)} */
  static String unmatchedMessage(ResponseRow row) {
    return String.format(
        "Unmatched: %s wrote '%s' (%s)", row.from(), row.subject(), DAY.format(row.received()));
  }

  private static void writeTable(List<Standing> rows, PrintWriter out) {
    List<String[]> cells = new ArrayList<>();
    cells.add(
        new String[] {"ID", "COUNTRY", "LETTER", "REMINDER", "REPLY", "AUTO-REPLY", "BOUNCE"});
    for (Standing s : rows) {
      cells.add(
          new String[] {
            s.recipient().id(),
            shorten(s.recipient().fields().getOrDefault("country", ""), 28),
            s.letterStatus().map(Status::label).orElse("-"),
            s.followUp().map(r -> r.status().label()).orElse("-"),
            s.reply().map(r -> DAY.format(r.received()) + " " + r.from()).orElse("-"),
            s.autoReply().map(StatusCommand::withDetail).orElse("-"),
            s.bounce().map(StatusCommand::withDetail).orElse("-")
          });
    }
    int[] widths = new int[cells.get(0).length];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
      }
    }
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()) + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /**
   * {@code 2012-03-22 09:07 geneva@nzl-mission.example 5.1.1 user unknown}: when, and what it said.
   */
  private static String withDetail(ResponseRow row) {
    return (DAY.format(row.received()) + " " + row.detail()).strip();
  }

  private static String shorten(String text, int width) {
    return text.codePointCount(0, text.length()) <= width
        ? text
        : text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
  }

  private static void writeCsv(List<Standing> rows, PrintWriter out) throws IOException {
    CSVPrinter printer =
        new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
    printer.printRecord(
        "id",
        "country",
        "letter_status",
        "letter_time",
        "reminder_status",
        "reply_received",
        "reply_from",
        "auto_reply_received",
        "bounce_received",
        "auto_reply_detail",
        "bounce_detail");
    for (Standing s : rows) {
      printer.printRecord(
          s.recipient().id(),
          s.recipient().fields().getOrDefault("country", ""),
          s.letterStatus().map(Status::label).orElse(""),
          s.letter().map(r -> r.time().toString()).orElse(""),
          s.followUp().map(r -> r.status().label()).orElse(""),
          s.reply().map(r -> r.received().toString()).orElse(""),
          s.reply().map(ResponseRow::from).orElse(""),
          s.autoReply().map(r -> r.received().toString()).orElse(""),
          s.bounce().map(r -> r.received().toString()).orElse(""),
          s.autoReply().map(ResponseRow::detail).orElse(""),
          s.bounce().map(ResponseRow::detail).orElse(""));
    }
    printer.flush();
  }
}
