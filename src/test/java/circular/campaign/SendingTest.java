package circular.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.letters.NamedAddress;
import circular.mail.FakeSmtpServer;
import circular.mail.Gate;
import circular.mail.SmtpSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Sending} against a scripted outbox: what is on disk when a transaction starts, and what is
 * left when the server stops the run.
 */
class SendingTest {
  @TempDir Path dir;

  /** A letter folder and a list of {@code n} delegations, checked as send checks them. */
  private Preflight.Prepared prepared(int n) throws IOException {
    Path letter = Files.createDirectories(dir.resolve("invitation"));
    Files.writeString(
        letter.resolve("letter.html"),
        "<!DOCTYPE html>\n<html><body><p th:text=\"${salutation}\">x</p><p>Geneva</p></body></html>\n");
    Files.writeString(
        letter.resolve("letter.properties"),
        "subject=Invitation ([(${country})])\nfrom=Office <office@mission.example>\n");
    StringBuilder list = new StringBuilder("id,country,salutation,email\n");
    for (int i = 0; i < n; i++) {
      list.append(String.format("D%03d,Country %d,Excellency,geneva@d%03d.example%n", i, i, i));
    }
    Path csv = Files.writeString(dir.resolve("states.csv"), list.toString());
    return Preflight.check(letter, csv, Set.of());
  }

  private static List<SendPlan.Planned> plan(Preflight.Prepared prepared) {
    return prepared.recipients().recipients().stream()
        .map(r -> new SendPlan.Planned(r, Optional.empty()))
        .toList();
  }

  /** What the outbox saw on disk when it handed each letter over. */
  private record Seen(String messageId, Optional<Status> lastRow, boolean copyInPlace) {}

  /**
   * An outbox that accepts every letter, after looking at the log and the copies; stops the run at
   * letter {@code stopAt}.
   */
  private static final class ScriptedOutbox implements Outbox {
    private final Campaign campaign;
    private final List<Seen> seen;
    private final AtomicInteger count;
    private final int stopAt;

    ScriptedOutbox(Campaign campaign, List<Seen> seen, AtomicInteger count, int stopAt) {
      this.campaign = campaign;
      this.seen = seen;
      this.count = count;
      this.stopAt = stopAt;
    }

    @Override
    public Result send(MimeMessage message, Gate before) {
      try {
        before.pass(); // as SMTP does before the end of data
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        String id = message.getMessageID();
        String recipient = message.getAllRecipients()[0].toString();
        String delegation =
            recipient.substring(recipient.indexOf('@') + 1, recipient.indexOf('.')).toUpperCase();
        Optional<Status> last =
            SentLog.read(campaign.sentLog()).stream()
                .filter(r -> r.messageId().equals(id))
                .reduce((a, b) -> b)
                .map(SentRow::status);
        seen.add(new Seen(id, last, Files.exists(campaign.letterCopy("invitation", delegation))));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
      if (count.incrementAndGet() == stopAt) {
        throw new Outbox.Unavailable("the server refused the login", null);
      }
      return new Result(Status.SENT, "250 2.0.0 Ok");
    }

    @Override
    public void close() {}
  }

  private Sending sending(Campaign campaign, Preflight.Prepared prepared, int connections) {
    return new Sending(
        campaign,
        prepared,
        new Sending.Options(Optional.empty(), 0, connections, r -> Optional.empty()));
  }

