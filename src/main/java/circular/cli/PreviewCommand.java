package circular.cli;

import circular.campaign.Preflight;
import circular.letters.Letter;
import circular.mail.MessageBuilder;
import circular.mail.MessageIds;
import circular.recipients.Recipient;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code circular preview}: the letters exactly as they will leave, before anything leaves. */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the letter as each delegation will receive it. The whole list is checked first,",
      "as before sending; any problem is reported and nothing is written.",
      "Without --out, one letter goes to standard output (the first row, or those of --only)."
    })
final class PreviewCommand implements Callable<Integer> {
  enum Format {
    text,
    html,
    eml,
    pdf
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LETTER", description = "The letter folder, e.g. letter-templates/2012-03-22-nim-invitation (or just its name).")
  String letter;

  @Parameters(index = "1", paramLabel = "RECIPIENTS", description = "The recipient list, e.g. recipients/ccm-states-parties-2012.csv (or just its name).")
  String recipients;

  @Option(names = "--only", split = ",", paramLabel = "ID", description = "Only these recipients (ids, comma-separated).")
  Set<String> only = new LinkedHashSet<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (headers and plain-text body, the default), html (the HTML body), eml (the whole message, to open in a mail client) or pdf (the letter printed on A4; needs --out).")
  Format format = Format.text;

  @Option(names = "--out", paramLabel = "DIR", description = "Write one file per recipient into DIR (<id>.txt, <id>.html, <id>.eml or <id>.pdf) instead of standard output.")
  Path out;

  @Override
  public Integer call() throws IOException, MessagingException {
    if (format == Format.pdf && out == null) {
      throw new ParameterException(spec.commandLine(), "--format pdf writes files, one per recipient: add --out DIR");
    }
    Preflight.Prepared prepared = Preflight.check(Locations.letter(letter), Locations.recipients(recipients), only);
    MessageBuilder builder = new MessageBuilder(Session.getInstance(new Properties()));
    PrintWriter stdout = spec.commandLine().getOut();
    List<Recipient> rows = prepared.recipients().recipients();
    if (out != null) {
      Files.createDirectories(out);
      for (Recipient recipient : rows) {
        Path file = out.resolve(recipient.id() + "." + format.name().replace("text", "txt"));
        try (OutputStream stream = Files.newOutputStream(file)) {
          stream.write(render(recipient, prepared, builder));
        }
      }
      stdout.printf("Wrote %d letter%s to %s%n", rows.size(), rows.size() == 1 ? "" : "s", out);
      return ExitCode.DONE;
    }
    List<Recipient> shown = only.isEmpty() ? rows.subList(0, 1) : rows;
    if (only.isEmpty() && rows.size() > 1) {
      spec.commandLine().getErr().printf(
          "Showing %s (1 of %d); --only ID shows another, --out DIR writes them all.%n", rows.get(0).id(), rows.size());
    }
    for (Recipient recipient : shown) {
      if (shown.size() > 1) {
        stdout.printf("==> %s <==%n", recipient.id());
      }
      stdout.print(new String(render(recipient, prepared, builder), StandardCharsets.UTF_8));
      stdout.flush();
    }
    return ExitCode.DONE;
  }

  private byte[] render(Recipient recipient, Preflight.Prepared prepared, MessageBuilder builder)
      throws IOException, MessagingException {
    // the text and the message show the letter as it leaves, its PDF enclosed if attached;
    // the HTML and the PDF are the letter itself
    Letter letter = switch (format) {
      case text, eml -> prepared.letterFor(recipient);
      case html, pdf -> prepared.template().render(recipient);
    };
    return switch (format) {
      case text -> textView(letter).getBytes(StandardCharsets.UTF_8);
      case pdf -> prepared.template().pdf(letter);
      case html -> letter.html().getBytes(StandardCharsets.UTF_8);
      case eml -> {
        MimeMessage message = builder.build(letter, MessageIds.create(letter.from()), Optional.empty());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        yield bytes.toByteArray();
      }
    };
  }

  /** The headers a reader sees, then the plain-text body. */
  static String textView(Letter letter) {
    StringBuilder view = new StringBuilder();
    view.append("From: ").append(letter.from()).append('\n');
    if (!letter.replyTo().isEmpty()) {
      view.append("Reply-To: ").append(join(letter.replyTo())).append('\n');
    }
    view.append("To: ").append(join(letter.to())).append('\n');
    if (!letter.cc().isEmpty()) {
      view.append("Cc: ").append(join(letter.cc())).append('\n');
    }
    if (!letter.bcc().isEmpty()) {
      view.append("Bcc: ").append(join(letter.bcc())).append('\n');
    }
    view.append("Subject: ").append(letter.subject()).append('\n');
    view.append("Language: ").append(letter.language()).append('\n');
    for (String file : letter.fileNames()) {
      view.append("Attachment: ").append(file).append('\n');
    }
    view.append('\n').append(letter.text());
    return view.toString();
  }

  private static String join(List<?> items) {
    return items.stream().map(Object::toString).collect(Collectors.joining(", "));
  }
}
