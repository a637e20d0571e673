package circular.sandbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * A plain Jakarta Mail client for tests: sends over SMTP and reads over IMAP on 127.0.0.1, as a
 * mail client or {@code circular send} would, with short timeouts so that a hung server fails the
 * test.
 */
public final class TestMail {
  public static final String HOST = "127.0.0.1";

  /** A message as read back over IMAP. */
  public record Mail(String messageId, String subject, String from, String body, Date received) {}

  private TestMail() {}

  public static Session session() {
    Properties properties = new Properties();
    for (String protocol : new String[] {"smtp", "imap"}) {
      properties.setProperty("mail." + protocol + ".connectiontimeout", "5000");
      properties.setProperty("mail." + protocol + ".timeout", "5000");
      properties.setProperty("mail." + protocol + ".writetimeout", "5000");
    }
    return Session.getInstance(properties);
  }

  /** A text message that keeps the Message-ID it is given, as the letters circular sends do. */
  public static MimeMessage message(
      String messageId, String from, String to, String subject, String body) {
    try {
      MimeMessage message =
          new MimeMessage(session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
              setHeader("Message-ID", messageId);
            }
          };
      message.setFrom(new InternetAddress(from));
      message.setRecipients(Message.RecipientType.TO, to);
      message.setSubject(subject, "UTF-8");
      message.setText(body, "UTF-8");
      message.saveChanges();
      return message;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void send(int smtpPort, MimeMessage... messages) throws MessagingException {
    try (Transport transport = session().getTransport("smtp")) {
      transport.connect(HOST, smtpPort, null, null);
      for (MimeMessage message : messages) {
        transport.sendMessage(message, message.getAllRecipients());
      }
    }
  }

  /** Every message in a folder, read-only, logged in as {@code user} with a password nobody set. */
  public static List<Mail> read(int imapPort, String user, String folderName)
      throws MessagingException, IOException {
    try (Store store = session().getStore("imap")) {
      store.connect(HOST, imapPort, user, "any password");
      Folder folder = store.getFolder(folderName);
      if (!folder.exists()) {
        return List.of();
      }
      folder.open(Folder.READ_ONLY);
      List<Mail> mails = new ArrayList<>();
      for (Message message : folder.getMessages()) {
        String[] ids = message.getHeader("Message-ID");
        mails.add(
            new Mail(
                ids == null ? null : ids[0],
                message.getSubject(),
                message.getFrom()[0].toString(),
                message.getContent().toString().strip(),
                message.getReceivedDate()));
      }
      folder.close(false);
      return mails;
    }
  }

  /** What a mail client does to file a message: IMAP APPEND, creating the folder if need be. */
  public static void append(int imapPort, String user, String folderName, MimeMessage message)
      throws MessagingException {
    try (Store store = session().getStore("imap")) {
      store.connect(HOST, imapPort, user, "any password");
      Folder folder = store.getFolder(folderName);
      if (!folder.exists()) {
        folder.create(Folder.HOLDS_MESSAGES);
      }
      folder.appendMessages(new Message[] {message});
    }
  }

  /** Deletes the messages with this Message-ID from a folder, as a user emptying the bin would. */
  public static void expunge(int imapPort, String user, String folderName, String messageId)
      throws MessagingException {
    try (Store store = session().getStore("imap")) {
      store.connect(HOST, imapPort, user, "any password");
      Folder folder = store.getFolder(folderName);
      folder.open(Folder.READ_WRITE);
      for (Message message : folder.getMessages()) {
        if (messageId.equals(message.getHeader("Message-ID")[0])) {
          message.setFlags(new Flags(Flags.Flag.DELETED), true);
        }
      }
      folder.close(true);
    }
  }

  /** A port nothing listens on just now (another process may take it, rarely). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
