package circular.mailbox;

import circular.InputException;
import circular.server.ConnectFailure;
import circular.server.Login;
import circular.server.Protocol;
import circular.server.ServerReply;
import circular.server.TrustFile;
import circular.server.TrustStores;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.MessageSet;

/**
 * One IMAP folder, read without changing it: opened read-only, bodies fetched with {@code
 * BODY.PEEK}, so nothing is marked \Seen. Incremental: only messages with a UID above the last
 * scan's are listed (unless the folder's UIDVALIDITY changed), their headers fetched in one round
 * trip; a body is fetched only for a message that looks like a delivery report, and the replies
 * kept for the digest are fetched whole together, several in one command.
 *
 * <p>TLS always, except on loopback: {@code imaps://}, or {@code imap://} with STARTTLS required.
 * Certificates are verified and the host name checked, against the usual authorities or, for a test
 * server, against a {@link TrustFile} named explicitly.
 *
 * <pre>{@code
 * Source inbox = ImapSource.of(ImapUrl.parse("imaps://contact@mission.example@imap.mission.example/INBOX"),
 *     login, Optional.empty());
 * }</pre>
 */
public final class ImapSource extends Source {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

  /** At most this much mail is fetched whole in one command (and held in memory at once). */
  private static final long WHOLE_BYTES_AT_ONCE = 16L << 20;

  private static final int WHOLE_MESSAGES_AT_ONCE = 1000;

  private final ImapUrl url;
  private final Login login;
  private final Optional<TrustFile> trust;

  private ImapSource(ImapUrl url, Login login, Optional<TrustFile> trust) {
    this.url = url;
    this.login = login;
    this.trust = trust;
  }

  /**
   * @param login the login of {@code url}'s user
   */
  public static ImapSource of(ImapUrl url, Login login, Optional<TrustFile> trust) {
    if (!login.user().equals(url.user())) {
      throw new IllegalArgumentException("the login is not for " + url.user());
    }
    return new ImapSource(url, login, trust);
  }

  public static ImapSource of(ImapUrl url, Login login) {
    return of(url, login, Optional.empty());
  }

  @Override
  public String name() {
    return url.toString();
  }

