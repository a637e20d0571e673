package circular.campaign;

import circular.InputException;
import circular.Problem;
import circular.files.WholeFile;
import circular.letters.Letter;
import circular.letters.NamedAddress;
import circular.mail.Gate;
import circular.mail.MessageBuilder;
import circular.recipients.Recipient;
import circular.server.MessageId;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run of a campaign: the planned letters rendered, logged and handed to the server over {@code
 * connections} kept-open connections. The {@code sending} row of each letter is written before its
 * transaction starts, and on disk before the server can have the letter (before the final "." of
 * its data: the {@code fsync} runs while the transaction begins); its outcome is written after. So
 * a run killed at any moment, or a machine that loses power, leaves at most one letter per
 * connection in doubt and none sent twice.
 *
 * <p>Each connection's thread prepares its own next letter (its message encoded, its copy staged
 * beside its place in {@code letters/}) when none is ready; when there are fewer connections than
 * cores, the other cores prepare letters ahead of them ({@link Preparation}). Nothing is handed
 * from thread to thread per letter except through that one queue.
 */
public final class Sending {

  /** What a run reports as it goes; called from the sending threads. */
  public interface Listener {
    void sent(Recipient recipient, Status status, String detail);
  }

  /**
   * @param testTo send every letter to this address instead, subject marked, logged as {@code test}
   * @param ratePerMinute at most this many letters a minute in all (0: no limit)
   * @param inReplyTo for a follow-up letter: the Message-ID each recipient's letter answers
   */
  public record Options(
      Optional<NamedAddress> testTo,
      double ratePerMinute,
      int connections,
      Function<Recipient, Optional<String>> inReplyTo) {
    public Options {
      if (connections < 1) {
        throw new IllegalArgumentException("at least one connection");
      }
    }
  }

  /** The outcome of each letter this run tried, and whether the server stopped the run. */
  public record Report(List<Outcome> outcomes, Optional<String> stoppedBecause) {
    public long count(Status status) {
      return outcomes.stream().filter(o -> o.status() == status).count();
    }
  }

  /**
   * @param missed for a letter sent: the addresses that did not get it, which its others did
   */
  public record Outcome(Recipient recipient, Status status, String detail, List<String> missed) {
    public Outcome(Recipient recipient, Status status, String detail) {
      this(recipient, status, detail, List.of());
    }

    public Outcome {
      missed = List.copyOf(missed);
    }
  }

  private final Campaign campaign;
  private final Preflight.Prepared prepared;
  private final Options options;
  private final Function<Path, SentLog> logs;
  private final Keeping keeping;
  private final MessageBuilder builder = new MessageBuilder(Session.getInstance(new Properties()));
  private final AtomicReference<String> stopRequested = new AtomicReference<>();
  private volatile Run current;

  public Sending(Campaign campaign, Preflight.Prepared prepared, Options options) {
    this(campaign, prepared, options, SentLog::open);
  }

  /**
   * @param logs opens the campaign's log: for tests, one whose disk is slow or fails
   */
  Sending(
      Campaign campaign,
      Preflight.Prepared prepared,
      Options options,
      Function<Path, SentLog> logs) {
    this.campaign = campaign;
    this.prepared = prepared;
    this.options = options;
    this.logs = logs;
    this.keeping = options.testTo().<Keeping>map(TestKeeping::new).orElseGet(CampaignKeeping::new);
  }

  /** Sends the planned letters, each connection from {@code outboxes}, and waits for the end. */
  public Report run(List<SendPlan.Planned> planned, Supplier<Outbox> outboxes, Listener listener)
      throws InterruptedException {
    Run run = new Run(planned, outboxes, listener);
    current = run;
    String why = stopRequested.get();
    if (why != null) {
      run.stop(why);
    }
    return run.sendAll();
  }

  /**
   * Stops the run from another thread (a Ctrl-C): no letter is started after this, each letter
   * under way finishes and is logged, and {@link #run} returns with {@code why} as the reason it
   * stopped. Called before the run, it stops the run at its start.
   */
  public void stop(String why) {
    stopRequested.compareAndSet(null, why);
    Run run = current;
    if (run != null) {
      run.stop(why);
    }
  }

  /**
   * One letter rendered, built and encoded once, its copy staged beside the place it will have,
   * before anything of it is logged or sent.
   *
   * @param copy the letter's copy, put in place just before the letter is logged as {@code
   *     sending}; empty for a test letter or one that could not be built
   * @param failure why the message could not be built, if it could not
   */
  record Ready(
      Recipient recipient,
      Letter letter,
      String messageId,
      MimeMessage message,
      Optional<WholeFile.Staged> copy,
      Optional<String> failure) {
    /** Drops a letter prepared but not sent, with the copy staged for it. */
    void discard() {
      copy.ifPresent(WholeFile.Staged::discard);
    }

    String addresses() {
      return Stream.concat(letter.to().stream(), letter.cc().stream())
          .map(NamedAddress::address)
          .collect(Collectors.joining(";"));
    }

    SentRow row(Status status, String detail) {
      return new SentRow(
          Instant.now().truncatedTo(ChronoUnit.MILLIS),
          letter.name(),
          recipient.id(),
          addresses(),
          messageId,
          status,
          detail);
    }
  }

