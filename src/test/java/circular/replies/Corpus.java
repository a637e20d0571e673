package circular.replies;

import circular.campaign.Campaign;
import circular.recipients.RecipientReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The test mailbox corpus in {@code src/test/resources/mailbox/}: a campaign that sent the 22 March
 * letter to eleven delegations (and reminders to two), the contact's INBOX and Archive folders, and
 * the sender's INBOX, where out-of-office replies and bounces land. {@code webmail.example} stands
 * for a public mail provider.
 */
final class Corpus {
  static final String CONTACT = "nim-contact@mission-coordinator.example";
  static final String SENDER = "nim-coordinator@mission-coordinator.example";

  private Corpus() {}

  static Path root() {
    try {
      return Path.of(Corpus.class.getResource("/mailbox").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of the campaign folder (sent.csv, letters/) in {@code dir}, to scan into. */
  static Campaign campaignIn(Path dir) {
    Path source = root().resolve("campaign");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = dir.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Campaign(dir);
  }

  static CampaignIndex index(Campaign campaign) {
    return CampaignIndex.read(
        campaign,
        Optional.of(new RecipientReader().read(root().resolve("recipients.csv"))),
        PublicProviders.standard().plus("webmail.example"));
  }

  /**
   * A folder of the corpus: {@code contact/INBOX}, {@code contact/Archive}, {@code sender/INBOX}.
   */
  static Path folder(String name) {
    return root().resolve(name);
  }

  static List<Path> messages(String folder) {
    try (Stream<Path> files = Files.list(folder(folder))) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What responses.csv must hold after scanning contact/INBOX, contact/Archive, sender/INBOX. */
  static String expectedResponses() {
    try {
      return Files.readString(root().resolve("expected-responses.csv"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
