package circular.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted SMTP server on 127.0.0.1 for injecting faults: it answers like a plain server unless
 * the script says otherwise for a command (another reply, closing the connection, or never
 * answering). It records every command it was sent and every letter it accepted. For tests only.
 */
public final class FakeSmtpServer implements AutoCloseable {

  /** Decides how to answer one command; {@link Reaction#normal()} for the usual reply. */
  public interface Script {
    Reaction react(Command command);
  }

  /**
   * A command as the server saw it.
   *
   * @param verb {@code CONNECT} for the greeting, {@code .} for the end of data, else the SMTP verb
   * @param argument the address for MAIL and RCPT, else the rest of the line
   * @param seen how many times this verb with this argument has come, this one included
   */
  public record Command(int connection, String verb, String argument, int seen) {
    public boolean is(String aVerb) {
      return verb.equals(aVerb);
    }

    public boolean is(String aVerb, String anArgument) {
      return verb.equals(aVerb) && argument.equalsIgnoreCase(anArgument);
    }
  }

  /** How the server answers. */
  public record Reaction(Kind kind, String reply) {
    enum Kind {
      NORMAL,
      REPLY,
      CLOSE,
      HANG
    }

    public static Reaction normal() {
      return new Reaction(Kind.NORMAL, "");
    }

    public static Reaction reply(String reply) {
      return new Reaction(Kind.REPLY, reply);
    }

    /** Close the connection without a word. */
    public static Reaction close() {
      return new Reaction(Kind.CLOSE, "");
    }

    /** Never answer; wait for the client to give up. */
    public static Reaction hang() {
      return new Reaction(Kind.HANG, "");
    }
  }

  private final ServerSocket listener;
  private final Script script;
  private final String authMechanisms;
  private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
  private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Integer> seen = new HashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

  private FakeSmtpServer(Script script, String authMechanisms) throws IOException {
    this.script = script;
    this.authMechanisms = authMechanisms;
    this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread acceptor = new Thread(this::acceptAll, "fake-smtp-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static FakeSmtpServer start(Script script) throws IOException {
    return new FakeSmtpServer(script, "");
  }

  /**
   * A server that offers AUTH with these mechanisms ("PLAIN", "PLAIN XOAUTH2"); the script answers
   * the AUTH command, whose argument is logged as the mechanism alone, never the secret.
   */
  static FakeSmtpServer startWithAuth(String mechanisms, Script script) throws IOException {
    return new FakeSmtpServer(script, mechanisms);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** {@code smtp://127.0.0.1:PORT}. */
  public String url() {
    return "smtp://127.0.0.1:" + port();
  }

  public int connections() {
    return connections.get();
  }

  /** Every command, as "VERB argument", in the order they came. */
  public List<String> commands() {
    synchronized (commands) {
      return List.copyOf(commands);
    }
  }

  public long count(String verb) {
    return commands().stream().filter(c -> c.equals(verb) || c.startsWith(verb + " ")).count();
  }

  public long count(String verb, String argument) {
    return commands().stream().filter(c -> c.equalsIgnoreCase(verb + " " + argument)).count();
  }

  /** The letters accepted with a 2xx after their data, as received. */
  public List<String> accepted() {
    synchronized (accepted) {
      return List.copyOf(accepted);
    }
  }

  private void acceptAll() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        open.add(socket);
        int number = connections.incrementAndGet();
        Thread t = new Thread(() -> serve(socket, number), "fake-smtp-" + number);
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket, int connection) {
    try (socket) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      if (answer(socket, in, out, connection, "CONNECT", "", "220 fake.example ESMTP", null)
          == null) {
        return;
      }
      String line;
      while ((line = in.readLine()) != null) {
        String verb =
            (line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line).toUpperCase();
        String rest = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
        String argument =
            verb.equals("MAIL") || verb.equals("RCPT")
                ? rest.substring(rest.indexOf('<') + 1, rest.lastIndexOf('>'))
                : rest;
        String normal =
            switch (verb) {
              case "EHLO" ->
                  authMechanisms.isEmpty()
                      ? "250-fake.example\r\n250 8BITMIME"
                      : "250-fake.example\r\n250-8BITMIME\r\n250 AUTH " + authMechanisms;
              case "HELO", "RSET", "NOOP" -> "250 2.0.0 ok";
              case "AUTH" -> "235 2.7.0 accepted";
              case "MAIL" -> "250 2.1.0 sender ok";
              case "RCPT" -> "250 2.1.5 recipient ok";
              case "DATA" -> "354 go ahead";
              case "QUIT" -> "221 2.0.0 bye";
              default -> "500 5.5.2 unknown command";
            };
        String reply =
            answer(
                socket,
                in,
                out,
                connection,
                verb,
                verb.equals("AUTH") ? rest.split(" ")[0] : argument,
                normal,
                null);
        if (reply == null || verb.equals("QUIT")) {
          return;
        }
        if (verb.equals("DATA") && reply.startsWith("354")) {
          StringBuilder data = new StringBuilder();
          String d;
          while ((d = in.readLine()) != null && !d.equals(".")) {
            data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
          }
          if (d == null) {
            return;
          }
          if (answer(
                  socket, in, out, connection, ".", "", "250 2.0.0 queued as FAKE", data.toString())
              == null) {
            return;
          }
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  /**
   * Logs the command, asks the script, answers; the reply, or null when the connection is over. A
   * letter is recorded as accepted before its 2xx goes out, so that a client that has it sees it.
   */
  private String answer(
      Socket socket,
      BufferedReader in,
      OutputStream out,
      int connection,
      String verb,
      String argument,
      String normal,
      String letter)
      throws IOException {
    int times;
    synchronized (seen) {
      times = seen.merge(verb + " " + argument.toLowerCase(), 1, Integer::sum);
    }
    commands.add(argument.isEmpty() ? verb : verb + " " + argument);
    Reaction reaction = script.react(new Command(connection, verb, argument, times));
    switch (reaction.kind()) {
      case CLOSE -> {
        socket.close();
        return null;
      }
      case HANG -> {
        while (in.readLine() != null) {
          // say nothing until the client gives up
        }
        return null;
      }
      default -> {
        String reply = reaction.kind() == Reaction.Kind.REPLY ? reaction.reply() : normal;
        if (letter != null && reply.startsWith("2")) {
          accepted.add(letter);
        }
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (reply.startsWith("421")) {
          socket.close();
          return null;
        }
        return reply;
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (open) {
      for (Socket s : open) {
        s.close();
      }
    }
  }
}
