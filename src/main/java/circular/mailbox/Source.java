package circular.mailbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a scan finds messages: an IMAP folder ({@link ImapSource}) or a folder of {@code .eml}
 * files ({@link EmlFolderSource}). A scan may read several: out-of-office replies and bounces reach
 * the sender's mailbox, real replies the contact's.
 */
public abstract sealed class Source permits ImapSource, EmlFolderSource {

  /** Where the messages come from, for the user to read: no password or token in it. */
  public abstract String name();

  /**
   * Opens the source and lists the messages new since the last scan its {@code bookmarks} record.
   *
   * @throws MailboxException if the source cannot be read at all
   * @throws circular.InputException if it names something the server does not have
   */
  public abstract Batch open(Bookmarks bookmarks);

  @Override
  public String toString() {
    return name();
  }

  /** The messages of one opened source; closing it lets go of the connection. */
  public interface Batch extends AutoCloseable {
    List<Incoming> messages();

    /** Records in {@code bookmarks} that every listed message has been looked at. */
    void scanned(Bookmarks bookmarks);

    /**
     * Hands {@code each} the bytes of every message of {@code messages}, whole and as the source
     * holds them, in order; an IMAP folder fetches them several at a time.
     */
    default void wholeOf(List<Incoming> messages, WholeMessage each)
        throws MessagingException, IOException {
      for (Incoming message : messages) {
        each.accept(message, message.raw());
      }
    }

    @Override
    void close();
  }

  /** One message of a source: its headers cheaply, the whole of it only on demand. */
  public interface Incoming {
    /** The headers of {@link MailHeaders#NAMES}; from IMAP, fetched in bulk beforehand. */
    MailHeaders headers() throws MessagingException, IOException;

    /** The whole message, fetched now if need be: for a report whose body must be read. */
    MimePart whole() throws MessagingException, IOException;

    /** The whole message's bytes as the source holds them, fetched now if need be. */
    byte[] raw() throws MessagingException, IOException;

    /** When the message reached the mailbox (IMAP's internal date, a file's time), if known. */
    Optional<Instant> arrived() throws MessagingException;

    /** Where the message is, for a problem report: {@code imap://…/INBOX, UID 17}, a file. */
    String where();
  }

  /** What {@link Batch#wholeOf} hands on: one message and its bytes. */
  public interface WholeMessage {
    void accept(Incoming message, byte[] bytes) throws IOException;
  }
}
