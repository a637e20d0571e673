package circular.digest;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names that a sender chose, made safe to write on any system: the last segment of a path only
 * (no {@code /} or {@code \}), no control characters or characters Windows refuses, no leading dot
 * (no hidden file, no {@code ..}), no trailing dot or space, no device name such as {@code CON}, at
 * most 200 bytes. Otherwise the name stays as sent, accents and all. Stateless.
 */
final class FileNames {
  private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}<>:\"|?*\u2028\u2029]");
  private static final Set<String> DEVICES =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
          "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
  private static final int MAX_BYTES = 200;

  private FileNames() {}

  /** {@code name} made safe; {@code fallback} when nothing of it is left. */
  static String safe(String name, String fallback) {
    String last =
        name == null
            ? ""
            : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    String clean =
        UNSAFE.matcher(Normalizer.normalize(last, Normalizer.Form.NFC)).replaceAll("_").strip();
    clean = clean.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
    if (clean.isEmpty()) {
      return fallback;
    }
    if (DEVICES.contains(stem(clean).toLowerCase(Locale.ROOT))) {
      clean = "_" + clean;
    }
    return shortened(clean);
  }

  /**
   * The name in ASCII, accents dropped ({@code état} → {@code etat}) and other letters replaced by
   * {@code _}: for a system whose file names cannot hold the name as sent (Java under a {@code C}
   * locale encodes file names in ASCII).
   */
  static String ascii(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return plain.replaceAll("[^\\x20-\\x7E]", "_");
  }

  /**
   * The name of the {@code n}th file of this name in a folder: {@code report.pdf}, {@code
   * report-2.pdf}, …
   */
  static String numbered(String name, int n) {
    if (n == 1) {
      return name;
    }
    String stem = stem(name);
    return stem + "-" + n + name.substring(stem.length());
  }

  /**
   * The name without its extension: {@code report} of {@code report.pdf}; a name with no dot is all
   * stem.
   */
  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String shortened(String name) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return name;
    }
    String stem = stem(name);
    String extension = name.substring(stem.length());
    if (extension.length() > 20) {
      extension = "";
      stem = name;
    }
    int budget = MAX_BYTES - extension.getBytes(StandardCharsets.UTF_8).length;
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < stem.length(); ) {
      int c = stem.codePointAt(i);
      String one = new String(Character.toChars(c));
      if (kept.toString().getBytes(StandardCharsets.UTF_8).length
              + one.getBytes(StandardCharsets.UTF_8).length
          > budget) {
        break;
      }
      kept.append(one);
      i += Character.charCount(c);
    }
    return kept.toString().strip() + extension;
  }
}