  /**
   * The session properties: timeouts, TLS and its checks, read-only fetching, the login mechanism.
   */
  Properties properties() {
    String p = "mail." + url.protocol() + ".";
    Properties props = new Properties();
    props.put(p + "connectiontimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
    props.put(p + "timeout", String.valueOf(READ_TIMEOUT.toMillis()));
    props.put(p + "writetimeout", String.valueOf(READ_TIMEOUT.toMillis()));
    props.put(p + "peek", "true");
    // a report's body (often with the returned letter attached) in one FETCH, not 16 KB at a time
    props.put(p + "fetchsize", String.valueOf(1 << 20));
    props.put(p + "ssl.checkserveridentity", "true");
    if (!url.tls()) {
      props.put(p + "starttls.enable", "true");
      props.put(p + "starttls.required", String.valueOf(!url.isLoopback()));
    }
    trust.ifPresent(
        t -> props.put(p + "ssl.socketFactory", TrustStores.socketFactory(t, Protocol.IMAP)));
    if (login.isToken()) {
      props.put(p + "auth.mechanisms", "XOAUTH2");
    }
    return props;
  }

  @Override
  public Batch open(Bookmarks bookmarks) {
    Session session = Session.getInstance(properties());
    Store store;
    try {
      store = session.getStore(url.protocol());
      store.connect(url.host(), url.port(), url.user(), login.secret());
    } catch (MessagingException e) {
      ConnectFailure failure = ConnectFailure.of(e);
      throw new MailboxException(
          name()
              + ": "
              + failure.explain(
                  new ConnectFailure.Server(Protocol.IMAP, url.host(), Optional.of(login), trust)),
          e);
    }
    try {
      IMAPFolder folder = (IMAPFolder) store.getFolder(url.folder());
      if (!folder.exists()) {
        // the server answered: the URL is wrong, not the connection
        throw InputException.of(
            name(),
            "no folder '"
                + url.folder()
                + "' on this server (folder names are case-sensitive, except INBOX)");
      }
      folder.open(Folder.READ_ONLY);
      return list(session, store, folder, bookmarks);
    } catch (MessagingException | RuntimeException e) {
      close(store);
      if (e instanceof MailboxException || e instanceof InputException) {
        throw (RuntimeException) e;
      }
      throw new MailboxException(name() + ": " + ServerReply.cause(e), e);
    }
  }

  private Batch list(Session session, Store store, IMAPFolder folder, Bookmarks bookmarks)
      throws MessagingException {
    Bookmarks.Folder key = new Bookmarks.Folder(url.server(), url.user(), url.folder());
    long validity = folder.getUIDValidity();
    long after = bookmarks.lastUid(key, validity).orElse(0);
    long next = folder.getUIDNext();
    List<Message> fresh = new ArrayList<>();
    if (folder.getMessageCount() > 0 && (next <= 0 || next > after + 1)) {
      // A first scan takes every message, so it need not ask which UIDs exist before fetching:
      // one command over the folder instead of two.
      Message[] candidates =
          after == 0 ? folder.getMessages() : folder.getMessagesByUID(after + 1, UIDFolder.LASTUID);
      List<Message> listed = new ArrayList<>();
      for (Message m : candidates) {
        if (m != null) {
          listed.add(m);
        }
      }
      // The named header fields hold all the envelope has; asking for the ENVELOPE as well made the
      // server parse every message's addresses a second time, for nothing read here.
      FetchProfile profile = new FetchProfile();
      profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
      profile.add(UIDFolder.FetchProfileItem.UID);
      profile.add(FetchProfile.Item.SIZE); // how many replies to fetch whole at once
      for (String name : MailHeaders.NAMES) {
        profile.add(name);
      }
      folder.fetch(listed.toArray(Message[]::new), profile);
      // "after+1:*" always includes the folder's last message, even when it is older: filter.
      for (Message m : listed) {
        if (folder.getUID(m) > after) {
          fresh.add(m);
        }
      }
    }
    long last = after;
    List<Incoming> incoming = new ArrayList<>();
    for (Message m : fresh) {
      long uid = folder.getUID(m);
      last = Math.max(last, uid);
      incoming.add(new ImapMessage(session, (MimeMessage) m, uid));
    }
    long lastUid = last;
    return new Batch() {
      @Override
      public List<Incoming> messages() {
        return incoming;
      }

      @Override
      public void scanned(Bookmarks b) {
        b.mark(key, new Bookmarks.Mark(validity, lastUid));
      }

      /**
       * In as few FETCH commands as memory allows: a round trip per message is slow on any server.
       */
      @Override
      public void wholeOf(List<Incoming> messages, WholeMessage each)
          throws MessagingException, IOException {
        List<ImapMessage> chunk = new ArrayList<>();
        long bytes = 0;
        for (Incoming message : messages) {
          ImapMessage m = (ImapMessage) message;
          chunk.add(m);
          bytes += Math.max(0, m.message.getSize());
          if (bytes >= WHOLE_BYTES_AT_ONCE || chunk.size() >= WHOLE_MESSAGES_AT_ONCE) {
            fetchWhole(folder, chunk, each);
            chunk.clear();
            bytes = 0;
          }
        }
        if (!chunk.isEmpty()) {
          fetchWhole(folder, chunk, each);
        }
      }

      @Override
      public void close() {
        try {
          folder.close(false);
        } catch (MessagingException | IllegalStateException e) {
          // closing a read-only folder changes nothing; a dead connection is closed anyway
        }
        ImapSource.close(store);
      }
    };
  }

  /**
   * One {@code FETCH (BODY.PEEK[])} for the messages of {@code chunk}; nothing is marked \\Seen.
   */
  private static void fetchWhole(IMAPFolder folder, List<ImapMessage> chunk, WholeMessage each)
      throws MessagingException, IOException {
    Map<Integer, ImapMessage> byNumber = new LinkedHashMap<>();
    chunk.forEach(m -> byNumber.put(m.message.getMessageNumber(), m));
    int[] numbers = byNumber.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    Response[] responses =
        (Response[])
            folder.doCommand(
                protocol -> {
                  Response[] r =
                      protocol.fetch(MessageSet.createMessageSets(numbers), "BODY.PEEK[]");
                  protocol.notifyResponseHandlers(r);
                  protocol.handleResult(r[r.length - 1]);
                  return r;
                });
    Map<Integer, byte[]> fetched = new HashMap<>();
    for (Response r : responses) {
      if (r instanceof FetchResponse f && f.getItem(BODY.class) != null) {
        ByteArray body = f.getItem(BODY.class).getByteArray();
        fetched.put(
            f.getNumber(),
            Arrays.copyOfRange(
                body.getBytes(), body.getStart(), body.getStart() + body.getCount()));
      }
    }
    for (Map.Entry<Integer, ImapMessage> m : byNumber.entrySet()) {
      byte[] bytes = fetched.get(m.getKey());
      each.accept(
          m.getValue(),
          bytes != null ? bytes : m.getValue().raw()); // one the server left out: fetched alone
    }
  }

  private static void close(Store store) {
    try {
      store.close();
    } catch (MessagingException e) {
      // nothing was changed on the server, so there is nothing to lose
    }
  }

  /** A message of the open folder; its headers were fetched with the others. */
  private final class ImapMessage implements Incoming {
    private final Session session;
    private final MimeMessage message;
    private final long uid;

    ImapMessage(Session session, MimeMessage message, long uid) {
      this.session = session;
      this.message = message;
      this.uid = uid;
    }

    @Override
    public MailHeaders headers() throws MessagingException {
      return MailHeaders.of(message);
    }

    /** The whole message in one {@code BODY.PEEK[]}, parsed here. */
    @Override
    public MimePart whole() throws MessagingException, IOException {
      return new MimeMessage(session, new ByteArrayInputStream(raw()));
    }

    @Override
    public byte[] raw() throws MessagingException, IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      message.writeTo(bytes);
      return bytes.toByteArray();
    }

    @Override
    public Optional<Instant> arrived() throws MessagingException {
      return Optional.ofNullable(message.getReceivedDate()).map(d -> d.toInstant());
    }

    @Override
    public String where() {
      return name() + ", UID " + uid;
    }
  }
}
