package circular.mail;

/**
 * Names Jakarta Mail's stream provider once for the whole process. Jakarta Mail 2.1 looks it up on
 * every encoding and decoding ({@code StreamProvider.provider()}): without a name, through a {@link
 * java.util.ServiceLoader} scan of the class path, which reads {@code META-INF/services} out of the
 * jar each time and cost more than the rest of encoding a letter. With the system property the
 * lookup is a class instantiation.
 */
public final class MailStreams {
  static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

  private MailStreams() {}

  /** Names Angus's provider, the one the service file names, unless something else was named. */
  public static void install() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, ANGUS);
    }
  }
}