  private Ready prepare(SendPlan.Planned planned) {
    Recipient recipient = planned.recipient();
    Letter printed;
    Optional<String> unprintable = Optional.empty();
    try {
      printed = prepared.letterFor(recipient);
    } catch (InputException e) {
      // its PDF, printed only now (the check printed one a language): this letter fails alone
      printed = prepared.template().render(recipient);
      unprintable =
          Optional.of(e.problems().stream().map(Problem::what).collect(Collectors.joining("; ")));
    }
    Letter letter = keeping.address(printed);
    String messageId =
        keeping
            .messageIdOf(planned)
            .orElseGet(() -> MessageId.create(letter.from().address()).text());
    if (unprintable.isPresent()) {
      return new Ready(recipient, letter, messageId, null, Optional.empty(), unprintable);
    }
    try {
      MessageBuilder.Encoded encoded =
          builder.encode(letter, messageId, options.inReplyTo().apply(recipient));
      return new Ready(
          recipient,
          letter,
          messageId,
          encoded.message(),
          keeping.stage(encoded.bytes(), letter),
          Optional.empty());
    } catch (MessagingException e) {
      return new Ready(
          recipient,
          letter,
          messageId,
          null,
          Optional.empty(),
          Optional.of("could not be built: " + e.getMessage()));
    }
  }

  /**
   * What a run keeps of each letter, the one difference between a campaign's run and a test: a
   * campaign keeps each letter's copy and logs it as {@code sending} before its transaction and
   * with its outcome after; a test sends every letter to one address and logs a {@code test} row.
   */
  private interface Keeping {
    /** Called once, before the first letter is prepared. */
    void beforeRun();

    /** The letter to send in place of the one rendered. */
    Letter address(Letter rendered);

    /** The Message-ID the letter keeps from an earlier try, if it keeps one. */
    Optional<String> messageIdOf(SendPlan.Planned planned);

    Optional<WholeFile.Staged> stage(byte[] message, Letter letter);

    /**
     * Logs the letter before its transaction; the gate it returns opens once that row is durable.
     */
    Gate beforeTransaction(Ready ready, SentLog log);

    /**
     * The row that records what became of the letter: its transaction's result, or why none was
     * tried.
     */
    SentRow outcome(Ready ready, Status status, String detail, boolean tried);
  }

