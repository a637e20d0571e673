import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The bare reference: a mail merge as a competent developer writes it with Commons CSV, Thymeleaf
 * and Angus Mail, and nothing else: one kept-open connection, no log, no copies, no checks.
 * Renders {@code letter.html} and {@code letter.txt} (messages from the letter's properties via
 * Thymeleaf's standard resolver), the subject from {@code subject=}, and sends
 * multipart/alternative to each row's {@code email}.
 *
 * <p>Run: {@code java -cp target/circular.jar bench/src/BareSend.java LETTER_DIR LIST.csv HOST PORT}
 * (bench/send_rate.py compiles it first, so that its time holds no compilation).
 */
public class BareSend {
  public static void main(String[] args) throws Exception {
    Path letter = Path.of(args[0]).toAbsolutePath();
    Path list = Path.of(args[1]);
    String host = args[2];
    int port = Integer.parseInt(args[3]);

    FileTemplateResolver files = new FileTemplateResolver();
    files.setPrefix(letter + "/");
    files.setCharacterEncoding("UTF-8");
    files.setCacheable(true);
    TemplateEngine documents = new TemplateEngine();
    documents.setTemplateResolver(files);
    TemplateEngine strings = new TemplateEngine();
    StringTemplateResolver stringResolver = new StringTemplateResolver();
    stringResolver.setTemplateMode(TemplateMode.TEXT);
    strings.setTemplateResolver(stringResolver);

    Properties en = properties(letter.resolve("letter.properties"));
    Properties fr = properties(letter.resolve("letter_fr.properties"));
    InternetAddress from = new InternetAddress(en.getProperty("from"));
    InternetAddress[] replyTo = InternetAddress.parse(en.getProperty("reply-to"));

    Properties props = new Properties();
    props.setProperty("mail.smtp.host", host);
    props.setProperty("mail.smtp.port", Integer.toString(port));
    Session session = Session.getInstance(props);
    int sent = 0;
    long start = System.nanoTime();
    try (Transport transport = session.getTransport("smtp");
        Reader reader = Files.newBufferedReader(list, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      transport.connect();
      for (CSVRecord row : parser) {
        Map<String, Object> variables = new HashMap<>(row.toMap());
        String language = row.get("language");
        Context context = new Context(Locale.forLanguageTag(language), variables);
        String html = documents.process("letter.html", context);
        String text = documents.process("letter.txt", context);
        String subject = strings.process(("fr".equals(language) ? fr : en).getProperty("subject"), context);

        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setReplyTo(replyTo);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(row.get("email").replace(';', ',')));
        if (!row.get("cc").isEmpty()) {
          message.setRecipients(Message.RecipientType.CC, InternetAddress.parse(row.get("cc").replace(';', ',')));
        }
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new java.util.Date());
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);
        message.setContent(alternative);
        message.saveChanges();
        transport.sendMessage(message, message.getAllRecipients());
        sent++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "sent %d in %.2f s (%.0f letters/s after start-up)%n", sent, seconds, sent / seconds);
  }

  private static Properties properties(Path file) throws IOException, MessagingException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}
