package circular.mail;

import circular.server.ServerReply;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What one try at sending a letter came to, address by address, and whether its connection can
 * serve the next letter. Immutable.
 *
 * <p>How a failure is read (Angus 2.0.5, {@code mail.smtp.sendpartial=true}):
 *
 * <ol>
 *   <li>Each address the server refused at RCPT TO is an {@link SMTPAddressFailedException} in the
 *       exception's chain, with the server's code: 5xx rejects that address for good, 4xx turns it
 *       away for now. With other addresses accepted, Angus sends the letter to those and only then
 *       throws.
 *   <li>If the final "." had begun to go out ({@link TrackingTransport#endOfDataSent()}), the
 *       server's reply to it decides for the addresses it accepted: 2xx delivered, 4xx/5xx not
 *       taken (RFC 5321 4.2.5: the server takes responsibility only with its 2xx). No reply at all
 *       (a timeout, the connection closed, garbage) means the server may have the letter: <em>in
 *       doubt</em>, never retried.
 *   <li>Before the ".", nothing can have been taken. A 4xx/5xx reply to MAIL FROM or DATA ({@link
 *       SMTPSendFailedException} with the code) is for every address; anything else (an EOF, code
 *       -1; a {@code SocketException} or {@code SocketTimeoutException} as cause) is a lost
 *       connection, safe to try again on a new one.
 *   <li>421 is the server closing the connection: a 4xx, and the connection is dropped.
 * </ol>
 */
record Attempt(Map<InternetAddress, Result> results, boolean dropConnection) {

  enum Verdict {
    DELIVERED,
    REJECTED,
    TEMPORARY,
    IN_DOUBT
  }

  /** One address's verdict, with the reply or reason as one line. */
  record Result(Verdict verdict, String reply) {}

  Attempt {
    results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
  }

  static Attempt delivered(List<InternetAddress> to, String reply) {
    return all(to, Verdict.DELIVERED, reply, false);
  }

  /** No transaction at all: the connection could not be (re)made. */
  static Attempt notConnected(List<InternetAddress> to, String reason) {
    return all(to, Verdict.TEMPORARY, reason, true);
  }

  static Attempt of(
      MessagingException failure, List<InternetAddress> to, TrackingTransport transport) {
    Map<InternetAddress, Result> results = new LinkedHashMap<>();
    boolean drop = false;
    int depth = 0;
    for (Throwable c = failure; c != null && depth < 100; c = c.getCause(), depth++) {
      if (c instanceof SMTPAddressFailedException refused && to.contains(refused.getAddress())) {
        int code = refused.getReturnCode();
        if (isReply(code)) {
          Verdict verdict = code >= 500 ? Verdict.REJECTED : Verdict.TEMPORARY;
          results.putIfAbsent(
              refused.getAddress(), new Result(verdict, ServerReply.line(refused.getMessage())));
        }
        drop |= !isReply(code) || code == 421;
      }
      drop |= c instanceof IOException;
    }
    List<InternetAddress> rest = to.stream().filter(a -> !results.containsKey(a)).toList();
    if (transport.endOfDataSent()) {
      OptionalInt code = transport.endOfDataCode();
      String reply = ServerReply.line(transport.endOfDataReply());
      if (code.isPresent() && code.getAsInt() < 300) {
        put(results, rest, Verdict.DELIVERED, reply);
      } else if (code.isPresent() && isReply(code.getAsInt())) {
        put(results, rest, code.getAsInt() >= 500 ? Verdict.REJECTED : Verdict.TEMPORARY, reply);
        drop |= code.getAsInt() == 421;
      } else {
        put(
            results,
            rest,
            Verdict.IN_DOUBT,
            "no reply after the letter's data was sent ("
                + (code.isPresent() ? reply : ServerReply.cause(failure))
                + "); the server may have it");
        drop = true;
      }
    } else if (failure instanceof SMTPSendFailedException refused
        && isReply(refused.getReturnCode())) {
      int c = refused.getReturnCode();
      put(
          results,
          rest,
          c >= 500 ? Verdict.REJECTED : Verdict.TEMPORARY,
          ServerReply.line(refused.getMessage()));
      drop |= c == 421;
    } else if (!rest.isEmpty()) {
      put(
          results,
          rest,
          Verdict.TEMPORARY,
          "the connection was lost before the letter was complete ("
              + ServerReply.cause(failure)
              + ")");
      drop = true;
    }
    return new Attempt(results, drop);
  }

  private static boolean isReply(int code) {
    return code >= 400 && code <= 599;
  }

  private static Attempt all(
      List<InternetAddress> to, Verdict verdict, String reply, boolean drop) {
    Map<InternetAddress, Result> results = new LinkedHashMap<>();
    put(results, to, verdict, reply);
    return new Attempt(results, drop);
  }

  private static void put(
      Map<InternetAddress, Result> results,
      List<InternetAddress> to,
      Verdict verdict,
      String reply) {
    for (InternetAddress a : to) {
      results.put(a, new Result(verdict, reply));
    }
  }
}
