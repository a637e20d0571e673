package circular.cli;

import circular.InputException;
import circular.Problem;
import circular.campaign.Preflight;
import circular.letters.Letter;
import circular.mail.MessageBuilder;
import circular.preview.PreviewServer;
import circular.preview.TextView;
import circular.recipients.Recipient;
import circular.server.MessageId;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code circular preview}: the letters exactly as they will leave, before anything leaves. */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description = {
      "Shows each letter exactly as its delegation will receive it.",
      "The whole list is checked first, as before sending; any problem is reported and nothing is written. Without --out, one letter goes to standard output (the first row, or those of --only). With --serve, a web page on this computer shows every letter: edit, then reload."
    })
final class PreviewCommand implements Callable<Integer>, Cli.Misuse {
  static final int DEFAULT_PORT = 3080;

  enum Format {
    text,
    html,
    eml,
    pdf
  }

  @Spec CommandSpec spec;

  @Mixin LetterAndList arguments;

  @Mixin OnlyOption only;

  /** Either the letters are served, or they are written: to standard output or files. */
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Mode mode;

  static final class Mode {
    @ArgGroup(exclusive = false, multiplicity = "1")
    Serve serve;

    @ArgGroup(exclusive = false, multiplicity = "1")
    Written written;
  }

  static final class Serve {
    @Option(
        names = "--serve",
        required = true,
        description =
            "Show every letter in a browser, at http://127.0.0.1:PORT/, until Ctrl-C. Every page reads the letter and the list afresh.")
    boolean serve;

    @Option(
        names = "--port",
        paramLabel = "N",
        converter = Port.AnyOrFree.class,
        defaultValue = "" + DEFAULT_PORT,
        description =
            "The port of --serve on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;
  }

