import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The reply scan over IMAP, timed as a user runs it. Starts GreenMail on 127.0.0.1 (SMTP and
 * IMAP), sends a campaign to it with {@code circular send} (a process), fills the contact's INBOX
 * with MESSAGES messages — REPLIES replies threaded to letters of the campaign, a few
 * out-of-office replies, the rest the contact's unrelated mail — then runs {@code circular
 * replies --imap ...} twice as a process: the first scan reads everything, the second finds
 * nothing new; then {@code circular digest} of the replies recorded. Prints messages/s of the
 * first scan and the wall times. {@code -Dbench.digest=false} leaves the digest out (for a jar
 * that has no such command).
 *
 * <p>Run: {@code java -cp target/circular.jar bench/src/ReplyScanBench.java LETTER_DIR LIST.csv
 * [MESSAGES=10000] [REPLIES=300]}
 */
public class ReplyScanBench {
  static final String CONTACT = "nim-contact@mission-coordinator.example";
  static final String PASSWORD = "bench-password";
  static final String JAR = Path.of("target/circular.jar").toAbsolutePath().toString();

  public static void main(String[] args) throws Exception {
    Path letter = Path.of(args[0]);
    Path list = Path.of(args[1]);
    int messages = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int replies = args.length > 3 ? Integer.parseInt(args[3]) : 300;
    Path campaign = Path.of("target/bench/runs/replies-campaign");
    deleteTree(campaign);

    GreenMail mail = new GreenMail(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
    mail.start();
    try {
      GreenMailUser contact = mail.setUser(CONTACT, CONTACT, PASSWORD);
      int smtp = mail.getSmtp().getPort();
      int imap = mail.getImap().getPort();

      Result send = run(List.of("send", letter.toString(), list.toString(), "--campaign", campaign.toString(),
          "--smtp", "smtp://127.0.0.1:" + smtp, "--yes", "--connections", "2"), 600);
      if (send.status != 0) {
        throw new IllegalStateException("send failed: " + send);
      }
      List<String[]> sent = sentLetters(campaign.resolve("sent.csv"));
      System.out.printf("campaign: %d letters sent to GreenMail%n", sent.size());

      long t0 = System.nanoTime();
      fill(contact, sent, messages, replies);
      System.out.printf(Locale.ROOT, "INBOX filled with %d messages in %.1f s%n", messages, (System.nanoTime() - t0) / 1e9);

      String url = "imap://nim-contact%40mission-coordinator.example@127.0.0.1:" + imap + "/INBOX";
      List<String> scan = List.of("replies", "--campaign", campaign.toString(), "--imap", url);
      Result first = run(scan, 600, "first");
      Result again = run(scan, 600, "again");
      System.out.println("first scan:  " + first.out.strip());
      System.out.println("second scan: " + again.out.strip());
      if (first.status != 0 || again.status != 0) {
        throw new IllegalStateException("replies failed:\n" + first + "\n" + again);
      }
      System.out.printf(Locale.ROOT,
          "first scan: %d messages in %.2f s = %.0f messages/s (process wall time, JVM start included)%n",
          messages, first.seconds, messages / first.seconds);
      System.out.printf(Locale.ROOT, "rescan with nothing new: %.2f s%n", again.seconds);
      // the digest of what the scan recorded: every reply's kept copy read, its words and files written
      if (Boolean.parseBoolean(System.getProperty("bench.digest", "true"))) {
        Result digest = run(List.of("digest", "--campaign", campaign.toString()), 600, "digest");
        if (digest.status != 0) {
          throw new IllegalStateException("digest failed:\n" + digest);
        }
        System.out.println("digest:      " + digest.out.strip());
        System.out.printf(Locale.ROOT, "digest of %d replies: %.2f s (process wall time, JVM start included)%n", replies, digest.seconds);
      }
      Path archive = Path.of("target/circular.jsa");
      if (Files.exists(archive)) {
        Result cds = run(scan, 600, null, List.of("-XX:SharedArchiveFile=" + archive));
        System.out.printf(Locale.ROOT, "rescan with nothing new, AppCDS archive (bench/cds.sh): %.2f s%n", cds.seconds);
      }
    } finally {
      mail.stop();
    }
  }

  /** {@code [recipient_id, email, message_id, subject-less]} of every letter sent. */
  static List<String[]> sentLetters(Path sentCsv) throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(sentCsv, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord row : p) {
        if (row.get("status").equals("sent")) {
          rows.add(new String[] {row.get("recipient_id"), row.get("email").split(";")[0], row.get("message_id")});
        }
      }
    }
    return rows;
  }

  /** Replies threaded to the letters, a few out-of-office replies, and everyday mail; interleaved. */
  static void fill(GreenMailUser contact, List<String[]> sent, int messages, int replies) throws Exception {
    Session session = Session.getInstance(new Properties());
    Random random = new Random(42);
    int autoReplies = replies / 10;
    String filler = "Dear colleague,\n\n" + "Please find below the points for our meeting next week. ".repeat(20) + "\n\nBest regards\n";
    String[] topics = {"Agenda for Thursday", "Room booking", "Newsletter: disarmament weekly", "Lunch on Friday?",
        "Draft report, second reading", "Visa letter", "Budget figures Q2", "Minutes of the bureau meeting"};
    for (int i = 0; i < messages; i++) {
      MimeMessage m = new MimeMessage(session);
      m.setSentDate(new Date(System.currentTimeMillis() - (messages - i) * 60_000L));
      m.setRecipients(Message.RecipientType.TO, CONTACT);
      boolean reply = i % (messages / replies) == 0 && i / (messages / replies) < replies;
      boolean auto = !reply && i % (messages / autoReplies) == 7 && i / (messages / autoReplies) < autoReplies;
      if (reply || auto) {
        String[] letter = sent.get(random.nextInt(sent.size()));
        m.setFrom(new InternetAddress(letter[1]));
        m.setHeader("In-Reply-To", letter[2]);
        m.setHeader("References", letter[2]);
        if (auto) {
          m.setHeader("Auto-Submitted", "auto-replied");
          m.setSubject("Out of office: Intersessional Meetings", "UTF-8");
          m.setText("I am out of the office until Monday.", "UTF-8");
        } else {
          m.setSubject("Re: Intersessional Meetings, Geneva, 16-19 April 2012", "UTF-8");
          m.setText("Our delegation will take the floor on national implementation.\n\n" + filler, "UTF-8");
        }
      } else {
        m.setFrom(new InternetAddress("colleague" + random.nextInt(200) + "@office" + random.nextInt(40) + ".example"));
        m.setSubject(topics[random.nextInt(topics.length)], "UTF-8");
        m.setText(filler, "UTF-8");
      }
      m.saveChanges();
      contact.deliver(m);
    }
  }

  record Result(int status, double seconds, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n" + out + err;
    }
  }

  static Result run(List<String> args, int timeoutSeconds) throws Exception {
    return run(args, timeoutSeconds, null);
  }

  /** @param profile with BENCH_JFR=DIR set, a JFR recording DIR/scan-{profile}.jfr of this run */
  static Result run(List<String> args, int timeoutSeconds, String profile) throws Exception {
    return run(args, timeoutSeconds, profile, List.of());
  }

  static Result run(List<String> args, int timeoutSeconds, String profile, List<String> jvmArgs) throws Exception {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(jvmArgs);
    String jfr = System.getenv("BENCH_JFR");
    if (profile != null && jfr != null) {
      command.add("-XX:StartFlightRecording=settings=profile,jdk.SocketRead#threshold=0ms,filename=" + jfr + "/scan-" + profile + ".jfr");
    }
    command.addAll(List.of("-jar", JAR));
    command.addAll(args);
    File out = File.createTempFile("bench-out", ".txt");
    File err = File.createTempFile("bench-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("CIRCULAR_IMAP_PASSWORD", PASSWORD);
    long t0 = System.nanoTime();
    Process p = builder.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IllegalStateException(String.join(" ", args) + ": did not finish in " + timeoutSeconds + " s");
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Result r = new Result(p.exitValue(), seconds, Files.readString(out.toPath()), Files.readString(err.toPath()));
    out.delete();
    err.delete();
    return r;
  }

  static void deleteTree(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
