package circular.preview;

import circular.InputException;
import circular.campaign.Preflight;
import circular.letters.Letter;
import circular.letters.LetterTemplate;
import circular.mail.MessageBuilder;
import circular.server.MessageId;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jsoup.nodes.Document;

/**
 * The preview in a browser: a small web server on 127.0.0.1 that shows every delegation's letter as
 * HTML, plain text, PDF and {@code .eml}. Each request reads the letter folder and the list afresh,
 * so an edit shows on reload; a problem in them is shown on the page in the command line's words.
 * Serves requests on a few threads of its own until closed.
 *
 * <pre>{@code
 * try (PreviewServer server = PreviewServer.start(letterFolder, listFile, Set.of(), 0)) {
 *   System.out.println(server.url());
 * }
 * }</pre>
 */
public final class PreviewServer implements AutoCloseable {
  public static final String HOST = "127.0.0.1";
  private static final String LETTERS = "/letters/";

  private final HttpServer server;
  private final ExecutorService threads;
  private final Path letterFolder;
  private final Path listFile;
  private final Set<String> only;
  private final MessageBuilder messages = new MessageBuilder(Session.getInstance(new Properties()));

  private PreviewServer(
      HttpServer server,
      ExecutorService threads,
      Path letterFolder,
      Path listFile,
      Set<String> only) {
    this.server = server;
    this.threads = threads;
    this.letterFolder = letterFolder;
    this.listFile = listFile;
    this.only = Set.copyOf(only);
  }

  /**
   * Starts serving on {@code 127.0.0.1:port} (0: any free port).
   *
   * @throws IOException if the port cannot be listened on ({@link java.net.BindException} when in
   *     use)
   */
  public static PreviewServer start(Path letterFolder, Path listFile, Set<String> only, int port)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), port), 16);
    ExecutorService threads =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread thread = new Thread(r, "circular-preview");
              thread.setDaemon(true);
              return thread;
            });
    PreviewServer preview = new PreviewServer(server, threads, letterFolder, listFile, only);
    server.createContext("/", preview::handle);
    server.setExecutor(threads);
    server.start();
    return preview;
  }

  /** The address of the index, e.g. {@code http://127.0.0.1:3080/}. */
  public URI url() {
    return URI.create("http://" + HOST + ":" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!fromThisComputer(exchange)) {
        send(
            exchange,
            403,
            "text/plain",
            bytes(
                "This preview answers only to http://"
                    + HOST
                    + ":"
                    + server.getAddress().getPort()
                    + "/\n"));
        return;
      }
      if (!List.of("GET", "HEAD").contains(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain", bytes("Only GET and HEAD.\n"));
        return;
      }
      try {
        respond(exchange, exchange.getRequestURI().getPath());
      } catch (InputException e) {
        send(exchange, 422, "text/html", bytes(problemPage("Cannot show this letter", e)));
      } catch (RuntimeException | MessagingException e) {
        send(
            exchange,
            500,
            "text/plain",
            bytes("circular: internal error, please report it: " + e + "\n"));
      }
    }
  }

  private void respond(HttpExchange exchange, String path) throws IOException, MessagingException {
    long start = System.nanoTime();
    if (path.equals("/favicon.ico")) {
      send(exchange, 404, "text/plain", new byte[0]);
      return;
    }
    Review review = Review.read(letterFolder, listFile, only);
    if (path.equals("/")) {
      send(
          exchange,
          200,
          "text/html",
          bytes(IndexPage.html(review, Duration.ofNanos(System.nanoTime() - start))));
      return;
    }
    String[] parts =
        path.startsWith(LETTERS) ? path.substring(LETTERS.length()).split("/", -1) : new String[0];
    Optional<Preflight.Checked> row =
        parts.length == 0 || parts.length > 2 ? Optional.empty() : review.row(parts[0]);
    if (row.isEmpty()) {
      send(exchange, 404, "text/html", bytes(notFound(review, path)));
      return;
    }
    String view = parts.length == 2 ? parts[1] : "";
    if (view.isEmpty() || row.get().letter().isEmpty()) {
      send(
          exchange,
          view.isEmpty() || row.get().problems().isEmpty() ? 200 : 422,
          "text/html",
          bytes(LetterPage.html(review, row.get())));
      return;
    }
    Letter letter = row.get().letter().get();
    LetterTemplate template = review.template().orElseThrow();
    switch (view) {
      case "html" -> {
        exchange
            .getResponseHeaders()
            .set("Content-Security-Policy", "script-src 'none'; object-src 'none'");
        send(exchange, 200, "text/html", bytes(letter.html()));
      }
      case "text" ->
          send(
              exchange,
              200,
              "text/plain",
              bytes(
                  TextView.of(
                      template.enclosePdf(letter), template.writtenFrom(letter.language()))));
      case "pdf" -> {
        exchange
            .getResponseHeaders()
            .set(
                "Content-Disposition",
                "inline; filename=\"" + template.pdfFileName(letter.recipient()) + "\"");
        send(exchange, 200, "application/pdf", template.pdf(letter));
      }
      case "eml" -> {
        ByteArrayOutputStream eml = new ByteArrayOutputStream();
        messages
            .build(
                template.enclosePdf(letter),
                MessageId.create(letter.from().address()).text(),
                Optional.empty())
            .writeTo(eml);
        exchange
            .getResponseHeaders()
            .set(
                "Content-Disposition",
                "attachment; filename=\"" + letter.recipient().id() + ".eml\"");
        send(exchange, 200, "message/rfc822", eml.toByteArray());
      }
      default -> send(exchange, 404, "text/html", bytes(notFound(review, path)));
    }
  }

  /**
   * Only a browser on this computer, asking for this server by address: not a page of another site.
   */
  private boolean fromThisComputer(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    int port = server.getAddress().getPort();
    return exchange.getRemoteAddress().getAddress().isLoopbackAddress()
        && (host == null || host.equals(HOST + ":" + port) || host.equals("localhost:" + port));
  }

  private static String notFound(Review review, String path) {
    Document page = Page.titled("Not found");
    page.body().appendElement("nav").appendElement("a").attr("href", "/").text("All delegations");
    page.body().appendElement("h1").text("Nothing at " + path);
    page.body()
        .appendElement("p")
        .text(
            "Letters are at /letters/ID, where ID is a recipient id in "
                + review.listFile()
                + "; the index lists them all.");
    Page.problems(page.body(), review.problems());
    return page.outerHtml();
  }

  private static String problemPage(String title, InputException e) {
    Document page = Page.titled(title);
    page.body().appendElement("nav").appendElement("a").attr("href", "/").text("All delegations");
    page.body().appendElement("h1").text(title);
    Page.problems(page.body(), e.problems());
    return page.outerHtml();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    boolean text = type.startsWith("text/");
    exchange.getResponseHeaders().set("Content-Type", text ? type + "; charset=UTF-8" : type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
