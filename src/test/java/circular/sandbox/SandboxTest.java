package circular.sandbox;

import static circular.sandbox.TestMail.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import circular.sandbox.TestMail.Mail;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SandboxTest {
  static final String CONTACT = "raylene.liufalani@nz-mission-geneva.example";
  static final String FRANCE = "delegation@france.example";
  static final String SUBJECT = "Réunion intersessionnelle : rapport d'avancement — 22 mars";

  @TempDir Path dir;

  @Test
  void keepsMailSentOverSmtpAcrossARestart() throws Exception {
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      TestMail.send(
          sandbox.smtpPort(),
          message(
              "<letter-1@circular.example>",
              FRANCE,
              CONTACT,
              SUBJECT,
              "Excellence, première lettre."),
          message(
              "<letter-2@circular.example>",
              FRANCE,
              CONTACT,
              "Second letter",
              "Dear colleague,\nsecond letter."));
    }

    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      assertThat(TestMail.read(sandbox.imapPort(), CONTACT, "INBOX"))
          .extracting(Mail::messageId, Mail::subject, Mail::from, Mail::body)
          .containsExactlyInAnyOrder(
              tuple("<letter-1@circular.example>", SUBJECT, FRANCE, "Excellence, première lettre."),
              tuple(
                  "<letter-2@circular.example>",
                  "Second letter",
                  FRANCE,
                  "Dear colleague,\r\nsecond letter."));
    }
    assertThat(emlFiles(dir.resolve(CONTACT).resolve("INBOX"))).hasSize(2);
  }

  @Test
  void savingAgainWithoutChangeLeavesEveryFileAsItWas() throws Exception {
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      TestMail.send(
          sandbox.smtpPort(),
          message("<a@circular.example>", FRANCE, CONTACT, SUBJECT, "one"),
          message("<b@circular.example>", FRANCE, CONTACT, SUBJECT, "two"));
      sandbox.save();
      Map<Path, String> first = snapshot(dir);

      sandbox.save();

      assertThat(first).hasSize(2);
      assertThat(snapshot(dir)).isEqualTo(first);
    }
  }

  @Test
  void startingAndStoppingThreeTimesKeepsTheSameMessages() throws Exception {
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      TestMail.send(
          sandbox.smtpPort(),
          message("<a@circular.example>", FRANCE, CONTACT, SUBJECT, "one"),
          message("<b@circular.example>", FRANCE, CONTACT, SUBJECT, "two"));
    }
    Map<Path, String> saved = snapshot(dir);

    for (int run = 0; run < 3; run++) {
      try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
        assertThat(TestMail.read(sandbox.imapPort(), CONTACT, "INBOX")).hasSize(2);
      }
    }

    assertThat(snapshot(dir)).isEqualTo(saved);
  }

  @Test
  void savesByItselfWhileRunningSoThatMailSurvivesAKill() throws Exception {
    List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    Path inbox = dir.resolve(CONTACT).resolve("INBOX");
    Semaphore looks = new Semaphore(0);
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      sandbox.saveEvery(Duration.ofMillis(50), failures::add, looks::release);
      TestMail.send(
          sandbox.smtpPort(),
          message("<early@circular.example>", FRANCE, CONTACT, SUBJECT, "early"));

      do {
        assertThat(looks.tryAcquire(30, TimeUnit.SECONDS))
            .as("the sandbox looks for mail to save")
            .isTrue();
      } while (!Files.isDirectory(inbox) || emlFiles(inbox).isEmpty());
      Map<Path, String> saved = snapshot(dir);
      assertThat(looks.tryAcquire(3, 30, TimeUnit.SECONDS)).as("three more looks").isTrue();
      assertThat(snapshot(dir)).as("nothing new, nothing written again").isEqualTo(saved);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void loadsAnEmlDroppedIntoAnInboxAndKeepsItUnderItsOwnName() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve(CONTACT).resolve("INBOX"));
    String exported =
        String.join(
            "\n",
            "From: Délégation de la France <" + FRANCE + ">",
            "To: " + CONTACT,
            "Subject: =?UTF-8?Q?R=C3=A9ponse_=C3=A0_la_lettre?=",
            "Message-ID: <reply-fra@france.example>",
            "In-Reply-To: <letter-1@circular.example>",
            "Date: Mon, 2 Apr 2012 10:00:00 +0200",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "Nous serons présents.",
            "");
    Path dropped = inbox.resolve("reply from France.eml");
    Files.writeString(dropped, exported, StandardCharsets.UTF_8);

    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      assertThat(TestMail.read(sandbox.imapPort(), CONTACT, "INBOX"))
          .extracting(Mail::messageId, Mail::subject, Mail::body)
          .containsExactly(
              tuple("<reply-fra@france.example>", "Réponse à la lettre", "Nous serons présents."));
      sandbox.save();
    }

    assertThat(emlFiles(inbox)).containsExactly(dropped);
    assertThat(Files.readString(dropped, StandardCharsets.UTF_8)).isEqualTo(exported);
  }

  @Test
  void savesAMessageAppendedOverImap() throws Exception {
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      TestMail.append(
          sandbox.imapPort(),
          CONTACT,
          "INBOX",
          message("<appended@france.example>", FRANCE, CONTACT, SUBJECT, "Filed by hand."));
    }

    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      assertThat(TestMail.read(sandbox.imapPort(), CONTACT, "INBOX"))
          .extracting(Mail::messageId)
          .containsExactly("<appended@france.example>");
    }
    assertThat(emlFiles(dir.resolve(CONTACT).resolve("INBOX"))).hasSize(1);
  }

  @Test
  void savesAReplySentOverSmtpToAnotherUserAndTheCopyAppendedToItsSentFolder() throws Exception {
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      TestMail.send(
          sandbox.smtpPort(),
          message("<letter@circular.example>", CONTACT, FRANCE, SUBJECT, "The letter."));
      var reply =
          message("<reply@france.example>", FRANCE, CONTACT, "Re: " + SUBJECT, "We shall attend.");
      TestMail.send(sandbox.smtpPort(), reply);
      TestMail.append(sandbox.imapPort(), FRANCE, "Sent", reply);
    }

    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      assertThat(TestMail.read(sandbox.imapPort(), FRANCE, "INBOX"))
          .extracting(Mail::messageId)
          .containsExactly("<letter@circular.example>");
      assertThat(TestMail.read(sandbox.imapPort(), FRANCE, "Sent"))
          .extracting(Mail::messageId)
          .containsExactly("<reply@france.example>");
      assertThat(TestMail.read(sandbox.imapPort(), CONTACT, "INBOX"))
          .extracting(Mail::messageId)
          .containsExactly("<reply@france.example>");
    }
    assertThat(emlFiles(dir.resolve(FRANCE).resolve("Sent"))).hasSize(1);
  }

  @Test
  void deletesTheFileOfAMessageExpungedOverImap() throws Exception {
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      TestMail.send(
          sandbox.smtpPort(),
          message("<keep@circular.example>", FRANCE, CONTACT, SUBJECT, "keep"),
          message("<drop@circular.example>", FRANCE, CONTACT, SUBJECT, "drop"));
      sandbox.save();
      TestMail.expunge(sandbox.imapPort(), CONTACT, "INBOX", "<drop@circular.example>");
    }

    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      assertThat(TestMail.read(sandbox.imapPort(), CONTACT, "INBOX"))
          .extracting(Mail::messageId)
          .containsExactly("<keep@circular.example>");
    }
    assertThat(emlFiles(dir.resolve(CONTACT).resolve("INBOX"))).hasSize(1);
  }

  @Test
  void leavesAFileDroppedWhileRunningForTheNextStart() throws Exception {
    Path inbox = dir.resolve(CONTACT).resolve("INBOX");
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      TestMail.send(
          sandbox.smtpPort(),
          message("<first@circular.example>", FRANCE, CONTACT, SUBJECT, "first"));
      sandbox.save();
      try (var out = Files.newOutputStream(inbox.resolve("late.eml"))) {
        message("<late@france.example>", FRANCE, CONTACT, SUBJECT, "late").writeTo(out);
      }
      TestMail.send(
          sandbox.smtpPort(),
          message("<second@circular.example>", FRANCE, CONTACT, SUBJECT, "second"));
      sandbox.save();
      assertThat(inbox.resolve("late.eml")).exists();
    }

    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      assertThat(TestMail.read(sandbox.imapPort(), CONTACT, "INBOX"))
          .extracting(Mail::messageId)
          .containsExactlyInAnyOrder(
              "<first@circular.example>", "<second@circular.example>", "<late@france.example>");
    }
  }

  @Test
  void ignoresTheTemporaryFileOfASaveThatWasKilled() throws Exception {
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      TestMail.send(
          sandbox.smtpPort(), message("<only@circular.example>", FRANCE, CONTACT, SUBJECT, "only"));
    }
    Path inbox = dir.resolve(CONTACT).resolve("INBOX");
    Path saved = emlFiles(inbox).get(0);
    Path half = inbox.resolve(".20120322-090000-0123456789ab.eml.tmp");
    Files.write(half, Files.readAllBytes(saved), StandardOpenOption.CREATE_NEW);

    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      assertThat(TestMail.read(sandbox.imapPort(), CONTACT, "INBOX")).hasSize(1);
    }
    assertThat(half).doesNotExist();
    assertThat(emlFiles(inbox)).containsExactly(saved);
  }

  @Test
  void keepsTheDateAMessageWasReceived() throws Exception {
    Date received;
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      TestMail.send(
          sandbox.smtpPort(),
          message("<dated@circular.example>", FRANCE, CONTACT, SUBJECT, "dated"));
      received = TestMail.read(sandbox.imapPort(), CONTACT, "INBOX").get(0).received();
    }
    Path saved = emlFiles(dir.resolve(CONTACT).resolve("INBOX")).get(0);
    assertThat(Files.getLastModifiedTime(saved).toInstant().truncatedTo(ChronoUnit.SECONDS))
        .isEqualTo(received.toInstant());
    // a date the next start could not take for its own: the file's date is the message's
    Instant sent = Instant.parse("2012-03-22T09:00:00Z");
    Files.setLastModifiedTime(saved, FileTime.from(sent));

    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      assertThat(TestMail.read(sandbox.imapPort(), CONTACT, "INBOX").get(0).received().toInstant())
          .isEqualTo(sent);
    }
  }

  @Test
  void neverWritesOutsideItsFolderWhateverTheUserName() throws Exception {
    Path mailboxes = dir.resolve("sandbox");
    try (Sandbox sandbox = Sandbox.start(mailboxes, SandboxPorts.dynamic())) {
      TestMail.append(
          sandbox.imapPort(),
          "..",
          "INBOX",
          message("<odd@circular.example>", FRANCE, CONTACT, SUBJECT, "odd"));
      TestMail.append(
          sandbox.imapPort(),
          CONTACT,
          "INBOX",
          message("<fine@circular.example>", FRANCE, CONTACT, SUBJECT, "fine"));
    }

    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).toList())
          .singleElement()
          .satisfies(
              file -> assertThat(file).startsWith(mailboxes.resolve(CONTACT).resolve("INBOX")));
    }
  }

  @Test
  void listsTheFoldersThatHoldMailWithTheirCounts() throws Exception {
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic())) {
      TestMail.send(
          sandbox.smtpPort(),
          message("<a@circular.example>", FRANCE, CONTACT, SUBJECT, "one"),
          message("<b@circular.example>", FRANCE, CONTACT, SUBJECT, "two"));
      TestMail.append(
          sandbox.imapPort(),
          FRANCE,
          "INBOX.Archive",
          message("<c@circular.example>", CONTACT, FRANCE, SUBJECT, "three"));
      TestMail.read(sandbox.imapPort(), "empty@nowhere.example", "INBOX");

      assertThat(sandbox.mailboxes())
          .containsExactly(
              new MailboxSummary(FRANCE, "INBOX/Archive", 1),
              new MailboxSummary(CONTACT, "INBOX", 2));
    }
    assertThat(emlFiles(dir.resolve(FRANCE).resolve("INBOX").resolve("Archive"))).hasSize(1);
    assertThat(dir.resolve("empty@nowhere.example")).doesNotExist();
  }

  @Test
  void listensOnTheFixedPortsItIsGiven() throws Exception {
    int smtp = TestMail.freePort();
    int imap = TestMail.freePort();
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.fixed(smtp, imap))) {
      TestMail.send(smtp, message("<fixed@circular.example>", FRANCE, CONTACT, SUBJECT, "fixed"));

      assertThat(TestMail.read(imap, CONTACT, "INBOX")).hasSize(1);
      assertThat(sandbox.smtpPort()).isEqualTo(smtp);
      assertThat(sandbox.imapPort()).isEqualTo(imap);
      assertThat(sandbox.smtpUrl()).hasToString("smtp://127.0.0.1:" + smtp);
      assertThat(sandbox.imapUrl(CONTACT, "INBOX"))
          .hasToString(
              "imap://raylene.liufalani%40nz-mission-geneva.example@127.0.0.1:" + imap + "/INBOX")
          .satisfies(url -> assertThat(url.getUserInfo()).isEqualTo(CONTACT));
    }
  }

  @Test
  void refusesAFixedPortThatIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(TestMail.HOST))) {
      assertThatThrownBy(
              () ->
                  Sandbox.start(dir, SandboxPorts.fixed(TestMail.freePort(), taken.getLocalPort())))
          .isInstanceOfSatisfying(
              PortUnavailableException.class,
              e -> {
                assertThat(e.protocol()).isEqualTo("IMAP");
                assertThat(e.port()).isEqualTo(taken.getLocalPort());
              });
    }
  }

  @Test
  void cannotBeReachedFromTheNetwork() throws Exception {
    Optional<InetAddress> outside =
        Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
            .findFirst();
    assumeThat(outside).as("a network address besides loopback").isPresent();
    try (Sandbox sandbox = Sandbox.start(dir, SandboxPorts.dynamic());
        Socket socket = new Socket()) {
      assertThat(sandbox.host()).isEqualTo("127.0.0.1");
      assertThatThrownBy(
              () -> socket.connect(new InetSocketAddress(outside.get(), sandbox.smtpPort()), 2000))
          .isInstanceOfAny(ConnectException.class, SocketTimeoutException.class);
    }
  }

  /** Each file below {@code root} with its bytes and time, to compare two states of the folder. */
  static Map<Path, String> snapshot(Path root) throws IOException {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        FileTime time = Files.getLastModifiedTime(file);
        files.put(
            root.relativize(file),
            time + " " + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  static List<Path> emlFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList();
    }
  }
}
