package circular.sandbox;

import circular.sandbox.Folders.UserFolder;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded mail server: GreenMail's SMTP and IMAP on 127.0.0.1 only, without authentication
 * (any user name and password will do; a user is created on first delivery or login), its mailboxes
 * kept as {@code .eml} files in a folder so that a later run finds the same mail.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(campaign.resolve("sandbox"), SandboxPorts.dynamic())) {
 *   transport.connect(sandbox.host(), sandbox.smtpPort(), "any", "any");
 *   ...
 * } // saved, then stopped
 * }</pre>
 *
 * <p>Thread-safe: mail clients, {@link #save()} and {@link #close()} may run at the same time.
 */
public final class Sandbox implements AutoCloseable {
  /** Loopback only, never 0.0.0.0: the sandbox must not be reachable from the network. */
  public static final String HOST = "127.0.0.1";

  private static final long STARTUP_TIMEOUT_MILLIS = 10_000;

  private final GreenMail greenMail;
  private final MailboxFiles files;
  private final int smtpPort;
  private final int imapPort;
  private ScheduledExecutorService autosave;
  private List<String> savedState = List.of();
  private boolean closed;

  private Sandbox(GreenMail greenMail, MailboxFiles files) {
    this.greenMail = greenMail;
    this.files = files;
    this.smtpPort = greenMail.getSmtp().getPort();
    this.imapPort = greenMail.getImap().getPort();
  }

  /**
   * Loads every mailbox kept in {@code mailboxDir} (which need not exist yet) and starts serving
   * them.
   *
   * @throws PortUnavailableException if a fixed port cannot be listened on
   * @throws UncheckedIOException if a mailbox file cannot be read
   */
  public static Sandbox start(Path mailboxDir, SandboxPorts ports) {
    checkFree(ServerSetup.PROTOCOL_SMTP, ports.smtp());
    checkFree(ServerSetup.PROTOCOL_IMAP, ports.imap());
    GreenMail greenMail =
        new GreenMail(
                new ServerSetup[] {
                  setup(ServerSetup.PROTOCOL_SMTP, ports.smtp()),
                  setup(ServerSetup.PROTOCOL_IMAP, ports.imap())
                })
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    MailboxFiles files = new MailboxFiles(mailboxDir);
    try {
      files.load(greenMail.getManagers()); // before the ports open, so no client sees half of it
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      greenMail.start();
    } catch (IllegalStateException e) {
      greenMail.stop();
      // the port was free a moment ago: someone took it in between; say which if we can
      checkFree(ServerSetup.PROTOCOL_SMTP, ports.smtp());
      checkFree(ServerSetup.PROTOCOL_IMAP, ports.imap());
      throw e;
    }
    Sandbox sandbox = new Sandbox(greenMail, files);
    sandbox.savedState = sandbox.state();
    return sandbox;
  }

  public String host() {
    return HOST;
  }

  public int smtpPort() {
    return smtpPort;
  }

  public int imapPort() {
    return imapPort;
  }

  /** The folder the mailboxes are kept in. */
  public Path mailboxDir() {
    return files.root();
  }

  /** Where to send: {@code smtp://127.0.0.1:3025}. */
  public URI smtpUrl() {
    return URI.create("smtp://" + HOST + ":" + smtpPort);
  }

  /**
   * Where to read a user's folder: {@code
   * imap://nim-contact%40mission.example@127.0.0.1:3143/INBOX} ({@link URI#getUserInfo()} gives the
   * address back undecorated).
   */
  public URI imapUrl(String user, String folder) {
    try {
      return new URI("imap", user, HOST, imapPort, "/" + folder, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "not a user and folder for a URL: " + user + ", " + folder, e);
    }
  }

  /**
   * Gives {@code address} a mailbox now, before anyone writes to it: a user whose INBOX a mail
   * client can open, and its folder on disk, {@code <mailboxDir>/<address>/INBOX/}, where a reply
   * saved as an {@code .eml} file may be dropped while the sandbox is stopped.
   */
  public synchronized void openMailbox(String address) {
    if (closed || !MailboxFiles.isSafeName(address)) {
      return;
    }
    try {
      if (greenMail.getUserManager().getUserByEmail(address) == null) {
        greenMail.getUserManager().createUser(address, address, address);
      }
      Files.createDirectories(files.root().resolve(address).resolve(Folders.INBOX));
    } catch (UserException e) {
      throw new IllegalStateException("GreenMail cannot create a user for " + address, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every folder that holds mail, by user then folder. */
  public List<MailboxSummary> mailboxes() {
    return Folders.all(greenMail.getManagers()).stream()
        .filter(folder -> folder.folder().getMessageCount() > 0)
        .map(
            folder ->
                new MailboxSummary(
                    folder.user().getEmail(), folder.name(), folder.folder().getMessageCount()))
        .toList();
  }

  /**
   * Writes every message that is not yet in a file and deletes the files of messages that have left
   * the server; see {@link MailboxFiles} for how a crash never loses mail. Does nothing once
   * closed.
   *
   * @throws UncheckedIOException if a file cannot be written; nothing is deleted then
   */
  public synchronized void save() {
    if (closed) {
      return; // GreenMail forgets everything when it stops: saving now would delete every file
    }
    List<String> state = state();
    try {
      files.save(greenMail.getManagers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    savedState = state;
  }

  /**
   * Saves every {@code interval} from now on, when anything changed, so that mail survives a kill;
   * a failed save is handed to {@code onFailure} and tried again at the next tick.
   */
  public void saveEvery(Duration interval, Consumer<RuntimeException> onFailure) {
    saveEvery(interval, onFailure, () -> {});
  }

  /**
   * As {@link #saveEvery(Duration, Consumer)}, telling {@code afterEach} when each look is over,
   * saved or not.
   */
  public synchronized void saveEvery(
      Duration interval, Consumer<RuntimeException> onFailure, Runnable afterEach) {
    if (autosave != null || closed) {
      throw new IllegalStateException(
          closed ? "the sandbox is closed" : "already saving every " + interval);
    }
    autosave =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "sandbox-autosave");
              thread.setDaemon(true);
              return thread;
            });
    autosave.scheduleWithFixedDelay(
        () -> {
          try {
            saveIfChanged();
          } catch (RuntimeException e) {
            onFailure.accept(e);
          } finally {
            afterEach.run();
          }
        },
        interval.toMillis(),
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Saves, then stops the servers. Only the first call does anything. */
  @Override
  public void close() {
    ScheduledExecutorService timer;
    synchronized (this) {
      if (closed) {
        return;
      }
      try {
        save();
      } finally {
        closed = true;
        timer = autosave;
        greenMail.stop();
      }
    }
    if (timer != null) {
      timer.shutdown();
    }
  }

  private synchronized void saveIfChanged() {
    if (!closed && !state().equals(savedState)) {
      save();
    }
  }

  /** What changes when a message arrives or leaves a folder, or a folder is renamed or deleted. */
  private List<String> state() {
    return Folders.all(greenMail.getManagers()).stream()
        .map(UserFolder::folder)
        .map(
            folder ->
                folder.getFullName() + " " + folder.getUIDNext() + " " + folder.getMessageCount())
        .toList();
  }

  private static ServerSetup setup(String protocol, int port) {
    ServerSetup setup = new ServerSetup(port, HOST, protocol);
    setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
    return setup;
  }

  /** Fails early and clearly for a fixed port that is taken, before GreenMail tries it. */
  private static void checkFree(String protocol, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true); // as GreenMail's own socket, so the answer is the same
      probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
    } catch (BindException e) {
      throw new PortUnavailableException(protocol.toUpperCase(Locale.ROOT), port, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
