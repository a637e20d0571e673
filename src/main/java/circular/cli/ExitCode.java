package circular.cli;

/**
 * The exit statuses, fixed for scripts: 0 all done; 1 some letters failed, were deferred, are in
 * doubt or reached only some of their addresses, or the server stopped the run (its letters not
 * sent are as good as deferred); 2 bad input or usage, and then nothing was sent; 70 an internal
 * error, a bug in circular (70 is {@code EX_SOFTWARE} of BSD's sysexits.h), so that a script can
 * tell a crash from a deferral.
 */
public final class ExitCode {
  public static final int DONE = 0;
  public static final int SOME_FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL_ERROR = 70;

  private ExitCode() {}
}
