/**
 * Reading mailboxes, without changing them: an IMAP folder ({@link circular.mailbox.ImapSource}) or
 * a folder of {@code .eml} files ({@link circular.mailbox.EmlFolderSource}), each message's headers
 * fetched in bulk ({@link circular.mailbox.MailHeaders}) and the whole of it only on demand. What
 * the messages mean for a campaign is {@code circular.replies}' business.
 */
package circular.mailbox;
