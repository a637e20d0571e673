package circular.replies;

import circular.InputException;
import circular.Problem;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the office's copies of its letters, {@code letters/<letter>/<id>.eml}, tell a scan: every
 * subject sent (in every language), the office's own addresses, and each delegation's addresses as
 * the letters were really addressed. Only headers are read.
 *
 * @param subjects every subject sent, as written
 * @param office the addresses letters came from or asked replies to go to (From, Reply-To, Sender),
 *     and those every copy of a letter was copied to: the office's, not a delegation's
 * @param addresses each recipient id's To and Cc addresses
 */
record LetterCopies(Set<String> subjects, Set<String> office, Map<String, Set<String>> addresses) {

  static LetterCopies none() {
    return new LetterCopies(Set.of(), Set.of(), Map.of());
  }

  static LetterCopies read(Path letters) {
    if (!Files.isDirectory(letters)) {
      return none();
    }
    Set<String> subjects = new LinkedHashSet<>();
    Set<String> office = new HashSet<>();
    Map<String, Set<String>> addresses = new HashMap<>();
    Map<Path, Set<String>> copiedOnEvery = new HashMap<>();
    Map<Path, Integer> copies = new HashMap<>();
    for (Path copy : emlFiles(letters)) {
      InternetHeaders headers = headers(copy);
      String subject = headers.getHeader("Subject", " ");
      if (subject != null) {
        subjects.add(decoded(subject));
      }
      for (String name : List.of("From", "Reply-To", "Sender")) {
        office.addAll(addresses(headers.getHeader(name, ",")));
      }
      Set<String> to = new HashSet<>(addresses(headers.getHeader("To", ",")));
      to.addAll(addresses(headers.getHeader("Cc", ",")));
      String name = copy.getFileName().toString();
      addresses
          .computeIfAbsent(name.substring(0, name.length() - ".eml".length()), k -> new HashSet<>())
          .addAll(to);
      copiedOnEvery.merge(
          copy.getParent(),
          to,
          (a, b) -> {
            a.retainAll(b);
            return a;
          });
      copies.merge(copy.getParent(), 1, Integer::sum);
    }
    copiedOnEvery.forEach(
        (letter, every) -> {
          if (copies.get(letter) > 1) {
            office.addAll(every);
          }
        });
    return new LetterCopies(subjects, office, addresses);
  }

  private static List<Path> emlFiles(Path letters) {
    try (Stream<Path> files = Files.walk(letters)) {
      return files
          .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InputException(
          Problem.in(letters, "cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
  }

  private static InternetHeaders headers(Path copy) {
    try (InputStream in = Files.newInputStream(copy)) {
      return new InternetHeaders(in);
    } catch (IOException | MessagingException e) {
      throw new InputException(Problem.in(copy, "cannot be read as a message: " + e.getMessage()));
    }
  }

  private static String decoded(String value) {
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(value));
    } catch (UnsupportedEncodingException e) {
      return value;
    }
  }

  private static List<String> addresses(String value) {
    List<String> found = new ArrayList<>();
    if (value == null) {
      return found;
    }
    try {
      for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
        if (a.getAddress() != null && a.getAddress().indexOf('@') > 0) {
          found.add(a.getAddress().toLowerCase(Locale.ROOT));
        }
      }
    } catch (AddressException e) {
      // the office's own copy: written by us, so well-formed; nothing to add if it is not
    }
    return found;
  }
}
