package circular.mail;

import static org.assertj.core.api.Assertions.assertThat;

import circular.letters.Letter;
import circular.letters.LetterTemplate;
import circular.letters.NamedAddress;
import circular.recipients.Recipient;
import circular.recipients.RecipientReader;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The letters {@link MessageBuilder#encode(Letter, String, Optional)} writes itself are the bytes
 * Jakarta Mail writes for {@link MessageBuilder#build} of the same letter, boundary and date aside.
 */
class MimeWriterTest {
  private static final Session SESSION = Session.getInstance(new Properties());
  private static final MessageBuilder BUILDER = new MessageBuilder(SESSION);
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"([^\"]+)\"");

  /**
   * The message as Jakarta Mail writes it, and as the writer writes it, with boundary and date made
   * alike.
   */
  private static void assertSameBytes(Letter letter, Optional<String> inReplyTo) throws Exception {
    ByteArrayOutputStream jakarta = new ByteArrayOutputStream();
    BUILDER.build(letter, "<id.1@mission.example>", inReplyTo).writeTo(jakarta);
    MessageBuilder.Encoded written = BUILDER.encode(letter, "<id.1@mission.example>", inReplyTo);

    assertThat(comparable(written.bytes())).isEqualTo(comparable(jakarta.toByteArray()));

    // on the wire, Bcc is left out, as Angus asks
    String[] ignored = {"Bcc", "Content-Length"};
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    written.message().writeTo(wire, ignored);
    ByteArrayOutputStream jakartaWire = new ByteArrayOutputStream();
    BUILDER
        .encode(BUILDER.build(letter, "<id.1@mission.example>", inReplyTo))
        .message()
        .writeTo(jakartaWire, ignored);
    assertThat(comparable(wire.toByteArray())).isEqualTo(comparable(jakartaWire.toByteArray()));
    assertThat(written.message().getAllRecipients())
        .containsExactly(BUILDER.build(letter, "<x@y.example>", inReplyTo).getAllRecipients());
    assertThat(written.message().getFrom())
        .containsExactly(BUILDER.build(letter, "<x@y.example>", inReplyTo).getFrom());
  }

  private static String comparable(byte[] message) {
    String s = new String(message, StandardCharsets.ISO_8859_1);
    Matcher boundary = BOUNDARY.matcher(s);
    assertThat(boundary.find()).as("a boundary in\n%s", s).isTrue();
    return s.replace(boundary.group(1), "BOUNDARY")
        .replaceFirst("Date: [^\r]*\r\n", "Date: DATE\r\n");
  }

  private static Letter letter(String text, String html) {
    return letter(
        "Invitation",
        List.of(new NamedAddress("contact@mission.example", "Helen Marsh")),
        List.of(NamedAddress.of("a@fra.example")),
        List.of(),
        List.of(),
        text,
        html);
  }

  private static Letter letter(
      String subject,
      List<NamedAddress> replyTo,
      List<NamedAddress> to,
      List<NamedAddress> cc,
      List<NamedAddress> bcc,
      String text,
      String html) {
    Recipient recipient =
        new Recipient(
            "FRA", List.of(to.get(0).address()), List.of(), List.of(), Map.of("id", "FRA"), 2);
    return new Letter(
        "invitation",
        recipient,
        "fr",
        subject,
        new NamedAddress(
            "office@mission.example", "Coordinatrice pour les mesures nationales d'application"),
        replyTo,
        to,
        cc,
        bcc,
        text,
        html,
        List.of());
  }

  @Test
  void everySampleLetterToEveryDelegationIsWrittenAsJakartaMailWritesIt() throws Exception {
    List<Path> folders;
    try (Stream<Path> list = Files.list(Path.of("letter-templates"))) {
      folders = list.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(folders).isNotEmpty();
    List<Recipient> delegations =
        new RecipientReader().read(Path.of("recipients/ccm-states-parties-2012.csv")).recipients();
    int letters = 0;
    for (Path folder : folders) {
      LetterTemplate template = LetterTemplate.load(folder);
      for (Recipient delegation : delegations) {
        if (template.languageProblem(delegation.language()).isEmpty()) {
          assertSameBytes(
              template.render(delegation),
              Optional.of("<original." + delegation.id() + "@mission.example>"));
          letters++;
        }
      }
    }
    assertThat(letters).isGreaterThanOrEqualTo(70);
  }

  @Test
  void headersWithEveryKindOfAddressAndALongSubjectAreTheSame() throws Exception {
    List<NamedAddress> many = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      many.add(
          new NamedAddress(
              "delegation" + i + "@mission-" + i + ".example",
              i % 2 == 0 ? "" : "Délégation n° " + i));
    }
    assertSameBytes(
        letter(
            "Réunions intersessionnelles, Genève, 16–19 avril 2012 : mesures nationales d'application (Côte d'Ivoire) — rappel",
            List.of(
                new NamedAddress("contact@mission.example", "Hélène Marsh"),
                NamedAddress.of("archive@mission.example")),
            many,
            many.subList(0, 5),
            List.of(
                NamedAddress.of("bcc@mission.example"),
                new NamedAddress("b2@mission.example", "Bureau, Genève")),
            "Excellence,\n",
            "<p>Excellence,</p>"),
        Optional.of("<original@mission.example>"));
    assertSameBytes(
        letter(
            "Plain",
            List.of(),
            List.of(NamedAddress.of("a@fra.example")),
            List.of(),
            List.of(),
            "x",
            "y"),
        Optional.empty());
  }

  @Test
  void bodiesInEachTransferEncodingAreTheSame() throws Exception {
    List<String> bodies =
        new ArrayList<>(
            List.of(
                "",
                "Excellence,\n",
                "Excellence, \nline two\t \nééé = x  \n ",
                "ends with a space ",
                "ends with a tab\t",
                "crlf\r\nlone cr\rlone lf\n\r\n\n",
                "=".repeat(40) + "\n" + "=".repeat(100),
                "a".repeat(75)
                    + "\n"
                    + "a".repeat(76)
                    + "\n"
                    + "a".repeat(77)
                    + "\n"
                    + "é".repeat(40)
                    + "\n",
                "x".repeat(998) + "\n" + "x".repeat(999),
                "Пояснительная записка о национальных мерах по осуществлению",
                "Пояснительная записка",
                "بيان بشأن تدابير التنفيذ الوطنية",
                "日本語のテキスト",
                "mixed: Ж and z ".repeat(30),
                "control \u0001 and delete \u007f"));
    for (int n = 0; n < 200; n++) { // lengths around every base64 line end
      bodies.add("ж".repeat(n));
    }
    Random random = new Random(42);
    String alphabet = " \t\r\n=a-zé€Ж.";
    for (int n = 0; n < 300; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(400);
      for (int i = 0; i < length; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      bodies.add(s.toString());
    }
    for (String body : bodies) {
      assertSameBytes(letter(body, "<p>" + body + "</p>"), Optional.empty());
    }
  }

  @Test
  void foldIsJakartaMailsFold() {
    Random random = new Random(7);
    String alphabet = "  \tabcdefghij=?_.é";
    for (int n = 0; n < 3000; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(260);
      for (int i = 0; i < length; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      int used = random.nextInt(20);
      assertThat(MimeWriter.fold(used, s.toString()))
          .as("fold(%d, '%s')", used, s)
          .isEqualTo(MimeUtility.fold(used, s.toString()));
    }
    assertThat(MimeWriter.fold(9, "a\r\n b")).isEqualTo(MimeUtility.fold(9, "a\r\n b"));
  }

  @Test
  void aLetterWithFilesStillGoesThroughJakartaMail() throws Exception {
    Path annex = Files.createTempFile("annex", ".txt");
    Files.writeString(annex, "annex");
    Letter base = letter("Excellence,\n", "<p>Excellence,</p>");
    Letter withFile =
        new Letter(
            base.name(),
            base.recipient(),
            base.language(),
            base.subject(),
            base.from(),
            base.replyTo(),
            base.to(),
            base.cc(),
            base.bcc(),
            base.text(),
            base.html(),
            List.of(annex));

    MimeMessage message =
        BUILDER.encode(withFile, "<id.2@mission.example>", Optional.empty()).message();

    assertThat(message).isNotInstanceOf(WrittenMessage.class);
    assertThat(message.getContentType()).startsWith("multipart/mixed");
    assertThat(message.getRecipients(RecipientType.TO)).hasSize(1);
    Files.delete(annex);
  }
}
