/**
 * Who answered a campaign: the scan that turns mailboxes into {@code responses.csv} ({@link
 * circular.replies.ReplyScan}), deciding for each message which delegation it concerns and what it
 * is ({@link circular.replies.Triage}: a reply, an auto-reply, a bounce or unmatched), reading
 * delivery reports in their many dialects ({@link circular.replies.ReportReader}) and out-of-office
 * notices ({@link circular.replies.ReturnDates}), and keeping each reply whole for the digest
 * ({@link circular.replies.ReplyCopies}). Reads mailboxes through {@code circular.mailbox}; builds
 * on the campaign folder of {@code circular.campaign}.
 */
package circular.replies;
