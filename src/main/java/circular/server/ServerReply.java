package circular.server;

/**
 * What a server or a socket said, as one short line for the campaign log and for messages to the
 * user: {@code "451-4.7.1 Try later\n451 4.7.1 Greylisted\n"} becomes {@code 451 4.7.1 Try later
 * 4.7.1 Greylisted}. Stateless.
 */
public final class ServerReply {
  private static final int LONGEST = 300;

  private ServerReply() {}

  /** A server's reply, possibly multi-line, as one line. */
  public static String line(String reply) {
    if (reply == null || reply.isBlank()) {
      return "no reply";
    }
    if (isPlainLine(reply)) {
      return reply.strip(); // the usual "250 2.0.0 Ok: queued as …", as the rules below leave it
    }
    StringBuilder out = new StringBuilder();
    String[] lines = reply.strip().split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.matches("\\d{3}[- ].*")) {
        l = i == 0 ? l.substring(0, 3) + " " + l.substring(4) : l.substring(4);
      }
      if (!l.isBlank()) {
        out.append(out.length() == 0 ? "" : " ").append(l.strip());
      }
    }
    return shortened(out.toString());
  }

  /**
   * Whether the reply is one line that the rules of {@link #line} would leave as it is, less its
   * outer spaces: a code and a space, printable ASCII without runs of spaces, short enough. Asked
   * without regular expressions, since every letter's reply is read.
   */
  private static boolean isPlainLine(String reply) {
    String l = reply.strip();
    if (l.length() < 5
        || l.length() > LONGEST
        || l.charAt(3) != ' '
        || !isDigit(l.charAt(0))
        || !isDigit(l.charAt(1))
        || !isDigit(l.charAt(2))) {
      return false;
    }
    for (int i = 4; i < l.length(); i++) {
      char c = l.charAt(i);
      if (c < 0x20 || c >= 0x7f || (c == ' ' && l.charAt(i - 1) == ' ')) {
        return false;
      }
    }
    return l.charAt(4) != ' ';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Why a connection or a handshake failed, from the innermost cause that says something. */
  public static String cause(Throwable t) {
    String said = null;
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        said = c.getMessage();
      }
    }
    if (said == null) {
      return t.getClass().getSimpleName();
    }
    // Angus's word for a connection the server closed.
    return said.strip().equals("[EOF]") ? "the server closed the connection" : shortened(said);
  }

  private static String shortened(String text) {
    String one = text.replaceAll("\\p{Cntrl}", " ").replaceAll(" {2,}", " ").strip();
    return one.length() <= LONGEST ? one : one.substring(0, LONGEST - 1) + "…";
  }
}
