package circular.digest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One reply as the digest shows it: a row of {@code digest.csv}, an article of {@code index.html}.
 *
 * @param id the delegation's id, as the list writes it
 * @param language the delegation's working language, for the page's {@code lang}; may be empty
 * @param folder the delegation's attachment folder, relative to the digest
 * @param from the sender, {@code Name <address>} when the message names them
 * @param text the sender's own words; empty when there are none, or when the message could not be
 *     read
 * @param files the attachments' names in {@code folder}, in the message's order
 * @param problem why the message's text is missing, when it is
 */
record Answer(
    String id,
    String country,
    String language,
    String folder,
    Instant received,
    String from,
    String subject,
    String text,
    List<String> files,
    Optional<String> problem) {

  Answer {
    files = List.copyOf(files);
  }
}
