/**
 * The sandbox: an embedded GreenMail SMTP/IMAP server on loopback, the default mail server, whose
 * mailboxes are kept as {@code .eml} files so that they outlive the process. Used by the command
 * line alone.
 */
package circular.sandbox;
