package circular.mailbox;

import java.util.OptionalLong;

/**
 * Where the last scan of each IMAP folder stopped, so that the next lists only what is new: the
 * folder's UIDVALIDITY and the last UID looked at. Whoever scans keeps them (a campaign keeps them
 * in {@code scan-state.csv}); a folder of {@code .eml} files needs none.
 */
public interface Bookmarks {
  /** One folder of one account on one server. */
  record Folder(String server, String user, String folder) {}

  /** How far a folder was scanned, under which UIDVALIDITY. */
  record Mark(long uidValidity, long lastUid) {}

  /** The last UID scanned in the folder, if it was scanned under this UIDVALIDITY. */
  OptionalLong lastUid(Folder folder, long uidValidity);

  /** Records that the folder has been scanned this far. */
  void mark(Folder folder, Mark mark);
}