  @Test
  void eachTransactionStartsWithItsSendingRowAndItsCopyOnDisk() throws Exception {
    Preflight.Prepared prepared = prepared(40);
    Campaign campaign = new Campaign(dir.resolve("campaign"));
    List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger count = new AtomicInteger();

    Sending.Report report =
        sending(campaign, prepared, 3)
            .run(
                plan(prepared),
                () -> new ScriptedOutbox(campaign, seen, count, -1),
                (r, s, d) -> {});

    assertThat(report.count(Status.SENT)).isEqualTo(40);
    assertThat(seen)
        .hasSize(40)
        .allSatisfy(
            s -> {
              assertThat(s.lastRow())
                  .as("the last row of %s when its transaction starts", s.messageId())
                  .contains(Status.SENDING);
              assertThat(s.copyInPlace()).as("its copy in letters/").isTrue();
            });
    Map<String, List<Status>> rows =
        SentLog.read(campaign.sentLog()).stream()
            .collect(
                Collectors.groupingBy(
                    SentRow::recipientId,
                    Collectors.mapping(SentRow::status, Collectors.toList())));
    assertThat(rows)
        .hasSize(40)
        .allSatisfy(
            (id, statuses) -> assertThat(statuses).containsExactly(Status.SENDING, Status.SENT));
    assertThat(seen.stream().map(Seen::messageId).distinct()).hasSize(40);
  }

