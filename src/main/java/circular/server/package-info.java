/**
 * What sending (SMTP, {@code circular.mail}) and reading (IMAP, {@code circular.mailbox}) share
 * about mail servers: their addresses ({@link circular.server.ServerUrl}), the login and where its
 * secret comes from ({@link circular.server.Login}), the certificate a test server is trusted by
 * ({@link circular.server.TrustFile}), why a connection failed in the user's words ({@link
 * circular.server.ConnectFailure}), and the Message-IDs that tie a reply to its letter ({@link
 * circular.server.MessageId}). Depends on nothing else of circular but its input errors.
 */
package circular.server;
