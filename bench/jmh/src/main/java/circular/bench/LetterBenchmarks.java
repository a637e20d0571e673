package circular.bench;

import circular.letters.Letter;
import circular.letters.LetterTemplate;
import circular.mail.MessageBuilder;
import circular.recipients.Recipient;
import circular.recipients.RecipientReader;
import circular.server.MessageId;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One letter's costs, each on its own: rendering (HTML and text from letter.txt; HTML with the text
 * derived from it), building the MIME message, and encoding it to bytes. The fixtures are those of
 * {@code bench/src/Fixture.java} under {@code target/bench}, or {@code -Dbench.root=DIR}. There is
 * no PDF benchmark: {@code circular.letters} has no PDF renderer in this tree.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class LetterBenchmarks {
  private LetterTemplate withText;
  private LetterTemplate htmlOnly;
  private List<Recipient> recipients;
  private MessageBuilder builder;
  private Letter letter;
  private MimeMessage built;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws MessagingException {
    Path root = Path.of(System.getProperty("bench.root", "target/bench"));
    withText = LetterTemplate.load(root.resolve("letters/bench-letter"));
    htmlOnly = LetterTemplate.load(root.resolve("letters/bench-letter-html"));
    recipients =
        new RecipientReader()
            .read(root.resolve("recipients-10000.csv"))
            .recipients()
            .subList(0, 100);
    builder = new MessageBuilder(Session.getInstance(new Properties()));
    letter = withText.render(recipients.get(3)); // a French one: encoded words and quoted-printable
    built =
        builder.build(letter, MessageId.create(letter.from().address()).text(), Optional.empty());
  }

  private Recipient nextRecipient() {
    next = (next + 1) % recipients.size();
    return recipients.get(next);
  }

  /** letter.html and letter.txt through Thymeleaf, and the subject. */
  @Benchmark
  public Letter renderHtmlAndText() {
    return withText.render(nextRecipient());
  }

  /** letter.html through Thymeleaf, its plain text derived from the HTML (no letter.txt). */
  @Benchmark
  public Letter renderHtmlDerivedText() {
    return htmlOnly.render(nextRecipient());
  }

  /** The MIME message of a rendered letter: headers, text and HTML alternatives, saveChanges. */
  @Benchmark
  public MimeMessage buildMessage() throws MessagingException {
    return builder.build(letter, "<bench.1@mission-coordinator.example>", Optional.empty());
  }

  /** The letter printed as an A4 PDF (openhtmltopdf, DejaVu fonts registered once per JVM). */
  @Benchmark
  public byte[] renderPdf() {
    return withText.pdf(letter);
  }

  /**
   * The letter built and encoded in one step, as sending does now (MimeWriter: the same bytes as
   * buildMessage followed by encodeMessage).
   */
  @Benchmark
  public byte[] writeMessage() throws MessagingException {
    return builder
        .encode(letter, "<bench.1@mission-coordinator.example>", Optional.empty())
        .bytes();
  }

  /** A built message written out as the server receives it (quoted-printable, encoded words). */
  @Benchmark
  public byte[] encodeMessage() throws MessagingException, IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 13);
    built.writeTo(out);
    return out.toByteArray();
  }
}
