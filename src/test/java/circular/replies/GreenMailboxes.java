package circular.replies;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailProxy;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * The corpus loaded into a GreenMail server: the contact's INBOX and Archive, the sender's INBOX.
 */
final class GreenMailboxes {
  static final String CONTACT_LOGIN = "nim-contact";
  static final String CONTACT_PASSWORD = "contact-secret";
  static final String SENDER_LOGIN = "nim-coordinator";
  static final String SENDER_PASSWORD = "sender-secret";

  private final GreenMailProxy greenMail;
  final GreenMailUser contact;
  final GreenMailUser sender;

  GreenMailboxes(GreenMailProxy greenMail) throws Exception {
    this.greenMail = greenMail;
    contact = greenMail.setUser(Corpus.CONTACT, CONTACT_LOGIN, CONTACT_PASSWORD);
    sender = greenMail.setUser(Corpus.SENDER, SENDER_LOGIN, SENDER_PASSWORD);
  }

  /** Loads the whole corpus, each folder's files in name order (so UIDs follow that order). */
  GreenMailboxes loadCorpus() throws Exception {
    append(contact, "INBOX", Corpus.messages("contact/INBOX"));
    append(contact, "Archive", Corpus.messages("contact/Archive"));
    append(sender, "INBOX", Corpus.messages("sender/INBOX"));
    return this;
  }

  void append(GreenMailUser user, String folderName, List<Path> files) throws Exception {
    MailFolder folder = folder(user, folderName);
    Session session = Session.getInstance(new Properties());
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        folder.appendMessage(new MimeMessage(session, in), new Flags(), new Date());
      }
    }
  }

  MailFolder folder(GreenMailUser user, String name) throws Exception {
    ImapHostManager imap = greenMail.getManagers().getImapHostManager();
    if (name.equals("INBOX")) {
      return imap.getInbox(user);
    }
    MailFolder existing = imap.getFolder(user, name);
    return existing != null ? existing : imap.createMailbox(user, name);
  }

  /** Every message of every folder loaded, with its flags. */
  List<StoredMessage> all() throws Exception {
    List<StoredMessage> all = new ArrayList<>(folder(contact, "INBOX").getMessages());
    all.addAll(folder(contact, "Archive").getMessages());
    all.addAll(folder(sender, "INBOX").getMessages());
    return all;
  }
}
