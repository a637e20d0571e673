package circular.mailbox;

import circular.InputException;
import circular.Problem;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.eclipse.angus.mail.dsn.MessageHeaders;

/**
 * Every {@code *.eml} file under a folder, at any depth: messages saved from any mail client.
 * Listed whole each scan (files are cheap to read; rows are de-duplicated by Message-ID); only
 * headers are read, unless a message looks like a delivery report.
 */
public final class EmlFolderSource extends Source {
  private final Path folder;

  private EmlFolderSource(Path folder) {
    this.folder = folder;
  }

  /**
   * @throws InputException if {@code folder} is not a folder
   */
  public static EmlFolderSource of(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new InputException(
          Problem.in(folder, "is not a folder (--eml takes a folder of .eml files)"));
    }
    return new EmlFolderSource(folder);
  }

  /**
   * A folder the user named ({@code --eml}): one with no {@code .eml} file at any depth is a
   * mistake, said as such, not a scan of 0 messages; Outlook's {@code .msg} files, which are not
   * MIME, are named with what to do instead.
   *
   * @throws InputException if {@code folder} is not a folder, cannot be listed or holds no {@code
   *     .eml} file
   */
  public static EmlFolderSource named(Path folder) {
    EmlFolderSource source = of(folder);
    List<Path> files;
    try {
      files = source.files();
    } catch (MailboxException e) {
      Throwable why = e.getCause();
      throw new InputException(
          Problem.in(
              folder,
              "cannot be listed ("
                  + why.getClass().getSimpleName()
                  + ": "
                  + why.getMessage()
                  + ")"));
    }
    if (files.stream().noneMatch(f -> hasExtension(f, ".eml"))) {
      long msg = files.stream().filter(f -> hasExtension(f, ".msg")).count();
      throw new InputException(
          Problem.in(
              folder,
              msg == 0
                  ? "no .eml file in this folder or below it; --eml reads messages saved as .eml"
                      + " files, one message each"
                  : "no .eml file, only Outlook .msg files ("
                      + msg
                      + "), which circular cannot read: save the messages as .eml files with a"
                      + " client that writes them, or read the mailbox with --imap"));
    }
    return source;
  }

  @Override
  public String name() {
    return folder.toString();
  }

  @Override
  public Batch open(Bookmarks bookmarks) {
    Session session = Session.getInstance(new Properties());
    List<Incoming> files =
        files().stream()
            .filter(f -> hasExtension(f, ".eml"))
            .<Incoming>map(f -> new EmlFile(session, f))
            .toList();
    return new Batch() {
      @Override
      public List<Incoming> messages() {
        return files;
      }

      @Override
      public void scanned(Bookmarks b) {
        // nothing to remember: a folder of files is read whole each time
      }

      @Override
      public void close() {}
    };
  }

  /** Every file under the folder, at any depth, in order. */
  private List<Path> files() {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new MailboxException(name() + ": cannot be listed (" + e.getMessage() + ")", e);
    }
  }

  private static boolean hasExtension(Path file, String extension) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension);
  }

  /**
   * One file: its headers read when asked, the whole message parsed again only when a report's body
   * must be read, so that nothing large stays in memory while a big folder is scanned.
   */
  private static final class EmlFile implements Incoming {
    private final Session session;
    private final Path file;

    EmlFile(Session session, Path file) {
      this.session = session;
      this.file = file;
    }

    @Override
    public MailHeaders headers() throws MessagingException, IOException {
      try (InputStream in = Files.newInputStream(file)) {
        return MailHeaders.of(new MessageHeaders(in));
      }
    }

    @Override
    public MimePart whole() throws MessagingException, IOException {
      try (InputStream in = Files.newInputStream(file)) {
        return new MimeMessage(session, in);
      }
    }

    @Override
    public byte[] raw() throws IOException {
      return Files.readAllBytes(file);
    }

    @Override
    public Optional<Instant> arrived() {
      try {
        return Optional.of(
            Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS));
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    @Override
    public String where() {
      return file.toString();
    }
  }
}
