package circular.sandbox;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.Store;
import com.icegreen.greenmail.user.GreenMailUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GreenMail's store seen the way the sandbox keeps it on disk: users, each with a tree of folders
 * below a root that holds INBOX and its siblings. Stateless.
 */
final class Folders {
  static final String INBOX = "INBOX";

  /**
   * One folder of one user; {@code path} is the folder's name from the user's root, e.g. [INBOX].
   */
  record UserFolder(GreenMailUser user, List<String> path, MailFolder folder) {
    UserFolder {
      path = List.copyOf(path);
    }

    String name() {
      return String.join("/", path);
    }
  }

  private Folders() {}

  /** Every folder of every user, users by address, each parent before its children. */
  static List<UserFolder> all(Managers managers) {
    List<GreenMailUser> users = new ArrayList<>(managers.getUserManager().listUser());
    users.sort(Comparator.comparing(GreenMailUser::getEmail));
    List<UserFolder> folders = new ArrayList<>();
    Store store = managers.getImapHostManager().getStore();
    for (GreenMailUser user : users) {
      addChildren(store, user, userRoot(managers.getImapHostManager(), user), List.of(), folders);
    }
    return folders;
  }

  /** The folder above INBOX: GreenMail names it after a hash of the user's login. */
  static MailFolder userRoot(ImapHostManager host, GreenMailUser user) {
    try {
      String inbox = host.getInbox(user).getFullName();
      String root = inbox.substring(0, inbox.length() - INBOX.length() - 1);
      return host.getStore().getMailbox(root);
    } catch (FolderException e) {
      throw new IllegalStateException("GreenMail has no INBOX for " + user.getEmail(), e);
    }
  }

  private static void addChildren(
      Store store,
      GreenMailUser user,
      MailFolder parent,
      List<String> path,
      List<UserFolder> into) {
    List<MailFolder> children = new ArrayList<>(store.getChildren(parent));
    children.sort(Comparator.comparing(MailFolder::getName));
    for (MailFolder child : children) {
      List<String> childPath = new ArrayList<>(path);
      childPath.add(child.getName());
      into.add(new UserFolder(user, childPath, child));
      addChildren(store, user, child, childPath, into);
    }
  }
}