  private final class CampaignKeeping implements Keeping {
    @Override
    public void beforeRun() {
      // the folder of this letter's copies, made once rather than checked for every letter
      try {
        Files.createDirectories(campaign.letterCopy(prepared.template().name(), "-").getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Letter address(Letter rendered) {
      return rendered;
    }

    @Override
    public Optional<String> messageIdOf(SendPlan.Planned planned) {
      // A letter tried before keeps its Message-ID: a copy that did arrive is then recognisably the
      // same letter.
      return planned.previous().map(SentRow::messageId).filter(id -> !id.isBlank());
    }

    @Override
    public Optional<WholeFile.Staged> stage(byte[] message, Letter letter) {
      try {
        return Optional.of(
            WholeFile.stage(campaign.letterCopy(letter.name(), letter.recipient().id()), message));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Gate beforeTransaction(Ready ready, SentLog log) {
      try {
        ready
            .copy()
            .orElseThrow()
            .putInPlace(); // whole or not at all: a killed run leaves no half copy
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return log.appendBeforeHandover(ready.row(Status.SENDING, ""));
    }

    @Override
    public SentRow outcome(Ready ready, Status status, String detail, boolean tried) {
      return ready.row(status, detail);
    }
  }

  private record TestKeeping(NamedAddress to) implements Keeping {
    @Override
    public void beforeRun() {}

    @Override
    public Letter address(Letter rendered) {
      return rendered.redirectedTo(
          to, "[TEST " + rendered.recipient().id() + "] " + rendered.subject());
    }

    @Override
    public Optional<String> messageIdOf(SendPlan.Planned planned) {
      return Optional.empty();
    }

    @Override
    public Optional<WholeFile.Staged> stage(byte[] message, Letter letter) {
      return Optional.empty();
    }

    @Override
    public Gate beforeTransaction(Ready ready, SentLog log) {
      return Gate.OPEN;
    }

    @Override
    public SentRow outcome(Ready ready, Status status, String detail, boolean tried) {
      String said =
          tried
              ? status.label()
                  + " to "
                  + ready.addresses()
                  + (detail.isEmpty() ? "" : ": " + detail)
              : detail;
      return ready.row(Status.TEST, said);
    }
  }

  /** One run's letters, connections and log, shared by its threads. */
  private final class Run {
    private final Preparation<SendPlan.Planned, Ready> preparation;
    private final Supplier<Outbox> outboxes;
    private final Listener listener;
    private final int connections;
    private final int helpers;
    private final boolean anyLetter;
    private final Pace pace = new Pace(options.ratePerMinute());
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<String> stopped = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private SentLog log;

    Run(List<SendPlan.Planned> planned, Supplier<Outbox> outboxes, Listener listener) {
      this.outboxes = outboxes;
      this.listener = listener;
      this.anyLetter = !planned.isEmpty();
      this.connections = Math.min(options.connections(), Math.max(1, planned.size()));
      int idleCores = Math.max(0, Runtime.getRuntime().availableProcessors() - connections);
      // One connection sends in the list's order, with one helper ahead of it: it waits for the
      // server and the disk most of the time, so one more core is all it can use.
      boolean inOrder = connections == 1 && idleCores > 0 && planned.size() > 1;
      this.helpers = inOrder ? 1 : Math.min(idleCores, planned.size());
      this.preparation =
          new Preparation<>(planned, Sending.this::prepare, Ready::discard, helpers, inOrder);
    }

    Report sendAll() throws InterruptedException {
      if (anyLetter) {
        keeping.beforeRun();
      }
      List<Thread> threads = new ArrayList<>();
      try (SentLog opened = logs.apply(campaign.sentLog())) {
        log = opened;
        for (int i = 0; i < connections; i++) {
          threads.add(start("circular-send", this::sendOverOneConnection));
        }
        for (int i = 0; i < helpers; i++) {
          threads.add(start("circular-prepare", preparation::help));
        }
        for (Thread thread : threads) {
          thread.join();
        }
      } finally {
        preparation.stop();
        for (Thread thread : threads) {
          thread.join(); // an interrupted run still waits: a letter must not leave after its log is
          // closed
        }
        preparation.discardReady();
      }
      if (failure.get() != null) {
        throw new IllegalStateException("a sending thread failed", failure.get());
      }
      List<Outcome> ordered = new ArrayList<>(outcomes);
      ordered.sort(Comparator.comparingLong(o -> o.recipient().line()));
      return new Report(List.copyOf(ordered), Optional.ofNullable(stopped.get()));
    }

    /** Starts a thread of the run; anything it throws stops the run. */
    private Thread start(String name, Job job) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  job.run();
                } catch (InterruptedException e) {
                  preparation.stop();
                  Thread.currentThread().interrupt();
                } catch (Throwable t) {
                  failure.compareAndSet(null, t);
                  preparation.stop();
                }
              },
              name);
      thread.start();
      return thread;
    }

    private void sendOverOneConnection() throws InterruptedException {
      Outbox connected;
      try {
        connected = outboxes.get();
      } catch (Outbox.Unavailable e) {
        stop(e.getMessage());
        return;
      }
      try (Outbox outbox = connected) {
        while (stopped.get() == null && !Thread.currentThread().isInterrupted()) {
          Optional<Ready> next = preparation.next();
          if (next.isEmpty()) {
            return;
          }
          if (stopped.get() != null) {
            next.get().discard(); // prepared only: neither logged nor sent
            return;
          }
          pace.await(() -> stopped.get() != null);
          if (stopped.get() != null) {
            next.get().discard(); // stopped while it waited for its turn: neither logged nor sent
            return;
          }
          Outcome outcome = deliver(next.get(), outbox);
          outcomes.add(outcome);
          listener.sent(outcome.recipient(), outcome.status(), outcome.detail());
        }
      }
    }

    private Outcome deliver(Ready ready, Outbox outbox) {
      if (ready.failure().isPresent()) {
        log.append(keeping.outcome(ready, Status.FAILED, ready.failure().get(), false));
        return new Outcome(ready.recipient(), Status.FAILED, ready.failure().get());
      }
      Gate durable = keeping.beforeTransaction(ready, log);
      Outbox.Result result;
      try {
        result = outbox.send(ready.message(), durable, () -> stopped.get() != null);
      } catch (Outbox.Unavailable e) {
        stop(e.getMessage());
        result = new Outbox.Result(Status.DEFERRED, "not sent: " + e.getMessage());
      }
      log.append(keeping.outcome(ready, result.status(), result.detail(), true));
      return new Outcome(ready.recipient(), result.status(), result.detail(), result.missed());
    }

    /** Stops the run: no letter is started after this one; those prepared ahead are discarded. */
    private void stop(String why) {
      stopped.compareAndSet(null, why);
      preparation.stop();
    }
  }

  /** What a thread of the run does. */
  private interface Job {
    void run() throws Exception;
  }
}
