package circular.campaign;

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
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One run of a campaign: the planned letters rendered, logged and handed to the server over
 * {@code connections} kept-open connections. The {@code sending} row of each letter is written
 * before its transaction starts, and on disk before the server can have the letter (before the
 * final "." of its data: the {@code fsync} runs while the transaction begins); its outcome is
 * written after. So a run killed at any moment, or a machine that loses power, leaves at most one
 * letter per connection in doubt and none sent twice.
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
      Optional<NamedAddress> testTo, double ratePerMinute, int connections, Function<Recipient, Optional<String>> inReplyTo) {
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

  public record Outcome(Recipient recipient, Status status, String detail) {}

  private final Campaign campaign;
  private final Preflight.Prepared prepared;
  private final Options options;
  private final MessageBuilder builder = new MessageBuilder(Session.getInstance(new Properties()));

  private final Function<Path, SentLog> logs;

  public Sending(Campaign campaign, Preflight.Prepared prepared, Options options) {
    this(campaign, prepared, options, SentLog::open);
  }

  /** @param logs opens the campaign's log: for tests, one whose disk is slow or fails */
  Sending(Campaign campaign, Preflight.Prepared prepared, Options options, Function<Path, SentLog> logs) {
    this.campaign = campaign;
    this.prepared = prepared;
    this.options = options;
    this.logs = logs;
  }

  /** Sends the planned letters, each connection from {@code outboxes}, and waits for the end. */
  public Report run(List<SendPlan.Planned> planned, Supplier<Outbox> outboxes, Listener listener)
      throws InterruptedException {
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<String> stopped = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Pace pace = new Pace(options.ratePerMinute());
    int connections = Math.min(options.connections(), Math.max(1, planned.size()));
    int idleCores = Math.max(0, Runtime.getRuntime().availableProcessors() - connections);
    // One connection sends in the list's order, with one helper ahead of it: it waits for the
    // server and the disk most of the time, so one more core is all it can use.
    boolean inOrder = connections == 1 && idleCores > 0 && planned.size() > 1;
    int helpers = inOrder ? 1 : Math.min(idleCores, planned.size());
    if (options.testTo().isEmpty() && !planned.isEmpty()) {
      createCopyFolder();
    }
    Preparation<SendPlan.Planned, Ready> preparation =
        new Preparation<>(planned, this::prepare, Sending::discard, helpers, inOrder);
    Consumer<Outcome> done = outcome -> {
      outcomes.add(outcome);
      listener.sent(outcome.recipient(), outcome.status(), outcome.detail());
    };
    List<Thread> threads = new ArrayList<>();
    try (SentLog log = logs.apply(campaign.sentLog())) {
      for (int i = 0; i < connections; i++) {
        threads.add(start("circular-send", () -> work(preparation, outboxes, log, pace, stopped, done), failure, preparation));
      }
      for (int i = 0; i < helpers; i++) {
        threads.add(start("circular-prepare", preparation::help, failure, preparation));
      }
      for (Thread thread : threads) {
        thread.join();
      }
    } finally {
      preparation.stop();
      for (Thread thread : threads) {
        thread.join(); // an interrupted run still waits: a letter must not leave after its log is closed
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

  /** What a thread of the run does; anything it throws stops the run. */
  private interface Job {
    void run() throws Exception;
  }

  private static Thread start(String name, Job job, AtomicReference<Throwable> failure, Preparation<?, ?> preparation) {
    Thread thread = new Thread(() -> {
      try {
        job.run();
      } catch (InterruptedException e) {
        preparation.stop();
        Thread.currentThread().interrupt();
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
        preparation.stop();
      }
    }, name);
    thread.start();
    return thread;
  }

  private void work(
      Preparation<SendPlan.Planned, Ready> preparation, Supplier<Outbox> outboxes, SentLog log, Pace pace, AtomicReference<String> stopped,
      Consumer<Outcome> done) throws InterruptedException {
    Outbox connected;
    try {
      connected = outboxes.get();
    } catch (Outbox.Unavailable e) {
      stopped.compareAndSet(null, e.getMessage());
      preparation.stop();
      return;
    }
    try (Outbox outbox = connected) {
      while (stopped.get() == null && !Thread.currentThread().isInterrupted()) {
        Optional<Ready> next = preparation.next();
        if (next.isEmpty()) {
          return;
        }
        Ready ready = next.get();
        if (stopped.get() != null) {
          discard(ready); // prepared only: neither logged nor sent
          return;
        }
        pace.await();
        done.accept(deliver(ready, outbox, log, stopped));
        if (stopped.get() != null) {
          preparation.stop();
        }
      }
    }
  }

  /**
   * One letter rendered, built and encoded once, its copy staged beside the place it will have,
   * before anything of it is logged or sent.
   *
   * @param staged the copy's temporary file, renamed into place just before the letter is logged
   *     as {@code sending}; null for a test letter or one that could not be built
   * @param failure why the message could not be built, if it could not
   */
  record Ready(
      Recipient recipient, Letter letter, String messageId, boolean test, MimeMessage message, Path staged, Optional<String> failure) {}

  private Ready prepare(SendPlan.Planned planned) {
    Recipient recipient = planned.recipient();
    Letter rendered = prepared.letterFor(recipient);
    boolean test = options.testTo().isPresent();
    Letter letter =
        test ? rendered.redirectedTo(options.testTo().get(), "[TEST " + recipient.id() + "] " + rendered.subject()) : rendered;
    // A letter tried before keeps its Message-ID: a copy that did arrive is then recognisably the same letter.
    String messageId =
        planned.previous().map(SentRow::messageId).filter(id -> !id.isBlank() && !test)
            .orElseGet(() -> MessageId.create(letter.from().address()).text());
    try {
      MessageBuilder.Encoded encoded = builder.encode(letter, messageId, options.inReplyTo().apply(recipient));
      Path staged = test ? null : stage(encoded.bytes(), campaign.letterCopy(letter.name(), recipient.id()));
      return new Ready(recipient, letter, messageId, test, encoded.message(), staged, Optional.empty());
    } catch (MessagingException e) {
      return new Ready(recipient, letter, messageId, test, null, null, Optional.of("could not be built: " + e.getMessage()));
    }
  }

  /** Drops a letter prepared but not sent, with the copy staged for it. */
  private static void discard(Ready ready) {
    if (ready.staged() != null) {
      try {
        Files.deleteIfExists(ready.staged());
      } catch (IOException e) {
        // a staged copy left behind is overwritten when its letter is prepared again
      }
    }
  }

  private Outcome deliver(Ready ready, Outbox outbox, SentLog log, AtomicReference<String> stopped) {
    Letter letter = ready.letter();
    String email = addresses(letter);
    boolean test = ready.test();
    if (ready.failure().isPresent()) {
      log.append(row(letter, email, ready.messageId(), test ? Status.TEST : Status.FAILED, ready.failure().get()));
      return new Outcome(ready.recipient(), Status.FAILED, ready.failure().get());
    }
    Gate durable = Gate.OPEN;
    if (!test) {
      keepCopy(ready.staged(), campaign.letterCopy(letter.name(), ready.recipient().id()));
      durable = log.appendBeforeHandover(row(letter, email, ready.messageId(), Status.SENDING, ""));
    }
    Outbox.Result result;
    try {
      result = outbox.send(ready.message(), durable);
    } catch (Outbox.Unavailable e) {
      stopped.compareAndSet(null, e.getMessage());
      result = new Outbox.Result(Status.DEFERRED, "not sent: " + e.getMessage());
    }
    Status logged = test ? Status.TEST : result.status();
    String detail = test ? result.status().label() + " to " + email + (result.detail().isEmpty() ? "" : ": " + result.detail()) : result.detail();
    log.append(row(letter, email, ready.messageId(), logged, detail));
    return new Outcome(ready.recipient(), result.status(), result.detail());
  }

  private SentRow row(Letter letter, String email, String messageId, Status status, String detail) {
    return new SentRow(Instant.now().truncatedTo(ChronoUnit.MILLIS), letter.name(), letter.recipient().id(), email, messageId, status, detail);
  }

  private static String addresses(Letter letter) {
    List<NamedAddress> all = new ArrayList<>(letter.to());
    all.addAll(letter.cc());
    return all.stream().map(NamedAddress::address).collect(Collectors.joining(";"));
  }

  /** The folder of this letter's copies, made once for the run rather than checked for every letter. */
  private void createCopyFolder() {
    try {
      Files.createDirectories(campaign.letterCopy(prepared.template().name(), "-").getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the copy of a letter to a temporary file beside {@code copy}, whose folder exists. */
  private static Path stage(byte[] message, Path copy) {
    try {
      Path temp = copy.resolveSibling(copy.getFileName() + ".tmp");
      Files.write(temp, message);
      return temp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The exact message, put in place whole or not at all: a killed run leaves no half copy. */
  private static void keepCopy(Path staged, Path copy) {
    try {
      Files.move(staged, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
