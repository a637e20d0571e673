package circular.replies;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Domains anyone can have an address at (Gmail, Outlook.com, Yahoo, GMX, Orange…): two people there
 * have nothing in common, so such a domain never ties a message to a delegation. The list is data,
 * {@code public-mail-providers.txt}: one domain a line, {@code hotmail.*} for every country's
 * domain of a provider. Immutable.
 *
 * <pre>{@code PublicProviders.standard().isPublic("someone@hotmail.co.uk")  // true}</pre>
 */
public final class PublicProviders {
  private final Set<String> exact;
  private final List<String> prefixes;

  private PublicProviders(Collection<String> patterns) {
    Set<String> exact = new LinkedHashSet<>();
    List<String> prefixes = new ArrayList<>();
    for (String raw : patterns) {
      String p = raw.strip().toLowerCase(Locale.ROOT);
      if (p.isEmpty() || p.startsWith("#")) {
        continue;
      }
      if (p.endsWith(".*")) {
        prefixes.add(p.substring(0, p.length() - 1));
      } else {
        exact.add(p);
      }
    }
    this.exact = Set.copyOf(exact);
    this.prefixes = List.copyOf(prefixes);
  }

  /** The providers named in {@code public-mail-providers.txt}. */
  public static PublicProviders standard() {
    try (InputStream in = PublicProviders.class.getResourceAsStream("public-mail-providers.txt")) {
      if (in == null) {
        throw new IllegalStateException("public-mail-providers.txt is missing from the build");
      }
      List<String> lines = new ArrayList<>();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        reader.lines().forEach(lines::add);
      }
      return new PublicProviders(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Exactly these patterns ({@code example.org}, {@code hotmail.*}). */
  public static PublicProviders of(Collection<String> patterns) {
    return new PublicProviders(patterns);
  }

  /** These providers and {@code more}: a site's own webmail, or a test domain. */
  public PublicProviders plus(String... more) {
    List<String> all = new ArrayList<>(exact);
    prefixes.forEach(p -> all.add(p + "*"));
    all.addAll(List.of(more));
    return new PublicProviders(all);
  }

  /**
   * Whether the domain of {@code addressOrDomain} (an address, or a domain alone) is a provider's.
   */
  public boolean isPublic(String addressOrDomain) {
    String domain =
        addressOrDomain.substring(addressOrDomain.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    if (exact.contains(domain)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (domain.startsWith(prefix) && domain.length() > prefix.length()) {
        return true;
      }
    }
    return false;
  }
}
