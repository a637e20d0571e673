package circular.letters;

/**
 * A file the engine made for one letter and sends with it, held in memory: the letter printed as a
 * PDF. Immutable in use: nothing writes to {@code content} after it is made.
 *
 * @param fileName the name the delegation sees, e.g. {@code 2012-03-22-nim-invitation-AUT.pdf}
 * @param contentType a MIME type, e.g. {@code application/pdf}
 */
public record Enclosure(String fileName, String contentType, byte[] content) {
  public Enclosure {
    if (fileName.isBlank()
        || fileName.contains("/")
        || fileName.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("not a file name: " + fileName);
    }
  }

  public static Enclosure pdf(String fileName, byte[] content) {
    return new Enclosure(fileName, "application/pdf", content);
  }
}
