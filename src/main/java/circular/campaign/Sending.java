package circular.campaign;

import circular.letters.Letter;
import circular.letters.Mailbox;
import circular.mail.MessageBuilder;
import circular.mail.MessageIds;
import circular.recipients.Recipient;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One run of a campaign: the planned letters rendered, logged and handed to the server over
 * {@code connections} kept-open connections. The {@code sending} row of each letter is on disk
 * before its transaction starts and its outcome is written after, so a run killed at any moment
 * leaves at most one letter per connection in doubt and none sent twice.
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
      Optional<Mailbox> testTo, double ratePerMinute, int connections, Function<Recipient, Optional<String>> inReplyTo) {
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

  /**
   * Letters prepared ahead of each connection: enough that a letter is ready when its turn comes
   * even when rendering one takes longer than sending one, as while the JIT compiler warms up.
   */
  private static final int AHEAD = 4;

  private final Campaign campaign;
  private final Preflight.Prepared prepared;
  private final Options options;
  private final MessageBuilder builder = new MessageBuilder(Session.getInstance(new Properties()));

  public Sending(Campaign campaign, Preflight.Prepared prepared, Options options) {
    this.campaign = campaign;
    this.prepared = prepared;
    this.options = options;
  }

  /** Sends the planned letters, each connection from {@code outboxes}, and waits for the end. */
  public Report run(List<SendPlan.Planned> planned, Supplier<Outbox> outboxes, Listener listener)
      throws InterruptedException {
    ConcurrentLinkedQueue<SendPlan.Planned> queue = new ConcurrentLinkedQueue<>(planned);
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<String> stopped = new AtomicReference<>();
    Pace pace = new Pace(options.ratePerMinute());
    int threads = Math.min(options.connections(), Math.max(1, planned.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "circular-send"));
    // Letters are rendered and encoded here, a few ahead of each connection, so that the wait for
    // the log's fsync and for the server's replies is not also the time a letter takes to render.
    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService preparing =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, cores)), r -> {
          Thread t = new Thread(r, "circular-render");
          t.setDaemon(true);
          return t;
        });
    try (SentLog log = SentLog.open(campaign.sentLog())) {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        workers.add(
            pool.submit(
                () -> {
                  work(queue, preparing, outboxes, log, pace, stopped, outcome -> {
                    outcomes.add(outcome);
                    listener.sent(outcome.recipient(), outcome.status(), outcome.detail());
                  });
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        try {
          worker.get();
        } catch (ExecutionException e) {
          stopped.compareAndSet(null, "internal error: " + e.getCause());
          throw new IllegalStateException("a sending thread failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
      preparing.shutdownNow();
    }
    List<Outcome> ordered = new ArrayList<>(outcomes);
    ordered.sort(java.util.Comparator.comparingLong(o -> o.recipient().line()));
    return new Report(List.copyOf(ordered), Optional.ofNullable(stopped.get()));
  }

  private void work(
      ConcurrentLinkedQueue<SendPlan.Planned> queue,
      ExecutorService preparing,
      Supplier<Outbox> outboxes,
      SentLog log,
      Pace pace,
      AtomicReference<String> stopped,
      java.util.function.Consumer<Outcome> done)
      throws InterruptedException, MessagingException {
    Outbox connected;
    try {
      connected = outboxes.get();
    } catch (Outbox.Unavailable e) {
      stopped.compareAndSet(null, e.getMessage());
      return;
    }
    try (Outbox outbox = connected) {
      Deque<Future<Ready>> ahead = new ArrayDeque<>();
      while (ahead.size() < AHEAD && prepareNext(queue, preparing, ahead)) {
        // fills the lookahead
      }
      while (!ahead.isEmpty() && stopped.get() == null && !Thread.currentThread().isInterrupted()) {
        Ready ready = ready(ahead.poll());
        prepareNext(queue, preparing, ahead);
        pace.await();
        done.accept(deliver(ready, outbox, log, stopped));
      }
      ahead.forEach(Sending::discard); // prepared only: neither logged nor sent
    }
  }

  /** Starts preparing the next planned letter, if there is one. */
  private boolean prepareNext(
      ConcurrentLinkedQueue<SendPlan.Planned> queue, ExecutorService preparing, Deque<Future<Ready>> ahead) {
    SendPlan.Planned planned = queue.poll();
    if (planned == null) {
      return false;
    }
    ahead.add(preparing.submit(() -> prepare(planned)));
    return true;
  }

  /** Drops a letter prepared but not sent, with the copy staged for it. */
  private static void discard(Future<Ready> next) {
    if (!next.cancel(true) && next.isDone()) {
      try {
        Path staged = next.get().staged();
        if (staged != null) {
          Files.deleteIfExists(staged);
        }
      } catch (ExecutionException | InterruptedException | IOException | RuntimeException e) {
        // a staged copy left behind is overwritten when its letter is prepared again
      }
    }
  }

  private static Ready ready(Future<Ready> next) throws InterruptedException {
    try {
      return next.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
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
  private record Ready(
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
            .orElseGet(() -> MessageIds.create(letter.from()));
    try {
      MessageBuilder.Encoded encoded = builder.encode(letter, messageId, options.inReplyTo().apply(recipient));
      // Written here, on the render thread: the connection's own thread only renames it.
      Path staged = test ? null : stage(encoded.bytes(), campaign.letterCopy(letter.name(), recipient.id()));
      return new Ready(recipient, letter, messageId, test, encoded.message(), staged, Optional.empty());
    } catch (MessagingException e) {
      return new Ready(recipient, letter, messageId, test, null, null, Optional.of("could not be built: " + e.getMessage()));
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
    if (!test) {
      keepCopy(ready.staged(), campaign.letterCopy(letter.name(), ready.recipient().id()));
      log.appendDurably(row(letter, email, ready.messageId(), Status.SENDING, ""));
    }
    Outbox.Result result;
    try {
      result = outbox.send(ready.message());
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
    return new SentRow(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), letter.name(), letter.recipient().id(), email, messageId, status, detail);
  }

  private static String addresses(Letter letter) {
    List<Mailbox> all = new ArrayList<>(letter.to());
    all.addAll(letter.cc());
    return all.stream().map(Mailbox::address).collect(Collectors.joining(";"));
  }

  /** Writes the copy of a letter to a temporary file beside {@code copy}. */
  private static Path stage(byte[] message, Path copy) {
    try {
      Files.createDirectories(copy.getParent());
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
