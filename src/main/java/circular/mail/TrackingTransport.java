package circular.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.util.OptionalInt;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, watched at the one point that decides whether a failed letter may be sent
 * again: the final "." of its data. Not thread-safe; one per connection.
 *
 * <p>Why watch rather than read the exceptions: in Angus 2.0.5 the end of data is {@code
 * finishData()}, which writes "." and reads the reply through the private {@code
 * issueSendCommand(".", 250)}. When that reply never comes, what surfaces is not always
 * recognisable. A read timeout gives {@code MessagingException("Exception reading response")} with
 * a {@code SocketTimeoutException} and last return code 0, exactly as a timeout after RCPT does; an
 * EOF gives {@code SMTPSendFailedException} for "." with code -1, unless the RSET that Angus sends
 * next fails to write, and then a bare "Can't send command" escapes instead. So the protected hooks
 * Angus offers subclasses record the phase: {@link #finishData} marks that the end of data is going
 * out, and {@link #readServerResponse} keeps the first reply read after it, which is the server's
 * verdict on the letter. Angus does no pipelining and we never enable CHUNKING, so that reply can
 * be nothing else.
 *
 * <p>The same hook holds each letter's {@link Gate}: nothing of the "." is written until the gate
 * lets the letter pass. A gate that fails leaves the letter unfinished: the exception goes to
 * Angus, which drops the connection without another byte, and {@link #gateFailure} keeps it.
 */
final class TrackingTransport extends SMTPTransport {
  private boolean open;
  private boolean endOfDataSent;
  private int endOfDataCode;
  private String endOfDataReply;
  private Gate gate = Gate.OPEN;
  private IOException gateFailure;

  TrackingTransport(Session session, String protocol, boolean tls) {
    super(session, new URLName(protocol, null, -1, null, null, null), protocol, tls);
  }

  /** Sends the letter, its end of data held back until {@code before} lets it pass. */
  synchronized void sendMessage(Message message, Address[] addresses, Gate before)
      throws MessagingException {
    gate = before;
    try {
      sendMessage(message, addresses);
    } finally {
      gate = Gate.OPEN;
    }
  }

  @Override
  public synchronized void sendMessage(Message message, Address[] addresses)
      throws MessagingException {
    endOfDataSent = false;
    endOfDataCode = 0;
    endOfDataReply = null;
    gateFailure = null;
    super.sendMessage(message, addresses);
  }

  @Override
  protected void finishData() throws IOException, MessagingException {
    passGate();
    // Marked before anything is written: once any byte of the final "." may have left, a lost
    // connection means the server may hold the letter.
    endOfDataSent = true;
    super.finishData();
  }

  @Override
  protected void finishBdat() throws IOException, MessagingException {
    passGate();
    endOfDataSent = true;
    super.finishBdat();
  }

  private void passGate() throws IOException {
    try {
      gate.pass();
    } catch (IOException e) {
      gateFailure = e;
      throw e;
    }
  }

  @Override
  protected int readServerResponse() throws MessagingException {
    int code = super.readServerResponse();
    if (endOfDataSent && endOfDataReply == null) {
      endOfDataCode = code;
      endOfDataReply = getLastServerResponse();
    }
    return code;
  }

  @Override
  protected synchronized void setConnected(boolean connected) {
    super.setConnected(connected);
    open = connected;
  }

  /**
   * Whether the connection is still open as far as Angus knows, without asking the server ({@link
   * #isConnected()} sends a NOOP).
   */
  synchronized boolean open() {
    return open;
  }

  /**
   * Why the last letter's gate did not let it pass, if it did not: its end of data never went out.
   */
  synchronized IOException gateFailure() {
    return gateFailure;
  }

  /** Whether the last letter's end of data has begun to go out. */
  synchronized boolean endOfDataSent() {
    return endOfDataSent;
  }

  /** The server's reply code to the last letter's end of data, if a reply was read at all. */
  synchronized OptionalInt endOfDataCode() {
    return endOfDataReply == null || endOfDataCode < 200
        ? OptionalInt.empty()
        : OptionalInt.of(endOfDataCode);
  }

  /** The server's reply to the last letter's end of data, when {@link #endOfDataCode} has one. */
  synchronized String endOfDataReply() {
    return endOfDataReply == null ? "" : endOfDataReply;
  }
}
