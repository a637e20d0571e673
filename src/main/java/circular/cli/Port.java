package circular.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a port option, for {@code preview --port} and {@code sandbox --smtp-port/--imap-port}
 * alike: a whole number up to 65535. A port out of range is said as {@code a port is 1 to 65535,
 * not 70000}.
 */
final class Port {
  private Port() {}

  /** {@code preview --port}: 0 asks for any free port. */
  static final class AnyOrFree implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return parse(value, 0);
    }
  }

  /** {@code sandbox}'s ports, which a mail client is told: never 0. */
  static final class Fixed implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return parse(value, 1);
    }
  }

  /** A port outside the range: a message that needs no "Invalid value for option" before it. */
  static final class OutOfRange extends TypeConversionException {
    OutOfRange(String message) {
      super(message);
    }
  }

  private static int parse(String value, int lowest) {
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "'" + value + "' is not an int"); // as picocli says it of any int
    }
    if (port < lowest || port > 65535) {
      throw new OutOfRange("a port is " + lowest + " to 65535, not " + port);
    }
    return port;
  }
}
