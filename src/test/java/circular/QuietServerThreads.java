package circular;

import java.net.SocketException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the output of {@code mvn verify} for real failures. A GreenMail connection thread ends with
 * a stack trace whenever a test's client goes away on purpose: it refuses the server's certificate,
 * or a run is killed mid-letter. Such an end (on a GreenMail connection thread, caused by the
 * connection closing, its TLS failing or a letter's data ending without its final ".") is not
 * printed; every other uncaught exception is, as the JVM would. Registered for every test class
 * through {@code junit-platform.properties}.
 */
public final class QuietServerThreads implements BeforeAllCallback {
  /**
   * GreenMail names a connection's thread after its server and the client: {@code
   * smtps:127.0.0.1:41167<-/127.0.0.1:56126}.
   */
  private static final Pattern CONNECTION_THREAD =
      Pattern.compile("(smtp|smtps|imap|imaps|pop3|pop3s):.*<-.*");

  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  @Override
  public void beforeAll(ExtensionContext context) {
    if (INSTALLED.compareAndSet(false, true)) {
      Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
      Thread.setDefaultUncaughtExceptionHandler(
          (thread, e) -> {
            if (CONNECTION_THREAD.matcher(thread.getName()).matches() && clientWentAway(e)) {
              return;
            }
            if (before != null) {
              before.uncaughtException(thread, e);
            } else {
              System.err.print("Exception in thread \"" + thread.getName() + "\" ");
              e.printStackTrace(System.err);
            }
          });
    }
  }

  private static boolean clientWentAway(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SSLException || c instanceof SocketException || endedMidLetter(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * GreenMail's SMTP server reading a letter's DATA when the client's connection closes before its
   * final "." (a run killed mid-letter): an {@code IllegalStateException} from its connection.
   */
  private static boolean endedMidLetter(Throwable c) {
    return c instanceof IllegalStateException
        && c.getMessage() != null
        && c.getMessage().startsWith("Unexpected end of stream")
        && c.getStackTrace().length > 0
        && c.getStackTrace()[0].getClassName().startsWith("com.icegreen.greenmail.");
  }
}
