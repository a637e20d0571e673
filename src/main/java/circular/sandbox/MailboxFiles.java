package circular.sandbox;

import circular.files.WholeFile;
import circular.sandbox.Folders.UserFolder;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sandbox's mailboxes as files, in the layout GreenMail's {@code withPreloadDir} reads: {@code
 * <root>/<address>/INBOX/<name>.eml}, a sub-folder being a sub-directory.
 *
 * <p>A message keeps the file it was loaded from, whatever its name, so that a reply a user dropped
 * in by hand stays as it is. A message that arrives while the sandbox runs is written once, as
 * {@code <received yyyyMMdd-HHmmss>-<12 hex digits of the SHA-256 of its bytes>.eml}, and keeps
 * that name from then on: saving again never duplicates it. A file is written under a hidden
 * temporary name and then renamed, and a file is deleted only once its message has left the server
 * (expunged or moved) and every new file is in place; files that appear while the sandbox runs are
 * none of its business until the next start. Not thread-safe: {@link Sandbox} calls it under its
 * lock.
 */
final class MailboxFiles {
  private static final String EML = ".eml";
  private static final DateTimeFormatter RECEIVED =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Path root;

  /** Every file this sandbox loaded or wrote, and the message it holds. */
  private final Map<Path, StoredMessage> files = new HashMap<>();

  MailboxFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /** Puts every message found under the root into GreenMail, files in name order. */
  void load(Managers managers) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    Session session = Session.getInstance(new Properties());
    ImapHostManager host = managers.getImapHostManager();
    for (Path userDir : visible(root, true)) {
      GreenMailUser user = user(managers.getUserManager(), userDir.getFileName().toString());
      MailFolder userRoot = Folders.userRoot(host, user);
      for (Path folderDir : visible(userDir, true)) {
        String name = folderDir.getFileName().toString();
        MailFolder folder =
            name.equalsIgnoreCase(Folders.INBOX) ? inbox(host, user) : child(host, userRoot, name);
        loadFolder(host, folder, folderDir, session);
      }
    }
  }

  /**
   * Writes the messages that have no file yet and deletes the files of messages that are gone.
   *
   * @return how many files were written or deleted; 0 when nothing changed
   */
  int save(Managers managers) throws IOException {
    Map<StoredMessage, List<Path>> known = new IdentityHashMap<>();
    files.forEach(
        (file, message) -> known.computeIfAbsent(message, m -> new ArrayList<>()).add(file));
    Set<Path> kept = new HashSet<>();
    int changes = 0;
    for (UserFolder folder : Folders.all(managers)) {
      if (!isSafeName(folder.user().getEmail())
          || !folder.path().stream().allMatch(MailboxFiles::isSafeName)) {
        // a name no file system should see, such as "..": only an odd client makes one; keep what
        // was on disk for it (a folder renamed so), write nothing new
        folder.folder().getMessages().forEach(m -> kept.addAll(known.getOrDefault(m, List.of())));
        continue;
      }
      Path dir = directory(folder);
      for (StoredMessage message : folder.folder().getMessages()) {
        Path file =
            known.getOrDefault(message, List.of()).stream()
                .filter(path -> path.getParent().equals(dir) && !kept.contains(path))
                .findFirst()
                .orElse(null);
        if (file == null || !Files.isRegularFile(file)) {
          byte[] bytes = bytes(message);
          if (file == null) {
            file = freeName(dir, stem(message, bytes), kept);
          }
          WholeFile.replace(file, bytes, FileTime.fromMillis(message.getReceivedDate().getTime()));
          files.put(file, message);
          changes++;
        }
        kept.add(file);
      }
    }
    for (Iterator<Path> it = files.keySet().iterator(); it.hasNext(); ) {
      Path file = it.next();
      if (!kept.contains(file)) {
        Files.deleteIfExists(file);
        it.remove();
        changes++;
      }
    }
    return changes;
  }

  private Path directory(UserFolder folder) {
    Path dir = root.resolve(folder.user().getEmail());
    for (String name : folder.path()) {
      dir = dir.resolve(name);
    }
    return dir;
  }

  /**
   * Whether a user's address or a folder's name can be one directory's name, here and on Windows.
   */
  static boolean isSafeName(String name) {
    return !name.isBlank()
        && !name.startsWith(".")
        && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f || "<>:\"/\\|?*".indexOf(c) >= 0);
  }

  private void loadFolder(ImapHostManager host, MailFolder folder, Path dir, Session session)
      throws IOException {
    try (Stream<Path> stale = Files.list(dir)) {
      for (Path temp : stale.filter(WholeFile::isTemporary).toList()) {
        Files.deleteIfExists(temp); // left by a save that was killed before its rename
      }
    }
    for (Path file : visible(dir, false)) {
      if (!file.getFileName().toString().endsWith(EML)) {
        continue;
      }
      MimeMessage message;
      try (InputStream in = Files.newInputStream(file)) {
        message = new MimeMessage(session, in);
      } catch (MessagingException e) {
        throw new IOException(file + ": not a mail message (" + e.getMessage() + ")", e);
      }
      Date received = new Date(Files.getLastModifiedTime(file).toMillis());
      long uid = folder.appendMessage(message, new Flags(), received);
      files.put(file, folder.getMessage(uid));
    }
    for (Path subDir : visible(dir, true)) {
      loadFolder(host, child(host, folder, subDir.getFileName().toString()), subDir, session);
    }
  }

  private static GreenMailUser user(UserManager users, String address) {
    GreenMailUser user = users.getUserByEmail(address);
    if (user != null) {
      return user;
    }
    try {
      return users.createUser(address, address, address);
    } catch (UserException e) {
      throw new IllegalStateException("GreenMail cannot create a user for " + address, e);
    }
  }

  private static MailFolder inbox(ImapHostManager host, GreenMailUser user) {
    try {
      return host.getInbox(user);
    } catch (FolderException e) {
      throw new IllegalStateException("GreenMail has no INBOX for " + user.getEmail(), e);
    }
  }

  private static MailFolder child(ImapHostManager host, MailFolder parent, String name) {
    MailFolder child = host.getStore().getMailbox(parent, name);
    if (child != null) {
      return child;
    }
    try {
      return host.getStore().createMailbox(parent, name, true);
    } catch (FolderException e) {
      throw new IllegalStateException(
          "GreenMail cannot create folder " + name + " in " + parent.getFullName(), e);
    }
  }

  /** The entries of a folder that are not hidden: directories or regular files, sorted by name. */
  private static List<Path> visible(Path dir, boolean directories) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(
              p -> !isHidden(p) && (directories ? Files.isDirectory(p) : Files.isRegularFile(p)))
          .sorted()
          .toList();
    }
  }

  private static boolean isHidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }

  private static byte[] bytes(StoredMessage message) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      message.getMimeMessage().writeTo(bytes);
    } catch (MessagingException e) {
      throw new IOException(
          "cannot write message " + message.getUid() + " (" + e.getMessage() + ")", e);
    }
    return bytes.toByteArray();
  }

  private static String stem(StoredMessage message, byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return RECEIVED.format(message.getReceivedDate().toInstant())
          + "-"
          + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** {@code stem.eml}, or {@code stem-2.eml} and so on when another message or file has it. */
  private static Path freeName(Path dir, String stem, Set<Path> kept) {
    Path file = dir.resolve(stem + EML);
    for (int n = 2; kept.contains(file) || Files.exists(file); n++) {
      file = dir.resolve(stem + "-" + n + EML);
    }
    return file;
  }
}