  @Test
  void lettersPreparedAheadAreDiscardedWhenTheServerStopsTheRun() throws Exception {
    Preflight.Prepared prepared = prepared(30);
    Campaign campaign = new Campaign(dir.resolve("campaign"));
    List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger count = new AtomicInteger();

    Sending.Report report =
        sending(campaign, prepared, 1)
            .run(
                plan(prepared),
                () -> new ScriptedOutbox(campaign, seen, count, 5),
                (r, s, d) -> {});

    assertThat(report.stoppedBecause()).contains("the server refused the login");
    assertThat(report.count(Status.SENT)).isEqualTo(4);
    assertThat(report.count(Status.DEFERRED)).isEqualTo(1);
    List<SentRow> rows = SentLog.read(campaign.sentLog());
    Set<String> tried = rows.stream().map(SentRow::recipientId).collect(Collectors.toSet());
    assertThat(tried).containsExactlyInAnyOrder("D000", "D001", "D002", "D003", "D004");
    List<String> files;
    try (Stream<Path> list = Files.list(campaign.letters().resolve("invitation"))) {
      files = list.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(files)
        .as("copies of the letters tried, and nothing prepared ahead")
        .containsExactly("D000.eml", "D001.eml", "D002.eml", "D003.eml", "D004.eml");
  }

  @Test
  void aStopFromAnotherThreadLetsTheLettersUnderWayFinishAndStartsNoOther() throws Exception {
    Preflight.Prepared prepared = prepared(30);
    Campaign campaign = new Campaign(dir.resolve("campaign"));
    Sending sending = sending(campaign, prepared, 2);
    CountDownLatch underWay = new CountDownLatch(2);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicInteger handed = new AtomicInteger();
    Outbox outbox =
        new Outbox() {
          @Override
          public Result send(MimeMessage message, Gate before) {
            try {
              before.pass();
              handed.incrementAndGet();
              underWay.countDown();
              stopped.await(); // the server takes its time with the first letters
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return new Result(Status.SENT, "250 2.0.0 Ok");
          }

          @Override
          public void close() {}
        };
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<Sending.Report> run =
          caller.submit(() -> sending.run(plan(prepared), () -> outbox, (r, st, d) -> {}));
      underWay.await();

      sending.stop("interrupted");
      stopped.countDown();
      Sending.Report report = run.get();

      assertThat(report.stoppedBecause()).contains("interrupted");
      assertThat(report.outcomes()).hasSize(2).allMatch(o -> o.status() == Status.SENT);
      assertThat(handed).hasValue(2);
      Map<String, List<Status>> rows =
          SentLog.read(campaign.sentLog()).stream()
              .collect(
                  Collectors.groupingBy(
                      SentRow::recipientId,
                      Collectors.mapping(SentRow::status, Collectors.toList())));
      assertThat(rows)
          .as("each letter under way logged with its outcome; none in doubt, none more")
          .hasSize(2)
          .allSatisfy(
              (id, statuses) -> assertThat(statuses).containsExactly(Status.SENDING, Status.SENT));
      try (Stream<Path> list = Files.list(campaign.letters().resolve("invitation"))) {
        assertThat(list.map(p -> p.getFileName().toString()))
            .as("copies of the two letters sent, nothing prepared ahead left behind")
            .hasSize(2)
            .allMatch(name -> name.endsWith(".eml"));
      }
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void aRunStoppedBeforeItStartsSendsNothing() throws Exception {
    Preflight.Prepared prepared = prepared(5);
    Campaign campaign = new Campaign(dir.resolve("campaign"));
    Sending sending = sending(campaign, prepared, 2);
    List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    sending.stop("interrupted");
    Sending.Report report =
        sending.run(
            plan(prepared),
            () -> new ScriptedOutbox(campaign, seen, new AtomicInteger(), -1),
            (r, s, d) -> {});

    assertThat(report.stoppedBecause()).contains("interrupted");
    assertThat(report.outcomes()).isEmpty();
    assertThat(seen).isEmpty();
    assertThat(SentLog.read(campaign.sentLog())).isEmpty();
  }

  @Test
  void everyLetterLeavesOnceOverManyConnections() throws Exception {
    Preflight.Prepared prepared = prepared(200);
    Campaign campaign = new Campaign(dir.resolve("campaign"));
    List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger count = new AtomicInteger();
    Set<String> connections = ConcurrentHashMap.newKeySet();

    Sending.Report report =
        sending(campaign, prepared, 4)
            .run(
                plan(prepared),
                () -> {
                  connections.add(
                      Thread.currentThread().getName() + Thread.currentThread().getId());
                  return new ScriptedOutbox(campaign, seen, count, -1);
                },
                (r, s, d) -> {});

    assertThat(connections).hasSize(4);
    assertThat(report.outcomes()).hasSize(200);
    assertThat(report.outcomes().stream().map(o -> o.recipient().id()).distinct()).hasSize(200);
    assertThat(seen.stream().map(Seen::messageId).distinct()).hasSize(200);
    assertThat(SentLog.read(campaign.sentLog())).hasSize(400);
  }

  @Test
  void aTestRunSendsEveryLetterToTheTestAddressLogsItAsATestAndKeepsNoCopy() throws Exception {
    Preflight.Prepared prepared = prepared(5);
    Campaign campaign = new Campaign(dir.resolve("campaign"));
    List<String> addressed = Collections.synchronizedList(new ArrayList<>());
    Outbox outbox =
        new Outbox() {
          @Override
          public Result send(MimeMessage message, Gate before) {
            try {
              addressed.add(message.getAllRecipients()[0] + " " + message.getSubject());
            } catch (MessagingException e) {
              throw new IllegalStateException(e);
            }
            return new Result(Status.SENT, "250 2.0.0 Ok");
          }

          @Override
          public void close() {}
        };
    Sending.Options test =
        new Sending.Options(
            Optional.of(NamedAddress.of("me@office.example")), 0, 2, r -> Optional.empty());

    Sending.Report report =
        new Sending(campaign, prepared, test).run(plan(prepared), () -> outbox, (r, s, d) -> {});

    assertThat(report.count(Status.SENT)).isEqualTo(5);
    assertThat(addressed)
        .hasSize(5)
        .allSatisfy(a -> assertThat(a).startsWith("me@office.example [TEST D00"))
        .anySatisfy(
            a -> assertThat(a).isEqualTo("me@office.example [TEST D003] Invitation (Country 3)"));
    assertThat(SentLog.read(campaign.sentLog()))
        .hasSize(5)
        .allSatisfy(
            row -> {
              assertThat(row.status()).isEqualTo(Status.TEST);
              assertThat(row.detail()).isEqualTo("sent to me@office.example: 250 2.0.0 Ok");
            });
    assertThat(campaign.letters()).as("no copy of a test letter").doesNotExist();
  }

  /**
   * A fake SMTP server that, when a letter's "." arrives, checks that the letter's {@code sending}
   * row is within what the slowed-down disk has made durable; what it found wrong is in {@code
   * early}.
   */
  private static FakeSmtpServer checkingServer(
      Campaign campaign, AtomicLong durableBytes, List<String> early) throws IOException {
    Map<Integer, String> lastRecipient = new ConcurrentHashMap<>();
    return FakeSmtpServer.start(
        c -> {
          if (c.is("RCPT")) {
            lastRecipient.put(c.connection(), c.argument());
          }
          if (c.is(".")) {
            String address = lastRecipient.get(c.connection());
            try {
              byte[] all = Files.readAllBytes(campaign.sentLog());
              String durable =
                  new String(
                      all,
                      0,
                      (int) Math.min(all.length, durableBytes.get()),
                      StandardCharsets.UTF_8);
              boolean onDisk =
                  durable
                      .lines()
                      .anyMatch(l -> l.contains("," + address + ",") && l.contains(",sending,"));
              if (!onDisk) {
                early.add(address);
              }
            } catch (IOException e) {
              early.add(address + " (" + e + ")");
            }
          }
          return FakeSmtpServer.Reaction.normal();
        });
  }

  /**
   * An fsync that takes {@code millis} longer than the disk's, and records how many bytes it made
   * durable.
   */
  private static CsvLog.Force slowDisk(AtomicLong durableBytes, int millis, int failAt) {
    AtomicInteger calls = new AtomicInteger();
    return channel -> {
      long size = channel.size(); // what this fsync is sure to cover
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        throw new InterruptedIOException();
      }
      if (calls.incrementAndGet() == failAt) {
        throw new IOException("Input/output error");
      }
      channel.force(false);
      durableBytes.accumulateAndGet(size, Math::max);
    };
  }

  @Test
  void noLetterIsFinishedBeforeItsSendingRowIsOnDiskOverRealConnections() throws Exception {
    Preflight.Prepared prepared = prepared(40);
    Campaign campaign = new Campaign(dir.resolve("campaign"));
    AtomicLong durableBytes = new AtomicLong();
    List<String> early = Collections.synchronizedList(new ArrayList<>());
    try (FakeSmtpServer server = checkingServer(campaign, durableBytes, early)) {
      SmtpSettings settings = SmtpSettings.fromUrl(server.url());
      Sending sending =
          new Sending(
              campaign,
              prepared,
              new Sending.Options(Optional.empty(), 0, 4, r -> Optional.empty()),
              file -> SentLog.open(file, slowDisk(durableBytes, 15, -1)));

      Sending.Report report =
          sending.run(
              plan(prepared),
              () -> SmtpOutbox.connect(settings, Optional.empty()),
              (r, st, d) -> {});

      assertThat(report.count(Status.SENT)).isEqualTo(40);
      assertThat(server.accepted()).hasSize(40);
      assertThat(early)
          .as("letters whose end of data came before their sending row was durable")
          .isEmpty();
    }
  }

  @Test
  void aFailedFsyncStopsTheRunWithoutFinishingTheLetterItWasFor() throws Exception {
    Preflight.Prepared prepared = prepared(20);
    Campaign campaign = new Campaign(dir.resolve("campaign"));
    AtomicLong durableBytes = new AtomicLong();
    List<String> early = Collections.synchronizedList(new ArrayList<>());
    try (FakeSmtpServer server = checkingServer(campaign, durableBytes, early)) {
      SmtpSettings settings = SmtpSettings.fromUrl(server.url());
      // the first fsync is the new log's header; the fifth is for a letter's sending row
      Sending sending =
          new Sending(
              campaign,
              prepared,
              new Sending.Options(Optional.empty(), 0, 1, r -> Optional.empty()),
              file -> SentLog.open(file, slowDisk(durableBytes, 1, 5)));

      assertThatThrownBy(
              () ->
                  sending.run(
                      plan(prepared),
                      () -> SmtpOutbox.connect(settings, Optional.empty()),
                      (r, st, d) -> {}))
          .hasRootCauseMessage("Input/output error");

      assertThat(early).isEmpty();
      assertThat(server.accepted()).hasSizeBetween(1, 3);
      assertThat(server.count("."))
          .as("no end of data for the letter whose row failed")
          .isEqualTo(server.accepted().size());
      assertThat(server.count("DATA")).isEqualTo(server.accepted().size() + 1);
    }
  }
}
