package circular.replies;

import circular.campaign.Campaign;
import circular.campaign.SentLog;
import circular.campaign.SentRow;
import circular.campaign.Status;
import circular.recipients.Recipient;
import circular.recipients.RecipientList;
import circular.server.MessageId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a scan knows of the campaign, to tie a message to a delegation: every Message-ID sent
 * (reminders included; test letters apart), every delegation's addresses and domains, every subject
 * sent in every language, and the office's own addresses (those test letters went to among them).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * CampaignIndex index = CampaignIndex.read(campaign, recipientList);  // or read(campaign)
 * }</pre>
 */
public final class CampaignIndex {
  private final Map<String, String> letters = new HashMap<>();
  private final Map<String, Set<String>> byAddress = new HashMap<>();
  private final Map<String, Set<String>> byDomain = new HashMap<>();
  private final Set<String> subjects = new HashSet<>();
  private final Set<String> office = new HashSet<>();
  private final Set<String> tests = new HashSet<>();
  private final PublicProviders providers;
  private final Optional<Instant> start;

  private CampaignIndex(
      List<SentRow> sent,
      Collection<Recipient> recipients,
      LetterCopies copies,
      PublicProviders providers) {
    this.providers = providers;
    Instant first = null;
    for (SentRow row : sent) {
      if (row.status() == Status.TEST) {
        // a test letter went to the office, not to the delegation it was written for
        MessageId.parse(row.messageId()).ifPresent(id -> tests.add(id.key()));
        for (String address : row.email().split(";")) {
          office.add(address.strip().toLowerCase(Locale.ROOT));
        }
        continue;
      }
      MessageId.parse(row.messageId())
          .ifPresent(id -> letters.putIfAbsent(id.key(), row.recipientId()));
      for (String address : row.email().split(";")) {
        add(row.recipientId(), address);
      }
      first = first == null || row.time().isBefore(first) ? row.time() : first;
    }
    this.start = Optional.ofNullable(first);
    for (Recipient recipient : recipients) {
      recipient.allAddresses().forEach(a -> add(recipient.id(), a));
    }
    copies.addresses().forEach((id, addresses) -> addresses.forEach(a -> add(id, a)));
    copies.subjects().forEach(s -> subjects.add(Subjects.key(s)));
    subjects.remove("");
    office.addAll(copies.office());
  }

  /**
   * The campaign as its folder records it: {@code sent.csv} and the copies in {@code letters/},
   * whose To and Cc give each delegation's addresses as the letters were sent.
   */
  public static CampaignIndex read(Campaign campaign) {
    return read(campaign, Optional.empty(), PublicProviders.standard());
  }

  /** The campaign folder, and the recipient list's {@code email} and {@code cc} addresses too. */
  public static CampaignIndex read(Campaign campaign, RecipientList recipients) {
    return read(campaign, Optional.of(recipients), PublicProviders.standard());
  }

  public static CampaignIndex read(
      Campaign campaign, Optional<RecipientList> recipients, PublicProviders providers) {
    return new CampaignIndex(
        SentLog.read(campaign.sentLog()),
        recipients.map(RecipientList::recipients).orElse(List.of()),
        LetterCopies.read(campaign.letters()),
        providers);
  }

  /** An index of exactly these facts, for tests and tools that hold them already. */
  public static CampaignIndex of(
      List<SentRow> sent,
      Collection<Recipient> recipients,
      Collection<String> subjects,
      Collection<String> officeAddresses,
      PublicProviders providers) {
    Set<String> office = new HashSet<>();
    officeAddresses.forEach(a -> office.add(a.toLowerCase(Locale.ROOT)));
    return new CampaignIndex(
        sent, recipients, new LetterCopies(Set.copyOf(subjects), office, Map.of()), providers);
  }

  private void add(String recipientId, String address) {
    String a = address.strip().toLowerCase(Locale.ROOT);
    int at = a.lastIndexOf('@');
    if (at <= 0 || recipientId.isBlank()) {
      return;
    }
    byAddress
        .computeIfAbsent(a, k -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER))
        .add(recipientId);
    byDomain
        .computeIfAbsent(a.substring(at + 1), k -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER))
        .add(recipientId);
  }

  /** How many letters (Message-IDs) the campaign sent. */
  public int letterCount() {
    return letters.size();
  }

  /** When the first letter went out (nothing older can answer it); empty before any was sent. */
  Optional<Instant> start() {
    return start;
  }

  /** The delegation whose letter the first of {@code ids} that we sent is. */
  Optional<String> byThread(List<String> ids) {
    return ids.stream()
        .map(id -> letters.get(new MessageId(id).key()))
        .filter(r -> r != null)
        .findFirst();
  }

  /**
   * Whether one of {@code ids} is a test letter's ({@code --test-to}): a message that answers or
   * returns one is the office's own trial, though the test of a reminder names the delegation's
   * letter in its References.
   */
  boolean anyTest(List<String> ids) {
    return ids.stream().anyMatch(id -> tests.contains(new MessageId(id).key()));
  }

  /** Whether the message is one of our own letters (a copy that came back to a mailbox). */
  boolean isOurLetter(String messageId) {
    return letters.containsKey(new MessageId(messageId).key());
  }

  /** The one delegation {@code address} belongs to; empty if none, or if several share it. */
  Optional<String> byAddress(String address) {
    return only(byAddress.get(address.toLowerCase(Locale.ROOT)));
  }

  /** The one delegation using the address's domain, unless the domain is a public provider's. */
  Optional<String> byDomain(String address) {
    if (providers.isPublic(address)) {
      return Optional.empty();
    }
    String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    return only(byDomain.get(domain));
  }

  /**
   * Whether the address is the office's own (and not one delegation's): its mail is not a response.
   */
  boolean isOffice(String address) {
    return office.contains(address.toLowerCase(Locale.ROOT)) && byAddress(address).isEmpty();
  }

  /** Whether a subject, stripped of Re:, Fwd:, auto-reply and bounce prefixes, is one we sent. */
  boolean answersLetter(String subject) {
    return subjects.contains(Subjects.key(subject));
  }

  private static Optional<String> only(Set<String> ids) {
    return ids != null && ids.size() == 1 ? Optional.of(ids.iterator().next()) : Optional.empty();
  }
}