  static final class Written {
    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description =
            "text (headers and plain-text body, the default), html (the HTML body), eml (the whole message, to open in a mail client) or pdf (the letter printed on A4; needs --out).")
    Format format = Format.text;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description =
            "Write one file per recipient into DIR (<id>.txt, <id>.html, <id>.eml or <id>.pdf) instead of standard output.")
    Path out;
  }

  /** picocli finds the mistakes; these words say what to do about them. */
  @Override
  public Optional<String> explain(ParameterException e) {
    if (e instanceof MutuallyExclusiveArgsException) {
      return Optional.of(
          "--serve shows every letter in every form in the browser: drop --out and --format");
    }
    if (e instanceof MissingParameterException missing
        && missing.getMissing().stream()
            .anyMatch(a -> a instanceof OptionSpec o && o.longestName().equals("--serve"))) {
      return Optional.of("--port is the port of --serve: add --serve, or drop --port");
    }
    return Optional.empty();
  }

  @Override
  public Integer call() throws IOException, MessagingException {
    if (mode != null && mode.serve != null) {
      return serve(mode.serve.port);
    }
    Written written = mode != null ? mode.written : new Written();
    Format format = written.format;
    Path out = written.out;
    if (format == Format.pdf && out == null) {
      throw new ParameterException(
          spec.commandLine(), "--format pdf writes files, one per recipient: add --out DIR");
    }
    if (out != null) {
      WritableFolder.check("--out", out);
      Path letter = arguments.letterFolder().toAbsolutePath().normalize();
      if (out.toAbsolutePath().normalize().startsWith(letter)) {
        // a letter written there, letter.html or letter_fr.txt, would become part of the letter
        throw new InputException(
            new Problem(
                "--out",
                out
                    + " is inside the letter folder "
                    + arguments.letterFolder()
                    + "; write the previews elsewhere, e.g. --out preview"));
      }
    }
    Preflight.Prepared prepared =
        Preflight.check(arguments.letterFolder(), arguments.listFile(), only.ids);
    MessageBuilder builder = new MessageBuilder(Session.getInstance(new Properties()));
    PrintWriter stdout = spec.commandLine().getOut();
    List<Recipient> rows = prepared.recipients().recipients();
    if (out != null) {
      WritableFolder.create("--out", out);
      for (Recipient recipient : rows) {
        Path file = out.resolve(recipient.id() + "." + format.name().replace("text", "txt"));
        try (OutputStream stream = Files.newOutputStream(file)) {
          stream.write(render(recipient, prepared, builder, format));
        }
      }
      stdout.printf("Wrote %d letter%s to %s%n", rows.size(), rows.size() == 1 ? "" : "s", out);
      return ExitCode.DONE;
    }
    List<Recipient> shown = only.ids.isEmpty() ? rows.subList(0, 1) : rows;
    if (only.ids.isEmpty() && rows.size() > 1) {
      spec.commandLine()
          .getErr()
          .printf(
              "Showing %s (1 of %d); --only ID shows another, --out DIR writes them all.%n",
              rows.get(0).id(), rows.size());
    }
    String text = "";
    for (Recipient recipient : shown) {
      if (shown.size() > 1) {
        // as head(1) does: a blank line between one letter and the next one's header
        String gap = text.isEmpty() ? "" : text.endsWith("\n") ? "\n" : "\n\n";
        stdout.printf("%s==> %s <==%n", gap, recipient.id());
      }
      text = new String(render(recipient, prepared, builder, format), StandardCharsets.UTF_8);
      stdout.print(text);
      stdout.flush();
    }
    return ExitCode.DONE;
  }

  private static List<String> filesSentWith(Letter letter, Preflight.Prepared prepared) {
    List<String> files = new ArrayList<>(letter.fileNames());
    if (prepared.template().attachesPdf(letter.language())) {
      files.add(prepared.template().pdfFileName(letter.recipient()));
    }
    return files;
  }

  private static byte[] render(
      Recipient recipient, Preflight.Prepared prepared, MessageBuilder builder, Format format)
      throws IOException, MessagingException {
    // the message shows the letter as it leaves, its PDF enclosed if attached; the text view
    // names that PDF without printing it (the preflight has checked that it prints); the HTML
    // and the PDF are the letter itself
    Letter letter =
        switch (format) {
          case eml -> prepared.letterFor(recipient);
          case text, html, pdf -> prepared.rendered(recipient);
        };
    return switch (format) {
      case text ->
          TextView.of(
                  letter,
                  filesSentWith(letter, prepared),
                  prepared.template().writtenFrom(letter.language()))
              .getBytes(StandardCharsets.UTF_8);
      case pdf -> prepared.template().pdf(letter);
      case html -> letter.html().getBytes(StandardCharsets.UTF_8);
      case eml ->
          builder
              .encode(letter, MessageId.create(letter.from().address()).text(), Optional.empty())
              .bytes();
    };
  }

  /** Serves the preview page until interrupted (tests) or Ctrl-C (the process then ends). */
  private int serve(int port) throws IOException {
    Path letterFolder = arguments.letterFolder();
    Path listFile = arguments.listFile();
    PreviewServer server;
    try {
      server = PreviewServer.start(letterFolder, listFile, only.ids, port);
    } catch (BindException e) {
      throw InputException.of(
          PreviewServer.HOST + ":" + port,
          "cannot listen ("
              + e.getMessage()
              + "; is another preview running?); choose another port with --port N");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    Thread hook = new Thread(server::close, "preview-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stdout.printf(
          "Preview of %s for %s on this computer only:%n  %s%n",
          letterFolder, listFile, server.url());
      stdout.printf(
          "Every page reads the letter and the list afresh: edit them, then reload. Press Ctrl-C to stop.%n");
      stdout.flush();
      new CountDownLatch(1).await(); // Ctrl-C ends the process and the hook stops the server
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to
      }
      server.close();
    }
    stdout.println("Stopped.");
    stdout.flush();
    return ExitCode.DONE;
  }
}
